/** Entity and claim suggestions: computed by the assist workers, accepted as annotations, rejections remembered. */
import type { ClaimSuggestion, EntitySuggestion } from '../../../shared/api/methods/assist';
import { findGaps } from '../../../shared/gaps';
import { spanProblem } from '../../../shared/text/spans';
import { libraryKnowledge } from '../../assist/library-knowledge';
import { registryName, textKey } from '../../assist/text/words';
import { assistEngine } from '../../assist/worker-pool';
import { DomainError } from '../../errors';
import { listClaims } from '../../store/claims';
import { runMutation } from '../../store/history';
import { listLabels } from '../../store/labels';
import { listMentions } from '../../store/mentions';
import { insertRejection, listRejections, rejectedKeys, rejectionKey, removeRejection } from '../../store/rejections';
import { changeSetOf, withLinkedEntities } from '../change-set';
import type { HandlerContext } from '../context';
import { documentText, requireEntity } from './lookups';
import { newClaimRow } from './new-records';
import { createMention, mentionTarget } from '../../workflow/create-mention';
import { entityNamed } from '../../workflow/registry-entity';
import type { HandlerMap } from './types';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Runs the suggestion pass for a document; the text and the library's knowledge go to a worker thread. */
export async function analyseDocument(ctx: HandlerContext, documentId: string, claims: boolean) {
  const text = documentText(ctx.db, documentId);
  const started = performance.now();
  const result = await assistEngine().analyse({ text, knowledge: libraryKnowledge(ctx.db), claims });
  return { text, result, tookMs: Math.round(performance.now() - started) };
}

/**
 * Suggestions worth showing: with a label of this library ('other' stands in for types it lacks),
 * not over an existing mention or a gap, not rejected for this document or everywhere.
 */
export function openEntitySuggestions(ctx: HandlerContext, documentId: string, text: string, found: Array<Omit<EntitySuggestion, 'exact'>>): EntitySuggestion[] {
  const labels = new Set(listLabels(ctx.db).map((l) => l.key));
  const taken: Array<{ start: number; end: number }> = [...listMentions(ctx.db, documentId), ...findGaps(text)];
  const rejected = rejectedKeys(ctx.db, documentId);
  const out: EntitySuggestion[] = [];
  for (const s of found) {
    const type = labels.has(s.type) ? s.type : labels.has('other') ? 'other' : null;
    if (!type) continue;
    const exact = text.slice(s.start, s.end);
    if (rejected.has(rejectionKey(type, textKey(exact)))) continue;
    if (taken.some((t) => overlaps(t, s))) continue;
    out.push({ ...s, type, exact });
  }
  return out;
}

export function requireLabels(ctx: HandlerContext, types: string[]) {
  const labels = new Set(listLabels(ctx.db).map((l) => l.key));
  const unknown = [...new Set(types)].filter((t) => !labels.has(t));
  if (unknown.length) throw new DomainError('invalid_input', `Not a label of this library: ${unknown.map((t) => `"${t}"`).join(', ')}.`);
}

export const suggestionHandlers: HandlerMap<
  | 'assist.entitySuggestions'
  | 'assist.acceptEntities'
  | 'assist.rejectEntities'
  | 'assist.rejections'
  | 'assist.unreject'
  | 'assist.claimSuggestions'
  | 'assist.acceptClaim'
> = {
  async 'assist.entitySuggestions'(ctx, { documentId }) {
    const { text, result, tookMs } = await analyseDocument(ctx, documentId, false);
    const suggestions = openEntitySuggestions(ctx, documentId, text, result.entities);
    return { documentId, ...result.language, suggestions, tookMs };
  },

  'assist.acceptEntities'(ctx, { documentId, suggestions }) {
    const target = mentionTarget(ctx.db, documentId);
    const { group } = runMutation(ctx.asUser(), { documentId, action: 'assist.acceptEntities' }, (g) => {
      // Linked to the registry entity of that name and type, made once for all mentions of it
      // (looked up once per name: "accept all" may pass thousands of mentions of a few names).
      const named = new Map<string, string>();
      const entityOf = (name: string, type: string) => {
        // Folded as SQLite's NOCASE folds (ASCII letters only), so the memo agrees with the lookup.
        const key = `${type}\u0000${name.replace(/[A-Z]/g, (c) => c.toLowerCase())}`;
        let id = named.get(key);
        if (!id) named.set(key, (id = entityNamed(g, ctx.newId, name, type)));
        return id;
      };
      for (const s of suggestions) {
        const entityId = s.entityId ?? (() => entityOf(registryName(target.text.slice(s.start, s.end)), s.type));
        createMention(g, target, { start: s.start, end: s.end, type: s.type, entityId, origin: 'suggested' }, { duplicate: 'skip', newId: ctx.newId });
      }
    });
    return withLinkedEntities(ctx.db, changeSetOf(ctx.db, group));
  },

  'assist.rejectEntities'(ctx, { documentId, suggestions, everywhere }) {
    const text = documentText(ctx.db, documentId);
    for (const s of suggestions) {
      const problem = spanProblem(text, s.start, s.end);
      if (problem) throw new DomainError('invalid_input', `Cannot reject the suggestion at ${s.start}–${s.end}: ${problem}.`);
    }
    requireLabels(ctx, suggestions.map((s) => s.type));
    return runMutation(ctx.asUser(), { documentId, action: 'assist.rejectEntities', kind: 'log' }, (g) =>
      suggestions.map((s) => {
        const exact = text.slice(s.start, s.end);
        return insertRejection(g, {
          id: ctx.newId(),
          documentId: everywhere ? null : documentId,
          textKey: textKey(exact),
          type: s.type,
          exact,
          start: s.start,
          end: s.end
        });
      })
    ).value;
  },

  'assist.rejections'(ctx, { documentId }) {
    if (documentId) documentText(ctx.db, documentId);
    return listRejections(ctx.db, documentId);
  },

  'assist.unreject'(ctx, { ids }) {
    const { value } = runMutation(ctx.asUser(), { documentId: null, action: 'assist.unreject', kind: 'log' }, (g) =>
      ids.filter((id) => removeRejection(g, id)).length
    );
    return { removed: value };
  },

  async 'assist.claimSuggestions'(ctx, { documentId, limit }) {
    const { text, result, tookMs } = await analyseDocument(ctx, documentId, true);
    const claimed = listClaims(ctx.db, documentId);
    const suggestions: ClaimSuggestion[] = result.claims
      .filter((c) => !claimed.some((existing) => overlaps(existing, c)))
      .slice(0, limit ?? 50)
      .map((c) => ({ ...c, exact: text.slice(c.start, c.end) }));
    return { documentId, ...result.language, suggestions, tookMs };
  },

  'assist.acceptClaim'(ctx, input) {
    const text = documentText(ctx.db, input.documentId);
    const problem = spanProblem(text, input.start, input.end);
    if (problem) throw new DomainError('invalid_input', `Cannot mark this claim: ${problem}.`);
    const claimant = input.claimant;
    if (claimant && 'entityId' in claimant) requireEntity(ctx.db, claimant.entityId);
    if (claimant && 'type' in claimant) requireLabels(ctx, [claimant.type]);
    const id = ctx.newId();
    const { group } = runMutation(ctx.asUser(), { documentId: input.documentId, action: 'assist.acceptClaim' }, (g) => {
      const claimantId = !claimant ? null : 'entityId' in claimant ? claimant.entityId : entityNamed(g, ctx.newId, claimant.name, claimant.type);
      g.insert(
        'claims',
        newClaimRow(g, text, {
          id,
          documentId: input.documentId,
          start: input.start,
          end: input.end,
          claimantId,
          score: input.score ?? null,
          scoreReason: input.scoreReason?.trim() || null
        })
      );
    });
    return changeSetOf(ctx.db, group, id);
  }
};
