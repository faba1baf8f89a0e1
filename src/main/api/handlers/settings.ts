import { cleanUserName, userNameProblem } from '../../../shared/person-name';
import { DomainError } from '../../errors';
import { runMutation } from '../../store/history';
import { listLabels } from '../../store/labels';
import { getScale, listScales } from '../../store/scales';
import { getSettings, updateSettings } from '../../store/settings';
import type { HandlerMap } from './types';

export const settingsHandlers: HandlerMap<'app.info' | 'settings.get' | 'settings.update' | 'labels.list' | 'scales.list'> = {
  'app.info': (ctx) => ({ name: 'Factdesk', version: ctx.version, mode: ctx.mode === 'electron' ? 'electron' : 'web' }),
  'settings.get': (ctx) => getSettings(ctx.db),
  'settings.update'(ctx, input) {
    if (input.verdictScaleId !== undefined && !getScale(ctx.db, input.verdictScaleId)) {
      throw new DomainError('not_found', `No verdict scale with id ${input.verdictScaleId}.`);
    }
    const userName = input.userName === undefined ? undefined : cleanUserName(input.userName);
    const problem = userName === undefined ? null : userNameProblem(userName);
    if (problem) throw new DomainError('invalid_input', problem);
    return runMutation(ctx.asSystem(), { documentId: null, action: 'settings.update', kind: 'log' }, (group) =>
      updateSettings(group, { ...input, ...(userName !== undefined && { userName }) })
    ).value;
  },
  'labels.list': (ctx) => listLabels(ctx.db),
  'scales.list': (ctx) => listScales(ctx.db)
};
