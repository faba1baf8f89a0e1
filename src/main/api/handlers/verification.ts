import type { VerdictLabel, VerdictScale } from '../../../shared/domain';
import type { KeyInfo } from '../../../shared/api/methods/verification';
import { DomainError } from '../../errors';
import { shortFingerprint } from '../../identity/signature';
import { trustKey, userKey } from '../../identity/user-keys';
import { runMutation } from '../../store/history';
import { claimDocumentId, claimHistory, documentHistory } from '../../store/history-log';
import { getScale, insertScaleVersion } from '../../store/scales';
import { reviewView, withReceivedSignatures } from '../../workflow/verification';
import { documentText, requireClaim } from './lookups';
import type { HandlerMap } from './types';

const DEFAULT_HISTORY_PAGE = 200;

/** Why a list of verdict labels cannot make a scale, or null when it can. */
function scaleProblem(labels: VerdictLabel[]): string | null {
  const names = new Map<string, string>();
  const numbers = new Map<number, string>();
  for (const { label, value } of labels) {
    const key = label.toLocaleLowerCase();
    if (names.has(key)) return `Verdict labels must be unique: "${names.get(key)}" and "${label}" are the same label.`;
    names.set(key, label);
    if (value === null) continue;
    if (numbers.has(value)) return `Each number belongs to one label only: ${value} is given to "${numbers.get(value)}" and "${label}".`;
    numbers.set(value, label);
  }
  return null;
}

const sameScale = (a: VerdictScale, name: string, labels: VerdictLabel[]) =>
  a.name === name && JSON.stringify(a.labels) === JSON.stringify(labels.map(({ label, value }) => ({ label, value })));

const keyInfo = (userName: string, fingerprint: string): KeyInfo => ({ userName, fingerprint, shortFingerprint: shortFingerprint(fingerprint) });

export const verificationHandlers: HandlerMap<
  'claims.history' | 'claims.reviewView' | 'documents.history' | 'keys.mine' | 'keys.trust' | 'scales.save'
> = {
  'keys.mine'(ctx) {
    const { user } = ctx.asUser();
    return keyInfo(user, userKey(ctx.db, user, ctx.clock().toISOString()).fingerprint);
  },

  'keys.trust'(ctx, { userName, publicKey }) {
    return keyInfo(userName, trustKey(ctx.db, userName, publicKey, ctx.clock().toISOString()).fingerprint);
  },

  'claims.history'(ctx, { id }) {
    const documentId = claimDocumentId(ctx.db, id);
    if (!documentId) throw new DomainError('not_found', `No claim with id ${id}.`);
    // As with the document's own history: none while it is in the trash.
    documentText(ctx.db, documentId);
    return withReceivedSignatures(ctx.db, claimHistory(ctx.db, documentId, id));
  },

  'claims.reviewView'(ctx, { id }) {
    return reviewView(ctx.db, requireClaim(ctx.db, id));
  },

  'documents.history'(ctx, { documentId, limit, beforeSeq }) {
    documentText(ctx.db, documentId);
    const page = documentHistory(ctx.db, documentId, limit ?? DEFAULT_HISTORY_PAGE, beforeSeq ?? null);
    return { ...page, entries: withReceivedSignatures(ctx.db, page.entries) };
  },

  'scales.save'(ctx, { id, name, labels }) {
    const problem = scaleProblem(labels);
    if (problem) throw new DomainError('invalid_input', problem);
    const current = id === undefined ? null : getScale(ctx.db, id);
    if (id !== undefined && !current) throw new DomainError('not_found', `No verdict scale with id ${id}.`);
    if (current && sameScale(current, name, labels)) return current;
    const scale: VerdictScale = {
      id: current?.id ?? ctx.newId(),
      name,
      version: (current?.version ?? 0) + 1,
      labels: labels.map(({ label, value }) => ({ label, value }))
    };
    runMutation(ctx.asSystem(), { documentId: null, action: 'scales.save', kind: 'log' }, (group) =>
      insertScaleVersion(group, scale)
    );
    return scale;
  }
};
