import type { MethodOutput, ParsedInput } from '../../../shared/api/contract';
import type { Verdict } from '../../../shared/domain';
import { spanProblem } from '../../../shared/text/spans';
import { DomainError } from '../../errors';
import { canonicalJson } from '../../export/canonical-json';
import { signValue } from '../../identity/signature';
import { userKey } from '../../identity/user-keys';
import { sha256Hex } from '../../import/hash';
import { listEvidenceOfClaim } from '../../store/evidence';
import { type ChangeGroup, runMutation } from '../../store/history';
import { listReviewsOfClaim, reviewRow } from '../../store/reviews';
import { getScale } from '../../store/scales';
import { getSettings } from '../../store/settings';
import { checkerMove, reviewOutcome } from '../../workflow/claim-workflow';
import { signedReviewPart, verifyClaims } from '../../workflow/verification';
import { changeSetOf } from '../change-set';
import type { HandlerContext } from '../context';
import { documentText, requireClaim, requireEntity } from './lookups';
import { newClaimRow } from './new-records';
import type { HandlerMap } from './types';

function verdictFor(ctx: HandlerContext, label: string): Verdict {
  const scaleId = getSettings(ctx.db).verdictScaleId;
  const scale = getScale(ctx.db, scaleId);
  if (!scale) throw new DomainError('not_found', `The verdict scale "${scaleId}" does not exist.`);
  if (!scale.labels.some((l) => l.label === label)) {
    throw new DomainError(
      'invalid_input',
      `"${label}" is not a verdict of the scale "${scale.name}" (${scale.labels.map((l) => l.label).join(', ')}).`
    );
  }
  return { scaleId: scale.id, scaleVersion: scale.version, label };
}

/**
 * Records a review, signed by the reviewer's key over the claim's published content as it is now,
 * and applies the stored status it leads to; shared by reviews.create and claims.transition. An
 * approval or change request given on other content than the claim has now (the window showed an
 * older version) is refused in the same transaction, before anything is written.
 */
function review(
  ctx: HandlerContext,
  input: ParsedInput<'reviews.create'>
): MethodOutput<'reviews.create'> {
  const { documentId } = requireClaim(ctx.db, input.claimId);
  const mutation = ctx.asUser();
  const comment = input.comment?.trim() ?? '';
  const id = ctx.newId();
  const { group } = runMutation(mutation, { documentId, action: `reviews.${input.decision}` }, (g) => {
    const stored = requireClaim(g.db, input.claimId);
    const [{ claim, content }] = verifyClaims(g.db, documentId, [stored]) as [ReturnType<typeof verifyClaims>[number]];
    const contentJson = canonicalJson(content);
    const contentHash = sha256Hex(contentJson);
    if (input.decision !== 'comment' && input.contentHash !== undefined && input.contentHash !== contentHash) {
      throw new DomainError(
        'conflict',
        'This claim changed since you opened it: what it says now is not what you were shown. ' +
          `Look at it again before you ${input.decision === 'approve' ? 'approve' : 'request changes'}.`
      );
    }
    const outcome = reviewOutcome(claim, mutation.user, input.decision, comment, input.confirmSelfReview ?? false);
    const key = userKey(g.db, mutation.user, g.at);
    const unsigned = {
      id,
      claimId: claim.id,
      author: mutation.user,
      decision: input.decision,
      comment,
      selfReview: outcome.selfReview,
      createdAt: g.at,
      content: contentJson,
      contentHash,
      publicKey: key.publicKey
    };
    g.insert('reviews', reviewRow({ ...unsigned, signature: signValue(key.privateKey, signedReviewPart(unsigned)) }));
    if (outcome.status && outcome.status !== stored.status) g.update('claims', claim.id, { status: outcome.status, updated_at: g.at });
  });
  return changeSetOf(ctx.db, group, id);
}

/** Records an edit of a claim (or of its evidence) in the same change group. */
export function touchClaim(group: ChangeGroup, claimId: string, patch: Record<string, string | number | null> = {}) {
  group.update('claims', claimId, { ...patch, updated_at: group.at });
}

/** Gives claims another claimant (entity merge or split). */
export function reattributeClaims(group: ChangeGroup, claimIds: string[], claimantId: string): void {
  for (const id of claimIds) touchClaim(group, id, { claimant_id: claimantId });
}

export const claimHandlers: HandlerMap<
  'claims.create' | 'claims.update' | 'claims.transition' | 'claims.delete' | 'reviews.create'
> = {
  'claims.create'(ctx, input) {
    const text = documentText(ctx.db, input.documentId);
    const problem = spanProblem(text, input.start, input.end);
    if (problem) throw new DomainError('invalid_input', `Cannot mark this claim: ${problem}.`);
    const id = ctx.newId();
    const { group } = runMutation(ctx.asUser(), { documentId: input.documentId, action: 'claims.create' }, (g) =>
      g.insert('claims', newClaimRow(g, text, { id, documentId: input.documentId, start: input.start, end: input.end, text: input.text }))
    );
    return changeSetOf(ctx.db, group, id);
  },

  'claims.update'(ctx, input) {
    const claim = requireClaim(ctx.db, input.id);
    if (input.claimantId) requireEntity(ctx.db, input.claimantId);
    if (input.text !== undefined && !input.text.trim()) {
      throw new DomainError('invalid_input', 'The claim as checked cannot be empty.');
    }
    const verdict =
      input.verdictLabel === undefined ? undefined : input.verdictLabel === null ? null : verdictFor(ctx, input.verdictLabel);
    const { group } = runMutation(ctx.asUser(), { documentId: claim.documentId, action: 'claims.update' }, (g) =>
      touchClaim(g, claim.id, {
        ...(input.text !== undefined && { text: input.text.trim() }),
        ...(input.claimantId !== undefined && { claimant_id: input.claimantId }),
        ...(input.claimDate !== undefined && { claim_date: input.claimDate || null }),
        ...(input.explanation !== undefined && { explanation: input.explanation }),
        ...(verdict !== undefined && {
          verdict_scale_id: verdict?.scaleId ?? null,
          verdict_scale_version: verdict?.scaleVersion ?? null,
          verdict_label: verdict?.label ?? null
        })
      })
    );
    return changeSetOf(ctx.db, group);
  },

  'claims.transition'(ctx, { id, to, comment, confirmSelfReview, contentHash }) {
    if (to === 'verified' || to === 'changes requested') {
      return review(ctx, {
        claimId: id,
        decision: to === 'verified' ? 'approve' : 'request changes',
        comment,
        confirmSelfReview,
        contentHash
      });
    }
    const claim = requireClaim(ctx.db, id);
    const status = checkerMove(claim, to);
    const { group } = runMutation(ctx.asUser(), { documentId: claim.documentId, action: `claims.${status}` }, (g) =>
      g.update('claims', id, { status, updated_at: g.at })
    );
    return changeSetOf(ctx.db, group);
  },

  'claims.delete'(ctx, { id }) {
    const claim = requireClaim(ctx.db, id);
    const { group } = runMutation(ctx.asUser(), { documentId: claim.documentId, action: 'claims.delete' }, (g) => {
      // Children are removed one by one (not by cascade) so that undo can bring them back.
      for (const evidence of listEvidenceOfClaim(ctx.db, id)) g.remove('evidence', evidence.id);
      for (const review of listReviewsOfClaim(ctx.db, id)) g.remove('reviews', review.id);
      g.remove('claims', id);
    });
    return changeSetOf(ctx.db, group);
  },

  'reviews.create': review
};
