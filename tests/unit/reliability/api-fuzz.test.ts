import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { METHOD_NAMES, contract } from '../../../src/shared/api/contract';
import { type TempLibrary, SAMPLE_FILE, tempLibrary } from '../helpers/temp-library';

const RUNS = 200;

let lib: TempLibrary;
let knownIds: string[];

beforeAll(async () => {
  lib = tempLibrary('factdesk-fuzz-');
  await lib.call('settings.update', { userName: 'Fuzzer' });
  const { document } = await lib.importFile(SAMPLE_FILE);
  const mention = await lib.call('mentions.create', { documentId: document.id, start: 0, end: 7, type: 'other' });
  const claim = await lib.call('claims.create', { documentId: document.id, start: 0, end: 40 });
  knownIds = [document.id, mention.createdId!, claim.createdId!];
});
afterAll(() => lib.close());

/** Hostile leaf values: wrong types, huge and odd strings, prototype keys, real ids in the wrong place. */
const leaf = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: false }),
    fc.string({ maxLength: 50 }),
    fc.constantFrom('', ' ', '__proto__', 'constructor', '../../etc/passwd', '<script>alert(1)</script>', '\u202e', 'x'.repeat(200_000)),
    fc.constantFrom(...knownIds),
    fc.integer(),
    fc.double(),
    fc.constantFrom(-1, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY)
  );

/** Objects shaped like the method's input (its keys, hostile values), plus anything at all. */
function inputs(method: (typeof METHOD_NAMES)[number]): fc.Arbitrary<unknown> {
  const shape = (contract[method].input as unknown as { shape?: Record<string, z.ZodType> }).shape;
  const keys = shape ? Object.keys(shape) : [];
  const shaped = keys.length
    ? fc.dictionary(fc.constantFrom(...keys, '__proto__', 'extra'), leaf(), { maxKeys: keys.length + 1 })
    : fc.dictionary(fc.string({ maxLength: 8 }), leaf(), { maxKeys: 3 });
  return fc.oneof(shaped, leaf());
}

// Methods whose valid calls change the library by design; refused calls must still change nothing.
describe('API fuzzing', () => {
  it.each(METHOD_NAMES.map((m) => [m]))(`%s answers ${RUNS} malformed inputs with structured errors`, async (method) => {
    await fc.assert(
      fc.asyncProperty(inputs(method), async (input) => {
        const before = lib.snapshot();
        const result = await lib.service.call(method, input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(typeof result.error.code).toBe('string');
          expect(typeof result.error.message).toBe('string');
          expect(result.error.code).not.toBe('internal');
          expect(lib.snapshot()).toBe(before);
        }
      }),
      { numRuns: RUNS }
    );
  }, 120_000);
});
