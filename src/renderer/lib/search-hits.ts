/** Where a library search hit leads: an entity's page, or a document at the claim, evidence or words it matched. */
import type { SearchHit } from '../../shared/api/methods/assist';

/** Where to land in a document opened from elsewhere (a search hit, an entity's mention). */
export type FocusTarget =
  | { kind: 'mention'; id: string }
  | { kind: 'claim'; id: string }
  /** The claim an evidence item belongs to. */
  | { kind: 'evidence'; id: string }
  /** These words, shown in the find bar: their first occurrence in `near` (a passage of the text), else in the text. */
  | { kind: 'text'; query: string; near?: string };

export type HitDestination = { entityId: string } | { documentId: string; target: FocusTarget };

export function hitDestination(hit: SearchHit, query: string): HitDestination | null {
  if (hit.kind === 'entity') return { entityId: hit.id };
  if (!hit.documentId) return null;
  if (hit.kind === 'claim' || hit.kind === 'evidence') return { documentId: hit.documentId, target: { kind: hit.kind, id: hit.id } };
  // An article's snippet is a passage of its text (or title): the find bar opens on its first matched word there.
  const words = hit.snippet.find((part) => part.match)?.text ?? query;
  const near = hit.snippet.map((part) => part.text).join('').replace(/^…|…$/g, '');
  return { documentId: hit.documentId, target: { kind: 'text', query: words, ...(hit.field === 'text' ? { near } : {}) } };
}
