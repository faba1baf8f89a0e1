import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { loadFileSchemaCheck, readAnnotationFile } from '../../../src/main/exchange/read-file';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';
import { annotate, pack, snapshot, tryOpen, type Json } from './helpers';

/** The check the app reads files with (the reader's fast path), loaded as the app loads it. */
const fileSchemaCheck = await loadFileSchemaCheck();

let lib: TempLibrary;
let good: string;
let documentId: string;

beforeAll(async () => {
  const source = tempLibrary('factdesk-source-');
  const ids = await annotate(source);
  documentId = ids.documentId;
  good = (await pack(source, documentId)).content;
  source.close();
  lib = tempLibrary('factdesk-target-');
  await lib.call('settings.update', { userName: 'Ben Reviewer' });
  await lib.importText('A document already in the library.', 'other.txt');
});
afterAll(() => lib.close());

const edited = (edit: (file: Json) => void) => {
  const file = JSON.parse(good);
  edit(file);
  return JSON.stringify(file);
};

/** Opens the bytes through the API: refused with the code and message, and the library unchanged. */
async function expectRefused(content: string | Uint8Array, code: string, message: RegExp, fileName = 'bad.factdesk.json') {
  const before = snapshot(lib);
  const result = await tryOpen(lib, content, fileName);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message).toContain(`Cannot open "${fileName}"`);
  expect(result.error.message).toMatch(message);
  expect(snapshot(lib)).toBe(before);
  return result.error;
}

describe('refusing bad annotation files, with a clear reason and nothing written', () => {
  it('an empty file', () => expectRefused('', 'empty', /the file is empty/));

  it('broken JSON', () => expectRefused(good.slice(0, good.length / 2), 'invalid_input', /is not valid JSON/));

  it('binary bytes', () => expectRefused(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'binary', /not UTF-8 text/));

  it('bytes that are not UTF-8, without a NUL among them', () =>
    expectRefused(Uint8Array.from([...Buffer.from('{"format": "'), 0xc3, 0x28, 0xff, ...Buffer.from('"}')]), 'binary', /not UTF-8 text/));

  it('a good file behind a UTF-8 byte order mark still reads', () => {
    const read = readAnnotationFile('bom.factdesk.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good)]), fileSchemaCheck);
    expect(read.ok).toBe(true);
  });

  it('JSON that is not a Factdesk file', async () => {
    await expectRefused('{"type": "FeatureCollection", "features": []}', 'unsupported', /not a Factdesk annotation file/);
    await expectRefused('[1, 2, 3]', 'unsupported', /not a Factdesk annotation file \(the file holds an array\)/);
  });

  it('a file from a future version of the format', () =>
    expectRefused(edited((f) => (f.formatVersion = 2)), 'unsupported', /format version 2 by a newer Factdesk; this version reads format version 1/));

  it('a schema error, naming the JSON pointer', async () => {
    const error = await expectRefused(
      edited((f) => (f.mentions[1].target.selector[1].start = -5)),
      'invalid_input',
      /does not match the annotation file schema: \/mentions\/1\/target\/selector\/1\/start: /
    );
    expect(error?.details).toEqual([expect.stringMatching(/^\/mentions\/1\/target\/selector\/1\/start: /)]);
    await expectRefused(edited((f) => (f.claims[0].status = 'approved')), 'invalid_input', /\/claims\/0\/status/);
    await expectRefused(edited((f) => (f.document.extra = true)), 'invalid_input', /\/document: Unrecognized key/);
  });

  it('a label colour that is not #rrggbb (CSS injection)', async () => {
    const label = (color: string) => edited((f) => f.labelSet.push({ key: 'evil', name: 'Evil', color, hotkey: '' }));
    for (const color of ['red;}body{display:none', 'red', '#fff', 'url(https://evil.example/x)']) {
      await expectRefused(label(color), 'invalid_input', /\/labelSet\/\d+\/color: a label colour is written #rrggbb/);
    }
  });

  it('a text that does not match its own SHA-256', () =>
    expectRefused(edited((f) => (f.document.text = f.document.text.replace('Trump', 'Biden'))), 'invalid_input', /does not match its SHA-256/));

  it('a record whose content does not match its revision, or that points at a record the file lacks', async () => {
    await expectRefused(edited((f) => (f.claims[0].explanation = 'tampered')), 'invalid_input', /\/claims\/0\/revision: does not match/);
    await expectRefused(edited((f) => (f.entities = [])), 'invalid_input', /\/mentions\/\d\/entityId: no entity/);
  });

  it('a span outside the text', () =>
    expectRefused(
      edited((f) => {
        f.document.text = 'Short.';
        f.document.sha256 = createHash('sha256').update('Short.').digest('hex');
        f.document.blocks = [];
      }),
      'invalid_input',
      /lies outside the text \(6 code points\)/
    ));

  it('__proto__ and constructor keys (prototype pollution)', async () => {
    const proto = good.replace('"externalIds":{', '"externalIds":{"__proto__": {"polluted": "yes"}, ');
    await expectRefused(proto, 'invalid_input', /forbidden key "__proto__" at \/entities\/0\/externalIds\/__proto__/);
    await expectRefused(good.replace('"generator": {', '"generator": {"constructor": {"prototype": {}}, '), 'invalid_input', /forbidden key "constructor"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('10 000 levels of nesting', () => expectRefused(`${'['.repeat(10_000)}${']'.repeat(10_000)}`, 'invalid_input', /nested more than 64 levels/));

  it('deep nesting first, whether the JSON is broken or holds a forbidden key too', async () => {
    await expectRefused('['.repeat(100), 'invalid_input', /nested more than 64 levels deep \(at character 64\)/);
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    // Here the file's own nesting (object, entities, entity, externalIds) holds four levels.
    const both = good.replace('"externalIds":{', `"externalIds":{"__proto__": ${deep}, `);
    await expectRefused(both, 'invalid_input', new RegExp(`nested more than 64 levels deep \\(at character ${both.indexOf(deep) + 60}\\)`));
    const nested = (levels: number) =>
      edited((file) => (file.entities[0].externalIds = { deep: JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`) }));
    await expectRefused(nested(60), 'invalid_input', /does not match the annotation file schema: \/entities\/0\/externalIds\/deep/);
    await expectRefused(nested(61), 'invalid_input', /nested more than 64 levels/);
  });

  it('a 60 MB file', async () => {
    const huge = Buffer.alloc(60 * 1024 * 1024, 0x20);
    huge.write('{"format": "factdesk-annotation-file"}');
    const before = snapshot(lib);
    const result = await tryOpen(lib, huge, 'huge.factdesk.json');
    expect(result).toMatchObject({ ok: false, error: { code: 'too_large', message: expect.stringContaining('(60.0 MB) is larger than the 50.0 MB limit') } });
    expect(snapshot(lib)).toBe(before);
  });

  it('more than 100 000 records', () => {
    const file = JSON.parse(good);
    file.reviews = Array.from({ length: 100_001 }, () => file.reviews[0] ?? {});
    const result = readAnnotationFile('many.factdesk.json', Buffer.from(JSON.stringify(file)), fileSchemaCheck);
    expect(result).toMatchObject({ ok: false, error: { code: 'too_large', message: expect.stringContaining('100') } });
  });
});

describe('1,000 randomly mutated files', () => {
  it('are each refused with a reason or accepted, never crash, and a refusal changes nothing', async () => {
    // mulberry32: a small seeded generator, so a failure can be replayed.
    let seed = 20260101;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const bytes = Buffer.from(good);
    const mutations = [
      (b: Buffer) => { const c = Buffer.from(b); c[Math.floor(random() * c.length)] = Math.floor(random() * 256); return c; },
      (b: Buffer) => b.subarray(0, Math.floor(random() * b.length)),
      (b: Buffer) => { const at = Math.floor(random() * b.length); return Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + Math.floor(random() * 40))]); },
      (b: Buffer) => { const at = Math.floor(random() * b.length); return Buffer.concat([b.subarray(0, at), Buffer.from(pick(['{', '}', '"', ',', '[', 'null', '-1', '1e999', '"__proto__":1,', '\u0000'])), b.subarray(at)]); },
      (b: Buffer) => {
        const file = JSON.parse(b.toString());
        const list = pick(['entities', 'mentions', 'claims', 'evidence', 'reviews']);
        if (file[list].length > 0) {
          const record = file[list][Math.floor(random() * file[list].length)];
          const key = pick(Object.keys(record));
          record[key] = pick([null, 0, -1, '', 'x', [], {}, true, 'a'.repeat(70)]);
        }
        return Buffer.from(JSON.stringify(file));
      }
    ];
    const before = snapshot(lib);
    const acceptor = tempLibrary('factdesk-acceptor-');
    const outcomes = { refused: 0, accepted: 0 };
    for (let i = 0; i < 1000; i += 1) {
      const mutated = pick(mutations)(bytes);
      const result = readAnnotationFile(`mutant-${i}.factdesk.json`, mutated, fileSchemaCheck);
      if (result.ok) {
        outcomes.accepted += 1;
        // An accepted file opens (or is refused by the merge with a reason), it never fails unexpectedly.
        const opened = await tryOpen(acceptor, mutated, `mutant-${i}.factdesk.json`);
        expect(opened.ok || opened.error.code).not.toBe('internal');
      } else {
        outcomes.refused += 1;
        expect(result.error.message).toMatch(new RegExp(`^Cannot open "mutant-${i}\\.factdesk\\.json": .+\\.$`, 's'));
        // Every 10th refusal also goes through the API against the library.
        if (i % 10 === 0) expect((await tryOpen(lib, mutated, `mutant-${i}.factdesk.json`)).ok).toBe(false);
      }
    }
    acceptor.close();
    expect(snapshot(lib)).toBe(before);
    expect(outcomes.refused).toBeGreaterThan(800);
    expect(outcomes.accepted).toBeGreaterThan(0);
  }, 120_000);
});
