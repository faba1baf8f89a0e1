import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src/shared/result';
import { type TempLibrary, createdId, tempLibrary } from '../helpers/temp-library';
import { type Annotated, EMOJI_TEXT, annotate, b64, snapshot, span } from './helpers';

let source: TempLibrary;
let target: TempLibrary;
let ids: Annotated;

beforeEach(async () => {
  source = tempLibrary('factdesk-brat-source-');
  target = tempLibrary('factdesk-brat-target-');
  ids = await annotate(source);
});
afterEach(() => {
  source.close();
  target.close();
});

const exportBrat = async () => {
  const { files, warnings } = await source.call('exchange.exportBrat', { documentId: ids.documentId });
  const [txt, ann] = files;
  return { txt: txt!, ann: ann!, warnings };
};

const importBrat = (lib: TempLibrary, txt: string | Uint8Array, ann: string, txtFileName = 'story.txt') =>
  lib.service.call('exchange.importBrat', { txtFileName, txtBase64: b64(txt), annFileName: 'story.ann', annBase64: b64(ann) }) as Promise<
    Result<{ document: { id: string }; createdDocument: boolean; mentions: number; claims: number; entities: number; duplicatesSkipped: number; warnings: string[] }>
  >;

/** Code-point offsets of a quote, as brat counts them. */
const cp = (text: string, quote: string) => {
  const { start, end } = span(text, quote);
  return `${[...text.slice(0, start)].length} ${[...text.slice(0, end)].length}`;
};

describe('brat export', () => {
  it('writes the text and T lines with code-point offsets, N lines for entity ids and notes for claims', async () => {
    const { txt, ann, warnings } = await exportBrat();
    expect(txt.fileName).toMatch(/\.txt$/);
    expect(ann.fileName).toBe(txt.fileName.replace(/\.txt$/, '.ann'));
    expect(txt.content).toBe(EMOJI_TEXT);
    expect(warnings).toEqual([]);
    const lines = ann.content.trimEnd().split('\n');
    expect(lines).toEqual([
      `T1\torganization ${cp(EMOJI_TEXT, '𝔘nited')}\t𝔘nited`,
      `T2\tperson ${cp(EMOJI_TEXT, 'Kim Kardashian West')}\tKim Kardashian West`,
      `N1\tReference T2 Factdesk:${ids.entityId}\tKim Kardashian West`,
      'N2\tReference T2 wikidata:Q186304\tKim Kardashian West',
      'N3\tReference T2 url:https://en.wikipedia.org/wiki/Kim_Kardashian\tKim Kardashian West',
      `T3\tClaim ${cp(EMOJI_TEXT, 'The 💊 sentence of Alice Marie Johnson, 63, was commuted in June 2018')}\tThe 💊 sentence of Alice Marie Johnson, 63, was commuted in June 2018`,
      '#1\tAnnotatorNotes T3\tstatus=in review; verdict=True; scale=default@1; text=The 💊 sentence of Alice Marie Johnson, 63, was commuted in June 2018; explanation=The White House announced it.'
    ]);
  });

  it('cuts a span across a line break into fragments, as brat requires', async () => {
    const multiLine = span(EMOJI_TEXT, 'on Wednesday.\n\nThe 💊 sentence');
    await source.call('claims.create', { documentId: ids.documentId, ...multiLine });
    const { ann } = await exportBrat();
    const line = ann.content.split('\n').find((l) => l.includes('Claim') && l.includes(';'))!;
    expect(line).toBe(`T3\tClaim ${cp(EMOJI_TEXT, 'on Wednesday.')};${cp(EMOJI_TEXT, 'The 💊 sentence')}\ton Wednesday. The 💊 sentence`);
    // …and reading it back joins the fragments into the one span again.
    const { txt } = await exportBrat();
    const result = await importBrat(target, txt.content, ann.content);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const claims = (await target.call('documents.get', { id: result.value.document.id })).claims;
    expect(claims.map((c) => [c.start, c.end])).toContainEqual([multiLine.start, multiLine.end]);
  });
});

describe('brat import', () => {
  it('re-imports an export as the same annotations (spans, types, entities, claims)', async () => {
    const { txt, ann } = await exportBrat();
    await target.call('settings.update', { userName: 'Ana Checker' });
    const result = await importBrat(target, txt.content, ann.content);
    expect(result).toMatchObject({ ok: true, value: { createdDocument: true, mentions: 2, claims: 1, entities: 1, duplicatesSkipped: 0, warnings: [] } });
    if (!result.ok) return;
    const mine = await source.call('documents.get', { id: ids.documentId });
    const theirs = await target.call('documents.get', { id: result.value.document.id });
    expect(theirs.document.text).toBe(mine.document.text);
    const spanOf = (m: { start: number; end: number; exact: string; type?: string; entityId?: string | null }) => [m.start, m.end, m.exact, m.type, m.entityId];
    expect(theirs.mentions.map(spanOf)).toEqual(mine.mentions.map(spanOf));
    expect(theirs.entities.map(({ id, name, type, externalIds }) => ({ id, name, type, externalIds }))).toEqual(
      mine.entities.map(({ id, name, type, externalIds }) => ({ id, name, type, externalIds }))
    );
    const claimOf = (c: (typeof mine.claims)[number]) => [c.start, c.end, c.exact, c.text, c.status, c.verdict, c.explanation];
    expect(theirs.claims.map(claimOf)).toEqual(mine.claims.map(claimOf));

    // Importing the same pair again adds nothing.
    const again = await importBrat(target, txt.content, ann.content);
    expect(again).toMatchObject({ ok: true, value: { createdDocument: false, mentions: 0, claims: 0, duplicatesSkipped: 3 } });
  });

  it('counts brat offsets in code points of the .txt as written (byte-order mark, CR LF)', async () => {
    const text = '\ufeff😀 Line one about 𝔘.\r\nLine two names Alice Marie Johnson.\r\n';
    const offsets = (quote: string) => {
      const at = text.indexOf(quote);
      return `${[...text.slice(0, at)].length} ${[...text.slice(0, at + quote.length)].length}`;
    };
    const ann = [`T1\tperson ${offsets('Alice Marie Johnson')}\tAlice Marie Johnson`, `T2\torganization ${offsets('𝔘')}\t𝔘`, 'R1\tRelated Arg1:T1 Arg2:T2', ''].join('\n');
    const result = await importBrat(target, text, ann);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.warnings).toEqual([expect.stringContaining('1 relation annotation (line 3) not imported')]);
    const view = await target.call('documents.get', { id: result.value.document.id });
    expect(view.document.text).toBe('😀 Line one about 𝔘.\nLine two names Alice Marie Johnson.\n');
    expect(view.mentions.map((m) => m.exact)).toEqual(['𝔘', 'Alice Marie Johnson']);
  });

  it('refuses a .ann with bad lines, naming each line, and writes nothing', async () => {
    const { txt } = await exportBrat();
    const length = [...EMOJI_TEXT].length;
    const ann = [
      `T1\tperson ${cp(EMOJI_TEXT, 'Kim Kardashian West')}\tKim Kardashian West`,
      'this is not brat',
      `T2\tperson ${length - 2} ${length + 5}\tbeyond`,
      `T3\tperson ${cp(EMOJI_TEXT, 'Kim Kardashian West')}\tKim Kardashian`,
      'N1\tReference T9 wikidata:Q1\tNobody',
      `T1\tperson 0 1\t🎉`
    ].join('\n');
    const before = snapshot(target);
    const result = await importBrat(target, txt.content, ann);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('Cannot import "story.txt" with "story.ann": 5 bad lines');
    expect(result.error.details).toEqual([
      expect.stringMatching(/^line 2: not a brat annotation line/),
      expect.stringMatching(/^line 3: the offsets \d+ \d+ lie outside the text/),
      expect.stringMatching(/^line 4: the text "Kim Kardashian" does not match the text at \d+–\d+ in the \.txt \("Kim Kardashian West"\)/),
      'line 6: the id T1 is used twice',
      'line 5: it refers to T9, which is not a text annotation here'
    ]);
    expect(snapshot(target)).toBe(before);
  });

  it('refuses a .txt that is not UTF-8, and a discontinuous span', async () => {
    const latin1 = Buffer.from('Caf\xe9 society met Trump.', 'latin1');
    const bad = await importBrat(target, latin1, 'T1\tperson 17 22\tTrump\n');
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringContaining('is not UTF-8 text') } });
    const gap = await importBrat(target, 'Kim met Trump today.', 'T1\tperson 0 3;8 13\tKim Trump\n');
    expect(gap).toMatchObject({ ok: false, error: { details: [expect.stringContaining('line 1: discontinuous spans are not supported')] } });
  });

  it('maps unknown types to Other and reports them, and adds to the library copy of the same text', async () => {
    await target.call('settings.update', { userName: 'Ana Checker' });
    const { document } = await target.importText(EMOJI_TEXT, 'story.txt');
    createdId(await target.call('mentions.create', { documentId: document.id, ...span(EMOJI_TEXT, 'Trump'), type: 'person' }));
    const ann = `T1\tPER ${cp(EMOJI_TEXT, 'Alice Marie Johnson')}\tAlice Marie Johnson\nT2\tPerson ${cp(EMOJI_TEXT, 'Trump')}\tTrump\n`;
    const result = await importBrat(target, EMOJI_TEXT, ann);
    expect(result).toMatchObject({
      ok: true,
      value: { createdDocument: false, document: { id: document.id }, mentions: 1, duplicatesSkipped: 1, warnings: ['Unknown annotation type "PER" imported as "other" (line 1).'] }
    });
  });
});
