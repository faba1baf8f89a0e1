import type { ImportJobStatus } from '../../../shared/api/methods/imports';
import { DomainError } from '../../errors';
import { startImport } from '../import-article';
import type { HandlerMap } from './types';

function known(jobId: string, status: ImportJobStatus | null): ImportJobStatus {
  if (!status) throw new DomainError('not_found', `No import job with id ${jobId} (finished jobs are forgotten after 15 minutes).`);
  return status;
}

export const importHandlers: HandlerMap<'imports.start' | 'imports.status' | 'imports.cancel' | 'imports.list'> = {
  'imports.start'(ctx, input) {
    const status = startImport(ctx, input);
    return { jobId: status.jobId, status };
  },
  'imports.status': (ctx, { jobId }) => known(jobId, ctx.importJobs.status(jobId)),
  'imports.cancel': (ctx, { jobId }) => known(jobId, ctx.importJobs.cancel(jobId)),
  'imports.list': (ctx) => ctx.importJobs.list()
};
