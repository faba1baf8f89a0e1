import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../src/shared/api/file-limits';
import { MAX_DOCX_XML_DEPTH } from '../../../src/main/import/limits';
import { parseInLimitedWorker } from '../../../src/main/import/run-in-worker';
import { tempLibrary, type TempLibrary } from '../helpers/temp-library';
import { imported, refusal } from './fixtures';
import { deflatedRun, flateBomb, handWrittenPdf, pageText, paragraph, wordDocument } from './hostile-files';

const GIGABYTE_IN_MB = 1024;
const SENTENCE = 'The council approved the budget for the new bridge on Monday after a long debate.';

/** Hostile files, each refused with a reason; built once (the bombs take a moment to assemble). */
const hostile: Record<string, { bytes: Buffer; reason: RegExp }> = {};

beforeAll(() => {
  const run = deflatedRun(GIGABYTE_IN_MB);
  hostile['declared-bomb.docx'] = { bytes: wordDocument({ data: run, declaredSize: 0xffffffff }), reason: /declare 4,096 MB.*zip bomb/ };
  hostile['lying-bomb.docx'] = { bytes: wordDocument({ data: run, declaredSize: 10_000 }), reason: /unpacks to more than it declares.*zip bomb/ };
  const nested = `${'<w:sdt><w:sdtContent>'.repeat(2500)}${paragraph(SENTENCE)}${'</w:sdtContent></w:sdt>'.repeat(2500)}`;
  hostile['nested.docx'] = { bytes: wordDocument(nested), reason: new RegExp(`more than ${MAX_DOCX_XML_DEPTH} levels deep`) };
  hostile['flate-bomb.pdf'] = { bytes: handWrittenPdf(1, { data: flateBomb(GIGABYTE_IN_MB), filter: 'FlateDecode' }), reason: /unpacks to more than 128 MB.*bomb/ };
  hostile['125k-pages.pdf'] = { bytes: handWrittenPdf(125_000, { data: pageText(SENTENCE) }), reason: /125,000 pages, more than the 2,000/ };
});

describe('hostile files are small', () => {
  it('every one is within the upload limit, the bombs near a megabyte', () => {
    for (const [name, { bytes }] of Object.entries(hostile)) expect(bytes.length, name).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
    expect(hostile['lying-bomb.docx'].bytes.length).toBeLessThan(1.5 * 1024 * 1024);
    expect(hostile['flate-bomb.pdf'].bytes.length).toBeLessThan(1.5 * 1024 * 1024);
  });
});

describe('the importers refuse them at once, with the reason', () => {
  for (const name of ['declared-bomb.docx', 'lying-bomb.docx', 'nested.docx', 'flate-bomb.pdf', '125k-pages.pdf']) {
    it(name, async () => {
      const started = performance.now();
      const error = await refusal(name, hostile[name].bytes);
      expect(error.code).toBe('too_large');
      expect(error.message).toMatch(hostile[name].reason);
      expect(error.message).not.toMatch(/call stack/i);
      expect(performance.now() - started).toBeLessThan(10_000);
    });
  }

  it('still import what the same builders make without the bomb', async () => {
    const docx = await imported('plain.docx', wordDocument(paragraph(SENTENCE)));
    expect(docx.text).toBe(SENTENCE);
    const nested = await imported('nested-a-little.docx', wordDocument(`${'<w:sdt><w:sdtContent>'.repeat(20)}${paragraph(SENTENCE)}${'</w:sdtContent></w:sdt>'.repeat(20)}`));
    expect(nested.text).toBe(SENTENCE);
    const pdf = await imported('plain.pdf', handWrittenPdf(1, { data: pageText(SENTENCE) }));
    expect(pdf.text).toBe(SENTENCE);
  }, 30_000);
});

describe('through the API, in the import worker', () => {
  let lib: TempLibrary;
  beforeAll(() => (lib = tempLibrary('factdesk-bounds-')));
  afterAll(() => lib.close());

  it('refuses each within 15 s, naming the file, and leaves the library unchanged', async () => {
    const before = lib.snapshot();
    for (const [name, { bytes, reason }] of Object.entries(hostile)) {
      const started = performance.now();
      const result = await lib.service.call('documents.import', { fileName: name, dataBase64: bytes.toString('base64') });
      expect(performance.now() - started, name).toBeLessThan(15_000);
      expect(result.ok, name).toBe(false);
      if (result.ok) continue;
      expect(result.error.message).toMatch(new RegExp(`^Cannot import "${name.replace('.', '\\.')}": `));
      expect(result.error.message).toMatch(reason);
    }
    expect(lib.snapshot()).toBe(before);
  }, 90_000);

  it('stops a parse that runs past its time limit', async () => {
    const parse = parseInLimitedWorker({ fileName: 'slow.docx', bytes: wordDocument(paragraph(SENTENCE)) }, () => {}, { timeLimitMs: 1, heapMb: 512 });
    const result = await parse.result;
    expect(result).toEqual({
      ok: false,
      error: { code: 'too_large', message: 'Cannot import "slow.docx": reading it takes longer than the 0.001 seconds an import may take.' }
    });
  });
});
