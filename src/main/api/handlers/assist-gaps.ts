/** Gap restoration: ranked candidate names for each masked gap, and confirming one in a single step. */
import type { GapRestoration } from '../../../shared/api/methods/assist';
import type { Mention } from '../../../shared/domain';
import { findGaps } from '../../../shared/gaps';
import { documentNames } from '../../assist/gaps/names';
import { buildGapPool } from '../../assist/gaps/pool';
import { rankGapCandidates } from '../../assist/gaps/rank';
import { registryName, textKey } from '../../assist/text/words';
import { getEntity } from '../../store/entities';
import { runMutation } from '../../store/history';
import { listMentions } from '../../store/mentions';
import { entityRegistry } from '../../store/registry';
import { changeSetOf } from '../change-set';
import { analyseDocument, openEntitySuggestions } from './assist-suggestions';
import { entityNamed } from '../../workflow/registry-entity';
import { requireEntity } from './lookups';
import { checkMention, createMention, mentionTarget } from '../../workflow/create-mention';
import type { HandlerMap } from './types';

/** Library entities offered beyond the document's own names (the most mentioned ones). */
const LIBRARY_CANDIDATES = 300;
const CONTEXT = 60;

export const gapHandlers: HandlerMap<'assist.gapCandidates' | 'assist.confirmGap'> = {
  async 'assist.gapCandidates'(ctx, { documentId }) {
    const { text, result } = await analyseDocument(ctx, documentId, false);
    const mentions = listMentions(ctx.db, documentId);
    const entities = new Map(
      entityRegistry(ctx.db, { query: '', type: null, limit: LIBRARY_CANDIDATES, offset: 0 }).entities.map((s) => [s.entity.id, s.entity])
    );
    for (const m of mentions) {
      if (m.entityId && !entities.has(m.entityId)) {
        const entity = getEntity(ctx.db, m.entityId);
        if (entity) entities.set(entity.id, entity);
      }
    }
    const accepted = mentions.filter((m) => m.status === 'accepted' && !m.masked);
    const suggestions = openEntitySuggestions(ctx, documentId, text, result.entities);
    const pool = buildGapPool({
      mentions: accepted,
      suggestions,
      names: documentNames(text, [...accepted, ...suggestions]),
      entities,
      library: [...entities.values()]
    });
    const gaps: GapRestoration[] = findGaps(text).map((gap) => {
      const masked = mentions.find((m) => m.masked && m.start === gap.start && m.end === gap.end);
      const ranked = rankGapCandidates(text, gap, pool);
      const lineStart = text.lastIndexOf('\n', gap.start - 1) + 1;
      const lineEnd = text.indexOf('\n', gap.end);
      return {
        ...gap,
        before: text.slice(Math.max(lineStart, gap.start - CONTEXT), gap.start),
        after: text.slice(gap.end, lineEnd < 0 ? gap.end + CONTEXT : Math.min(lineEnd, gap.end + CONTEXT)),
        mentionId: masked?.id ?? null,
        restoration: masked?.restoration ?? null,
        entityId: masked?.entityId ?? null,
        expected: Object.entries(ranked.weights)
          .map(([type, weight]) => ({ type, weight }))
          .sort((a, b) => b.weight - a.weight),
        cues: ranked.cues,
        candidates: ranked.candidates
      };
    });
    return { documentId, ...result.language, gaps };
  },

  'assist.confirmGap'(ctx, input) {
    const target = mentionTarget(ctx.db, input.documentId);
    checkMention(ctx.db, target, { start: input.start, end: input.end, type: input.type, masked: true });
    if (input.entityId) requireEntity(ctx.db, input.entityId);
    const mentions = listMentions(ctx.db, input.documentId);
    const existing = mentions.find((m) => m.masked && m.start === input.start && m.end === input.end);
    const id = existing?.id ?? ctx.newId();
    const restoration = registryName(input.restoration);
    const { group } = runMutation(ctx.asUser(), { documentId: input.documentId, action: 'assist.confirmGap' }, (g) => {
      const entityId = input.entityId ?? (input.createEntity ? entityNamed(g, ctx.newId, restoration, input.type) : null);
      // The article's unlinked mentions of the restored name are the same entity: one entry, not two.
      for (const m of entityId ? sameNameUnlinked(mentions, restoration, input.type) : []) {
        g.update('mentions', m.id, { entity_id: entityId, updated_at: g.at });
      }
      if (existing) {
        g.update('mentions', existing.id, { type: input.type, entity_id: entityId, restoration, updated_at: g.at });
        return;
      }
      const fields = { start: input.start, end: input.end, type: input.type, entityId, origin: 'manual' as const, masked: true, restoration };
      createMention(g, target, fields, { duplicate: 'refuse', newId: () => id });
    });
    return changeSetOf(ctx.db, group, existing ? null : id);
  }
};

const sameNameUnlinked = (mentions: Mention[], name: string, type: string): Mention[] =>
  mentions.filter((m) => !m.masked && !m.entityId && m.status === 'accepted' && m.type === type && textKey(m.exact) === textKey(name));
