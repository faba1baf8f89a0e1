import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClaimHistory } from '../../../src/renderer/lib/state/claim-history.svelte';
import { DocumentState } from '../../../src/renderer/lib/state/document.svelte';
import { DocumentFind } from '../../../src/renderer/lib/state/find.svelte';
import { blockIndexAt, innermostAt } from '../../../src/renderer/lib/text/annotations';
import { type StateLibrary, holdingAnswers, said, libraryWithSample } from './helpers';

let lib: StateLibrary;
let doc: DocumentState;
let documentId: string;
let text: string;
beforeEach(async () => {
  ({ lib, documentId } = await libraryWithSample());
  text = (await lib.call('documents.text', { id: documentId })).document.text;
  doc = new DocumentState(lib.api, lib.notices);
});
afterEach(() => lib.close());

const spanOf = (quote: string) => {
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`"${quote}" is not in the sample`);
  return { start, end: start + quote.length };
};

/** The open document as the library holds it, for comparison with what the state shows. */
async function stored() {
  const annotations = await lib.call('documents.annotations', { id: documentId });
  return { mentions: annotations.mentions, claims: annotations.claims };
}

describe('the open document', () => {
  it('shows the text, then the annotations the library holds', async () => {
    await lib.call('mentions.create', { documentId, ...spanOf('Alice Marie Johnson'), type: 'person' });
    const loading = doc.load(documentId);
    expect(doc.loading).toBe(true);
    await loading;
    expect(doc.document?.text).toBe(text);
    expect(doc.annotationsPending).toBe(false);
    expect(doc.gaps).toHaveLength(4);
    expect(doc.mentions).toEqual((await stored()).mentions);
    expect(doc.blocks.length).toBeGreaterThan(0);
  });

  it('marks the selected words with a label, grown to whole words, and undoes it', async () => {
    await doc.load(documentId);
    const { start, end } = spanOf('Alice Marie Johnson');
    doc.setTextRange({ start: start + 1, end: end - 2 });
    expect(doc.selectedText).toBe('Alice Marie Johnson');
    await doc.markWithLabel('person');
    expect(doc.mentions).toEqual((await stored()).mentions);
    expect(doc.selectedMention).toMatchObject({ start, end, type: 'person' });
    expect(doc.textRange).toBeNull();
    expect(doc.undo.canUndo).toBe(true);

    await doc.undoLast();
    expect(doc.mentions).toEqual([]);
    expect(doc.selected).toBeNull();
    expect((await stored()).mentions).toEqual([]);
  });

  it('keeps the exact characters of a selection made with Alt held', async () => {
    await doc.load(documentId);
    const { start } = spanOf('Johnson');
    doc.selectExactly(true);
    doc.setTextRange({ start, end: start + 4 });
    expect(doc.selectedText).toBe('John');
  });

  it('refuses a mention of an unknown label with a notice, and keeps showing what the library holds', async () => {
    await doc.load(documentId);
    const sentence = spanOf('Alice Marie Johnson');
    doc.setTextRange(sentence);
    await doc.markClaim();
    expect(doc.claims).toHaveLength(1);
    const before = await stored();
    expect(await doc.createMention({ ...sentence, type: 'no-such-label' })).toBe(false);
    expect(said(lib.notices)).toEqual([expect.stringMatching(/^Could not mark the mention: /)]);
    expect(await stored()).toEqual(before);
    expect({ mentions: doc.mentions, claims: doc.claims }).toEqual(before);
  });

  it('starts a keyboard selection at the find match shown or the annotation selected, whichever came last', async () => {
    await doc.load(documentId);
    expect(doc.caret).toBeNull();
    const find = new DocumentFind(doc);
    find.show('Johnson');
    const matches = find.matches.map((match) => match.start);
    expect(matches.length).toBeGreaterThan(1);
    expect(doc.caret?.at).toBe(matches[0]);
    find.step(1);
    find.close();
    expect(doc.caret?.at).toBe(matches[1]);

    const gap = doc.gaps[2]!;
    doc.select({ kind: 'gap', start: gap.start, end: gap.end });
    expect(doc.caret?.at).toBe(gap.start);
    doc.select(null);
    expect(doc.caret?.at).toBe(gap.start);
    find.step(-1);
    expect(doc.caret?.at).toBe(matches[0]);

    await doc.load(documentId);
    expect(doc.caret).toBeNull();
  });

  it('says why a document cannot be opened and shows none', async () => {
    await doc.load('no-such-document');
    expect(doc.document).toBeNull();
    expect(doc.loadError?.code).toBe('not_found');
    expect(said(lib.notices)).toEqual([expect.stringMatching(/^Could not open the document: /)]);
  });
});

describe('a mention marked before the library answers', () => {
  let held: ReturnType<typeof holdingAnswers>;
  beforeEach(async () => {
    held = holdingAnswers(lib.api, 'mentions.create');
    doc = new DocumentState(held.api, lib.notices);
    await doc.load(documentId);
  });

  const bucketAt = (start: number) => doc.buckets[blockIndexAt(doc.blocks, start)];

  it('is drawn at once as being saved, then the stored mention takes its place and the selection', async () => {
    const span = spanOf('Alice Marie Johnson');
    doc.setTextRange(span);
    const marking = doc.markWithLabel('person');
    expect(doc.saving).toEqual([expect.objectContaining({ ...span, type: 'person', saving: true })]);
    expect(bucketAt(span.start).mentions).toEqual(doc.saving);
    expect(doc.textRange).toBeNull();
    // Not an annotation yet: no click, Tab or outline reaches it.
    expect(innermostAt(span.start, span.end, bucketAt(span.start))).toBeNull();
    expect(doc.order.filter((ref) => ref.kind === 'mention')).toEqual([]);
    expect(doc.mentions).toEqual([]);

    await held.answer(1);
    expect(await marking).toBeUndefined();
    const { mentions } = await stored();
    expect(mentions).toEqual([expect.objectContaining({ ...span, type: 'person' })]);
    expect(doc.saving).toEqual([]);
    expect(doc.mentions).toEqual(mentions);
    expect(bucketAt(span.start).mentions).toEqual(mentions);
    expect(doc.selectedMention).toEqual(mentions[0]);
    expect(innermostAt(span.start, span.end, bucketAt(span.start))).toMatchObject({ kind: 'mention', id: mentions[0].id });
  });

  it('leaves no other annotation in the inspector while it is saved: what the user types next is for the new mark', async () => {
    const first = spanOf('Alice Marie Johnson');
    doc.setTextRange(first);
    const marked = doc.markWithLabel('person');
    await held.answer(1);
    await marked;
    expect(doc.selectedMention).toMatchObject(first);
    const second = spanOf('Brittany K. Barnett');
    doc.setTextRange(second);
    const marking = doc.markWithLabel('person');
    expect(doc.selected).toBeNull();
    await held.answer(1);
    await marking;
    expect(doc.selectedMention).toMatchObject(second);
  });

  it('marks a selected gap once: a second label pressed before the answer finds no gap selected', async () => {
    const gap = doc.gaps[0]!;
    doc.select({ kind: 'gap', start: gap.start, end: gap.end });
    const first = doc.markWithLabel('person');
    await doc.markWithLabel('organization');
    expect(doc.saving).toEqual([expect.objectContaining({ start: gap.start, end: gap.end, type: 'person', masked: true })]);
    await held.answer(1);
    await first;
    expect((await stored()).mentions).toEqual([expect.objectContaining({ start: gap.start, end: gap.end, type: 'person', masked: true })]);
  });

  it('is taken away with the reason when the library refuses it, and nothing else changes', async () => {
    const span = spanOf('Alice Marie Johnson');
    await lib.call('mentions.create', { documentId, ...span, type: 'person' });
    await doc.load(documentId);
    const before = await stored();
    doc.setTextRange(span);
    const marking = doc.createMention({ ...span, type: 'person' });
    expect(doc.saving).toHaveLength(1);
    expect(bucketAt(span.start).mentions).toHaveLength(2);

    await held.answer(1);
    expect(await marking).toBe(false);
    expect(doc.saving).toEqual([]);
    expect(bucketAt(span.start).mentions).toEqual(before.mentions);
    expect(said(lib.notices)).toEqual(['Could not mark the mention: This span is already marked with that label.']);
    expect(await stored()).toEqual(before);
    expect(doc.mentions).toEqual(before.mentions);
  });

  it('keeps two quick marks, each once, and a repeated key press adds no third', async () => {
    const alice = spanOf('Alice Marie Johnson');
    const brittany = spanOf('Brittany K. Barnett');
    doc.setTextRange(alice);
    const first = doc.markWithLabel('person');
    doc.setTextRange(brittany);
    const second = doc.markWithLabel('person');
    expect(await doc.createMention({ ...brittany, type: 'person' })).toBe(false);
    expect(doc.saving.map(({ start, end }) => ({ start, end }))).toEqual([alice, brittany]);

    await held.answer(2);
    await Promise.all([first, second]);
    const { mentions } = await stored();
    expect(mentions.map(({ start, end, type }) => ({ start, end, type }))).toEqual([
      { ...alice, type: 'person' },
      { ...brittany, type: 'person' }
    ]);
    expect(doc.saving).toEqual([]);
    expect(doc.mentions).toEqual(mentions);
    expect(doc.selectedMention).toMatchObject(brittany);
    expect(lib.notices.items).toEqual([]);
  });

  it('does not take the selection from an annotation chosen while it was being saved', async () => {
    const alice = spanOf('Alice Marie Johnson');
    doc.setTextRange(alice);
    const marking = doc.markWithLabel('person');
    doc.step(1); // Tab to the first gap
    const chosen = doc.selected;
    expect(chosen?.kind).toBe('gap');
    await held.answer(1);
    await marking;
    expect(doc.mentions).toHaveLength(1);
    expect(doc.selected).toBe(chosen);
  });

  it('is what an undo pressed before the answer takes back', async () => {
    doc.setTextRange(spanOf('Alice Marie Johnson'));
    const marking = doc.markWithLabel('person');
    expect(doc.undo.canUndo).toBe(false);
    const undoing = doc.undoLast();
    await held.answer(1);
    await Promise.all([marking, undoing]);
    expect((await stored()).mentions).toEqual([]);
    expect(doc.mentions).toEqual([]);
    expect(doc.saving).toEqual([]);
    expect(doc.undo.canRedo).toBe(true);
  });
});

describe("a claim's history", () => {
  it('lists each step of the claim, newest first, read again after a change', async () => {
    await doc.load(documentId);
    doc.setTextRange(spanOf('Alice Marie Johnson'));
    await doc.markClaim();
    const claimId = doc.claims[0].id;
    const history = new ClaimHistory(lib.api);
    await history.load(claimId);
    expect(history.error).toBeNull();
    expect(history.steps).toHaveLength(1);
    expect(history.steps[0].user).toBe('Ana Checker');

    expect(await doc.transitionClaim(claimId, 'researching')).toBe(true);
    await history.load(claimId);
    expect(history.steps).toHaveLength(2);
    expect(history.steps[0].title).not.toBe(history.steps[1].title);

    await history.load('no-such-claim');
    expect(history.error?.code).toBe('not_found');
  });
});
