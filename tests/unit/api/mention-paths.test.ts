/**
 * Every path that makes a mention follows the same rules. A document never holds the same span
 * with the same label twice: the single-mention paths refuse with the same conflict and store
 * nothing; the bulk paths leave the span as it is and carry on. A name across paragraphs is refused
 * with the same words on every path.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DUPLICATE_MENTION } from '../../../src/main/workflow/create-mention';
import type { Result } from '../../../src/shared/result';
import { type TempLibrary, createdId, tempLibrary } from '../helpers/temp-library';
import { EMOJI_TEXT, annotate, b64, open, pack, span } from '../exchange/helpers';

const TEXT = 'Officials said Jared Kushner met      at the White House on Monday.\n\nKushner said nothing.';
const GAP = { start: TEXT.indexOf('met') + 3, end: TEXT.indexOf('at the') };
const REFUSED = { ok: false, error: { code: 'conflict', message: DUPLICATE_MENTION } };
const ACROSS_PARAGRAPHS = 'A name cannot run across paragraphs: select it within one paragraph.';
/** "Monday." at the end of the first paragraph to "Kushner" at the start of the second. */
const ACROSS = { start: TEXT.indexOf('Monday.'), end: TEXT.indexOf('Kushner said') + 'Kushner'.length };

let lib: TempLibrary;
let documentId: string;
beforeEach(async () => {
  lib = tempLibrary('factdesk-duplicates-');
  await lib.call('settings.update', { userName: 'Ana Checker' });
  documentId = (await lib.importText(TEXT, 'story.txt')).document.id;
});
afterEach(() => lib.close());

const mentionsAt = async (where: { start: number; end: number }) =>
  (await lib.call('documents.get', { id: documentId })).mentions.filter((m) => m.start === where.start && m.end === where.end);

/** Calls a method that must be refused as a duplicate, and proves it stored nothing. */
async function refusedAsDuplicate(call: () => Promise<Result<unknown>>) {
  await refused(call, REFUSED);
}

async function refused(call: () => Promise<Result<unknown>>, expected: object) {
  const before = lib.snapshot();
  expect(await call()).toMatchObject(expected);
  expect(lib.snapshot()).toBe(before);
}

const bratImport = (ann: string) =>
  lib.service.call('exchange.importBrat', { txtFileName: 'story.txt', txtBase64: b64(TEXT), annFileName: 'story.ann', annBase64: b64(ann) });

it('marking by hand, and relabelling onto a taken label, are refused the same way', async () => {
  const jared = span(TEXT, 'Jared Kushner');
  await lib.call('mentions.create', { documentId, ...jared, type: 'person' });
  await refusedAsDuplicate(() => lib.service.call('mentions.create', { documentId, ...jared, type: 'person' }));
  const other = createdId(await lib.call('mentions.create', { documentId, ...jared, type: 'organization' }));
  await refusedAsDuplicate(() => lib.service.call('mentions.update', { id: other, type: 'person' }));
  expect((await mentionsAt(jared)).map((m) => m.type).sort()).toEqual(['organization', 'person']);
});

it('accepting suggestions leaves a span that already has the label as it is and takes the others', async () => {
  const jared = span(TEXT, 'Jared Kushner');
  const kushner = span(TEXT, 'Kushner said');
  await lib.call('mentions.create', { documentId, ...jared, type: 'person' });
  await lib.call('assist.acceptEntities', {
    documentId,
    suggestions: [
      { ...jared, type: 'person' },
      { start: kushner.start, end: kushner.start + 'Kushner'.length, type: 'person' }
    ]
  });
  expect(await mentionsAt(jared)).toEqual([expect.objectContaining({ type: 'person', origin: 'manual' })]);
  expect((await lib.call('documents.get', { id: documentId })).mentions).toHaveLength(2);
});

it('restoring a gap twice keeps one masked mention there, and marking the gap by hand again is refused', async () => {
  await lib.call('assist.confirmGap', { documentId, ...GAP, restoration: 'Donald Trump', type: 'person' });
  await lib.call('assist.confirmGap', { documentId, ...GAP, restoration: 'Ivanka Trump', type: 'person' });
  expect(await mentionsAt(GAP)).toEqual([expect.objectContaining({ masked: true, restoration: 'Ivanka Trump' })]);
  await refusedAsDuplicate(() => lib.service.call('mentions.create', { documentId, ...GAP, type: 'person', masked: true }));
});

it('a brat import skips a span the document already has with that label, and counts it', async () => {
  const jared = span(TEXT, 'Jared Kushner');
  await lib.call('mentions.create', { documentId, ...jared, type: 'person' });
  const ann = `T1\tperson ${jared.start} ${jared.end}\tJared Kushner\nT2\tperson ${jared.start} ${jared.end}\tJared Kushner\n`;
  expect(await bratImport(ann)).toMatchObject({ ok: true, value: { createdDocument: false, mentions: 0, duplicatesSkipped: 2 } });
  expect(await mentionsAt(jared)).toHaveLength(1);
});

it('re-attaching an orphan onto a span that already has its label is refused the same way', async () => {
  const original = tempLibrary('factdesk-duplicates-original-');
  try {
    const ids = await annotate(original);
    const corrected = EMOJI_TEXT.replace('Fact check 𝔘nited:', 'Fact check:');
    const target = (await lib.importText(corrected, 'corrected.txt')).document.id;
    await open(lib, (await pack(original, ids.documentId)).content, 'original.factdesk.json', target);
    const [orphan] = await lib.call('exchange.orphans', { documentId: target });
    expect(orphan).toMatchObject({ kind: 'mention', label: 'organization' });
    await lib.call('mentions.create', { documentId: target, ...span(corrected, 'Fact check'), type: 'organization' });
    await refusedAsDuplicate(() => lib.service.call('exchange.reattach', { orphanId: orphan!.id, ...span(corrected, 'Fact check') }));
  } finally {
    original.close();
  }
});

it('a name across paragraphs is refused by hand, in accepted suggestions and in a brat import (naming its line), storing nothing', async () => {
  const invalid = { ok: false, error: { code: 'invalid_input', message: ACROSS_PARAGRAPHS } };
  await refused(() => lib.service.call('mentions.create', { documentId, ...ACROSS, type: 'person' }), invalid);
  await refused(() => lib.service.call('assist.acceptEntities', { documentId, suggestions: [{ ...ACROSS, type: 'person' }] }), invalid);
  const jared = span(TEXT, 'Jared Kushner');
  // brat cuts a span at line breaks into fragments: "Monday." and "Kushner".
  const fragments = `${ACROSS.start} ${ACROSS.start + 'Monday.'.length};${ACROSS.end - 'Kushner'.length} ${ACROSS.end}`;
  const ann = `T1\tperson ${jared.start} ${jared.end}\tJared Kushner\nT2\tperson ${fragments}\tMonday. Kushner\n`;
  await refused(() => bratImport(ann), {
    ok: false,
    error: { code: 'invalid_input', message: expect.stringContaining(`line 2: ${ACROSS_PARAGRAPHS}`) }
  });
});
