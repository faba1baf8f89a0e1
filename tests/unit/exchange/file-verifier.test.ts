/**
 * A shared file's schema, records, hashes and signature are checked beside an open's writes (in a
 * worker thread) or before them (on the calling thread): both give the same report for a good file
 * and the reader's very refusal for a bad one, with nothing stored, even where the writes trip over
 * a value the schema refuses; a check that stops or never answers refuses the open with nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../../../src/main/api/service';
import { type FileVerifier, inlineVerifier, workerVerifier } from '../../../src/main/exchange/file-verifier';
import { loadFileSchemaCheck, readAnnotationFile } from '../../../src/main/exchange/read-file';
import type { MethodOutput } from '../../../src/shared/api/contract';
import type { Result } from '../../../src/shared/result';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';
import { type Json, annotate, b64, fileWithEveryPart, pack, snapshot } from './helpers';

const FILE_NAME = 'shared.factdesk.json';
let packed: string;
const verifiers: FileVerifier[] = [];
const libraries: TempLibrary[] = [];

beforeAll(async () => {
  const source = tempLibrary('factdesk-verify-source-');
  libraries.push(source);
  packed = (await pack(source, (await annotate(source)).documentId)).content;
});
afterAll(async () => {
  for (const lib of libraries) lib.close();
  await Promise.all(verifiers.map((verifier) => verifier.close()));
});

const worker = (options?: Parameters<typeof workerVerifier>[0]) => {
  const verifier = workerVerifier(options);
  verifiers.push(verifier);
  return verifier;
};

/** An empty library whose service checks files with `verifier`, with a clock that stands still and counted ids (libraries compare equal). */
function receiver(verifier: FileVerifier) {
  const lib = tempLibrary('factdesk-verify-');
  libraries.push(lib);
  let ids = 0;
  const service = createService({
    db: lib.db,
    mode: 'cli',
    clock: () => new Date('2026-02-01T00:00:00.000Z'),
    newId: () => `00000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}`,
    version: '0.1.0-test',
    fileVerifier: verifier
  });
  const call = async (method: 'exchange.open' | 'exchange.preview', content: string) =>
    (await service.call(method, { fileName: FILE_NAME, dataBase64: b64(content) })) as Result<MethodOutput<'exchange.open'>>;
  return { lib, call };
}

function edited(change: (file: Json) => void): string {
  const file = JSON.parse(packed) as Json;
  change(file);
  return JSON.stringify(file);
}

/** Files changed after signing, each caught by a different one of the last checks. */
const tampered = {
  'a field only the signature covers': () => edited((file) => (file.generator.version = '9.9.9')),
  "a record's content (its revision no longer matches)": () => edited((file) => (file.claims[0].explanation = 'Changed by hand.')),
  'the article text (its SHA-256 no longer matches)': () => edited((file) => (file.document.text = file.document.text.replace('met', 'saw')))
};

async function readerRefusal(content: string) {
  const read = readAnnotationFile(FILE_NAME, Buffer.from(content), await loadFileSchemaCheck());
  if (read.ok) throw new Error('the reader accepts the file');
  return read.error;
}

const paths = { 'in a worker thread': () => worker(), 'on the calling thread': () => inlineVerifier };

describe('the last checks of a shared file, beside the writes or before them', () => {
  it('a good file gives the same report either way, opened and merged', async () => {
    const [inWorker, inline] = [receiver(worker()), receiver(inlineVerifier)];
    for (let step = 0; step < 2; step += 1) {
      const fromWorker = await inWorker.call('exchange.open', packed);
      const fromInline = await inline.call('exchange.open', packed);
      expect(fromWorker.ok && fromWorker.value.outcome).toBe(step === 0 ? 'imported' : 'merged');
      expect(fromWorker).toEqual(fromInline);
    }
    expect(snapshot(inWorker.lib)).toBe(snapshot(inline.lib));
  });

  for (const [path, verifierOf] of Object.entries(paths)) {
    for (const [change, content] of Object.entries(tampered)) {
      it(`${path}: ${change} changed after signing is refused as the reader refuses it, nothing stored`, async () => {
        const { lib, call } = receiver(verifierOf());
        const expected = await readerRefusal(content());
        for (const method of ['exchange.preview', 'exchange.open'] as const) {
          const before = snapshot(lib);
          expect(await call(method, content())).toEqual({ ok: false, error: expected });
          expect(snapshot(lib)).toBe(before);
        }
        // Merged into the document it came from: the refusal rolls back what the merge wrote.
        expect((await call('exchange.open', packed)).ok).toBe(true);
        const before = snapshot(lib);
        expect(await call('exchange.open', content())).toEqual({ ok: false, error: expected });
        expect(snapshot(lib)).toBe(before);
      });
    }
  }

  it('a file refused for its shape leaves the worker ready for the next one', async () => {
    const { call } = receiver(worker());
    const broken = await call('exchange.open', edited((file) => (file.mentions[0].target = 'nowhere')));
    expect(broken).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('does not match the annotation file schema') } });
    expect(await call('exchange.open', packed)).toMatchObject({ ok: true, value: { outcome: 'imported' } });
  });

  it('a check that does not answer in time refuses the open, nothing stored', async () => {
    // A thread just started still loads its code when the writes of a small file are done.
    const { lib, call } = receiver(worker({ timeoutMs: 1 }));
    const before = snapshot(lib);
    const result = await call('exchange.open', packed);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: `Cannot open "${FILE_NAME}": checking it did not finish within 0.001 seconds; nothing was stored. Try again.`
      }
    });
    expect(snapshot(lib)).toBe(before);
  });

  it('a check whose thread runs out of memory refuses the open, nothing stored', async () => {
    const verifier = worker({ heapMb: 1, timeoutMs: 2_000 });
    const { lib, call } = receiver(verifier);
    const before = snapshot(lib);
    const result = await call('exchange.open', packed);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('did not finish within 2 seconds; nothing was stored') } });
    expect(snapshot(lib)).toBe(before);
  });
});

/** Files the reader refuses only after their JSON passed (schema, ids, references, offsets), some with values the writes trip over. */
const refusedAfterTheirJson = {
  'a value the schema refuses': (file: Json) => (file.mentions[1].target.selector[1].start = -5),
  'an id twice': (file: Json) => (file.mentions[1].id = file.mentions[0].id),
  'a reference to an entity the file lacks': (file: Json) => (file.mentions[0].entityId = 'no-such-entity'),
  'a span outside the text': (file: Json) => (file.mentions[0].target.selector[1].end = 10_000_000),
  'records that are not a list': (file: Json) => (file.mentions = { length: 1e15 }),
  'an article text that is not text': (file: Json) => (file.document.text = 42),
  'a target that is not one': (file: Json) => (file.mentions[0].target = 'nowhere'),
  'a quote that is a list': (file: Json) => (file.claims[0].target.selector[0].exact = []),
  'blocks that are not a list': (file: Json) => (file.document.blocks = null),
  // Scoring a place for this quote would compare its context with the text there, spending the search budget.
  'a quote whose context is far longer than the format allows': (file: Json) => (file.mentions[0].target.selector[0].prefix = 'context '.repeat(1_000_000))
};

describe('the checks after the JSON, beside the writes: a file they refuse is refused as the reader refuses it, nothing stored', () => {
  for (const [path, verifierOf] of Object.entries(paths)) {
    for (const [change, edit] of Object.entries(refusedAfterTheirJson)) {
      it(`${path}: ${change}, opened into an empty library and merged into its document`, async () => {
        const content = edited(edit);
        const expected = await readerRefusal(content);
        const { lib, call } = receiver(verifierOf());
        for (const method of ['exchange.preview', 'exchange.open'] as const) {
          const before = snapshot(lib);
          expect(await call(method, content)).toEqual({ ok: false, error: expected });
          expect(snapshot(lib)).toBe(before);
        }
        expect((await call('exchange.open', packed)).ok).toBe(true);
        const before = snapshot(lib);
        expect(await call('exchange.open', content)).toEqual({ ok: false, error: expected });
        expect(snapshot(lib)).toBe(before);
      }, 15_000); // no refused file keeps the writes busy for long
    }
  }

  it('in a worker thread: any field of any record, or of the document, with a value of the wrong kind', async () => {
    const everyPart = await fileWithEveryPart();
    const empty = receiver(worker());
    const holding = receiver(worker());
    expect((await holding.call('exchange.open', everyPart)).ok).toBe(true);
    const before = { empty: snapshot(empty.lib), holding: snapshot(holding.lib) };
    const badValues = [null, -1, 1e300, '', [], {}, true, { length: 1e15 }];
    // The first record of each list, the document, and the selectors of a mention and a claim.
    const placesIn = (file: Json): Json[] => [
      ...['entities', 'mentions', 'claims', 'evidence', 'reviews', 'deleted', 'history'].map((list) => file[list][0]),
      file.document,
      file.labelSet[0],
      file.verdictScales[0],
      file.mentions[0].target.selector[0],
      file.claims[0].target.selector[1]
    ];
    let refused = 0;
    for (const [p, place] of placesIn(JSON.parse(everyPart)).entries()) {
      for (const key of Object.keys(place)) {
        for (const value of badValues) {
          const mutant = JSON.parse(everyPart) as Json;
          placesIn(mutant)[p]![key] = value;
          const content = JSON.stringify(mutant);
          const read = readAnnotationFile(FILE_NAME, Buffer.from(content), await loadFileSchemaCheck());
          if (read.ok) continue;
          refused += 1;
          expect(await empty.call('exchange.open', content)).toEqual({ ok: false, error: read.error });
          expect(await holding.call('exchange.open', content)).toEqual({ ok: false, error: read.error });
        }
      }
    }
    expect(refused).toBeGreaterThan(300);
    expect(snapshot(empty.lib)).toBe(before.empty);
    expect(snapshot(holding.lib)).toBe(before.holding);
  }, 60_000);
});
