import { webAddressProblem } from '../../../shared/text/web-address';
import { DomainError } from '../../errors';
import { evidenceRow, getEvidence, nextEvidencePosition } from '../../store/evidence';
import { runMutation } from '../../store/history';
import { changeSetOf } from '../change-set';
import type { HandlerContext } from '../context';
import { touchClaim } from './claims';
import { requireClaim } from './lookups';
import type { HandlerMap } from './types';

function requireEvidence(ctx: HandlerContext, id: string) {
  const evidence = getEvidence(ctx.db, id);
  if (!evidence) throw new DomainError('not_found', `No evidence item with id ${id}.`);
  return evidence;
}

/** Refuses a link that is not a web address, saying why (the window offers https:// for "www.…"). */
function requireWebAddresses(fields: { url?: string; archivedUrl?: string }) {
  for (const [label, value] of [['URL', fields.url], ['archived URL', fields.archivedUrl]] as const) {
    const problem = value === undefined ? null : webAddressProblem(value);
    if (problem) throw new DomainError('invalid_input', `Cannot save the ${label}: ${problem}.`);
  }
}

export const evidenceHandlers: HandlerMap<'evidence.create' | 'evidence.update' | 'evidence.delete'> = {
  'evidence.create'(ctx, input) {
    const claim = requireClaim(ctx.db, input.claimId);
    requireWebAddresses(input);
    const mutation = ctx.asUser();
    const id = ctx.newId();
    const { group } = runMutation(mutation, { documentId: claim.documentId, action: 'evidence.create' }, (g) => {
      g.insert(
        'evidence',
        evidenceRow({
          id,
          claimId: claim.id,
          relation: input.relation,
          title: input.title ?? '',
          url: input.url ?? '',
          archivedUrl: input.archivedUrl ?? '',
          publisher: input.publisher ?? '',
          accessedAt: input.accessedAt ?? '',
          excerpt: input.excerpt ?? '',
          note: input.note ?? '',
          position: nextEvidencePosition(ctx.db, claim.id),
          author: mutation.user,
          createdAt: g.at,
          updatedAt: g.at
        })
      );
      touchClaim(g, claim.id);
    });
    return changeSetOf(ctx.db, group, id);
  },

  'evidence.update'(ctx, { id, ...fields }) {
    const evidence = requireEvidence(ctx, id);
    const claim = requireClaim(ctx.db, evidence.claimId);
    requireWebAddresses(fields);
    const { group } = runMutation(ctx.asUser(), { documentId: claim.documentId, action: 'evidence.update' }, (g) => {
      g.update('evidence', id, evidenceRow({ ...evidence, ...fields, updatedAt: g.at }));
      touchClaim(g, claim.id);
    });
    return changeSetOf(ctx.db, group);
  },

  'evidence.delete'(ctx, { id }) {
    const evidence = requireEvidence(ctx, id);
    const claim = requireClaim(ctx.db, evidence.claimId);
    const { group } = runMutation(ctx.asUser(), { documentId: claim.documentId, action: 'evidence.delete' }, (g) => {
      g.remove('evidence', id);
      touchClaim(g, claim.id);
    });
    return changeSetOf(ctx.db, group);
  }
};
