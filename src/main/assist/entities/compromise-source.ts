/** People, places and organisations from compromise (its English model ships inside the npm package). */
import nlp from 'compromise';
import type { Chunk } from '../text/chunks';
import type { EntityCandidate, TaggedTerm } from './candidate';

// The phrase chunker ('chunks' hook) finds noun and verb phrases, which no suggestion uses;
// skipping it saves about a fifth of compromise's time and changes no name it finds.
const world = nlp.world() as { hooks: string[] };
world.hooks = world.hooks.filter((hook) => hook !== 'chunks' && hook !== 'postTagger');

type Term = { text: string; pre: string; post: string; tags?: Set<string> };

const VIEWS = [
  { kind: 'person', pick: (doc: ReturnType<typeof nlp>) => doc.people() },
  { kind: 'location', pick: (doc: ReturnType<typeof nlp>) => doc.places() },
  { kind: 'organization', pick: (doc: ReturnType<typeof nlp>) => doc.organizations() }
] as const;

/** Titles and role words compromise counts into a person's span ("President", "Attorney"). */
/** "Venezuelan", "British": demonyms and adjectives that compromise sometimes returns as organisations. */
const isDescriptive = (term: Term) => !!term.tags && (term.tags.has('Demonym') || term.tags.has('Adjective'));
const isTitleTerm = (term: Term) => !!term.tags && (term.tags.has('Honorific') || term.tags.has('Actor'));

export interface CompromiseResult {
  candidates: EntityCandidate[];
  tagged: TaggedTerm[];
}

export function compromiseEntities(chunk: Chunk): CompromiseResult {
  const doc = nlp(chunk.text);
  const sentences = doc.document as Term[][];
  // compromise is lossless (pre + text + post of every term rebuilds the input), so offsets are a running sum.
  const offsets: Array<Array<[number, number]>> = [];
  const tagged: TaggedTerm[] = [];
  let position = chunk.start;
  for (const terms of sentences) {
    const row: Array<[number, number]> = [];
    for (const term of terms) {
      position += term.pre.length;
      const start = position;
      position += term.text.length;
      row.push([start, position]);
      position += term.post.length;
      const kind = tagKind(term);
      if (kind) tagged.push({ start, end: position, kind });
    }
    offsets.push(row);
  }

  const candidates: EntityCandidate[] = [];
  for (const view of VIEWS) {
    for (const [n, first, last] of view.pick(doc).fullPointer) {
      const terms = sentences[n!]!;
      let a = first!;
      let b = last!;
      // Leading titles and lower-case words are context, not part of the name.
      while (a < b && (isTitleTerm(terms[a]!) || !/^\p{Lu}/u.test(terms[a]!.text))) a += 1;
      while (b > a && !/^[\p{Lu}\p{N}]/u.test(terms[b - 1]!.text)) b -= 1;
      if (a >= b || terms.slice(a, b).every(isDescriptive)) continue;
      candidates.push({
        start: offsets[n!]![a]![0],
        end: offsets[n!]![b - 1]![1],
        type: view.kind,
        source: 'compromise',
        confidence: 0.65,
        entityId: null,
        reason: `${view.kind === 'location' ? 'place' : view.kind} name (compromise)`
      });
    }
  }
  return { candidates, tagged };
}

function tagKind(term: Term): TaggedTerm['kind'] | null {
  const tags = term.tags;
  if (!tags || !tags.has('ProperNoun') && !tags.has('Acronym')) return null;
  if (tags.has('Person') && !tags.has('Honorific')) return 'person';
  if (tags.has('Place')) return 'location';
  if (tags.has('Organization')) return 'organization';
  return null;
}
