import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHECK_FILE, checkModuleSource } from '../../../scripts/annotation-file-check';
import { annotationFileSchema } from '../../../src/main/exchange/file-schema';
import { type SchemaCheck, checkFrom, fileSchemaCheck as matches } from '../../../src/main/exchange/schema-check';
import { type Json, fileWithEveryPart } from './helpers';

const modules = mkdtempSync(join(tmpdir(), 'factdesk-schema-check-'));
afterAll(() => rmSync(modules, { recursive: true, force: true }));
let modulesWritten = 0;

/** The check scripts/annotation-file-check.ts writes for `schema`, loaded as the app loads its own. */
async function schemaCheck(schema: z.ZodType): Promise<SchemaCheck> {
  const file = join(modules, `check-${++modulesWritten}.mjs`);
  writeFileSync(file, checkModuleSource(schema));
  return checkFrom((await import(pathToFileURL(file).href)) as { validate: SchemaCheck; zodToo: boolean }, schema);
}
const zodAccepts = (value: unknown) => annotationFileSchema.safeParse(value).success;

let fileText: string;
beforeAll(async () => {
  fileText = await fileWithEveryPart();
});

type Path = (string | number)[];

/** Every place in a JSON value: each member and item, containers included. */
function pathsOf(value: unknown, path: Path = [], into: Path[] = []): Path[] {
  into.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], into));
  else if (value !== null && typeof value === 'object') for (const [key, member] of Object.entries(value)) pathsOf(member, [...path, key], into);
  return into;
}

/** Values near the limits the schema sets: lengths, integers, hex digests, colours and enum words. */
const edgeValue = fc.oneof(
  fc.constantFrom(
    Infinity,
    -Infinity,
    NaN,
    -1,
    0,
    1,
    1.5,
    6,
    7,
    2 ** 53,
    '',
    '0'.repeat(64),
    'A'.repeat(64),
    '0'.repeat(63),
    '#12abEF',
    '#12abEG',
    'txt',
    'paragraph',
    'TextQuoteSelector',
    'TextPositionSelector',
    'mention',
    'accepted',
    'comment',
    'person',
    [],
    {},
    null,
    true,
    false
  ),
  fc.constantFrom(1, 20, 21, 40, 41, 60, 61, 64, 65, 120, 121, 200, 201, 300, 301).map((n) => 'a'.repeat(n)),
  fc.jsonValue({ maxDepth: 2 })
);

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'replace', 'replace', 'remove', 'add'),
  value: edgeValue,
  key: fc.constantFrom('id', 'extra', 'type', 'orphaned', 'signature', '0', 'a')
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** The file with one change: a value replaced, a member or item removed, or one added. */
function mutated(text: string, { at, kind, value, key }: Mutation): Json {
  const file = JSON.parse(text);
  const paths = pathsOf(file);
  const path = paths[at % paths.length]!;
  if (path.length === 0) return kind === 'replace' ? value : file;
  let parent = file;
  for (const step of path.slice(0, -1)) parent = parent[step];
  const last = path.at(-1)!;
  if (kind === 'replace') parent[last] = value;
  else if (kind === 'remove' && Array.isArray(parent)) parent.splice(last as number, 1);
  else if (kind === 'remove') delete parent[last];
  else if (Array.isArray(parent[last])) parent[last].push(value);
  else if (parent[last] !== null && typeof parent[last] === 'object') parent[last][key] = value;
  else parent[last] = value;
  return file;
}

describe('the annotation file schema as a fast check', () => {
  it('accepts a file the writer wrote, signed or not', () => {
    const file = JSON.parse(fileText);
    expect(matches(file)).toBe(true);
    delete file.signature;
    expect(matches(file)).toBe(true);
  });

  it('says yes exactly where the schema does, on files changed in one place', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(mutation, (change) => {
        const file = mutated(fileText, change);
        const expected = zodAccepts(file);
        expect(matches(file)).toBe(expected);
        if (expected) accepted += 1;
        else refused += 1;
      }),
      { numRuns: 3000 }
    );
    // Both answers were put to the test.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it('says no to anything that is not a file', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(matches(value)).toBe(zodAccepts(value));
      })
    );
  });

  it('counts string lengths and reads patterns as zod does', async () => {
    const short = z.strictObject({ name: z.string().max(2), colour: z.string().regex(/^#[0-9a-f]{2}$/) });
    const check = await schemaCheck(short);
    for (const value of [
      { name: '😀', colour: '#0a' },
      { name: '😀a', colour: '#0a' },
      { name: 'ab', colour: '#0A' },
      { name: 'ab', colour: '#0a\n' }
    ]) {
      expect(check(value), JSON.stringify(value)).toBe(short.safeParse(value).success);
    }
  });

  it('lets zod decide too where the schema has a rule JSON Schema cannot say', async () => {
    const refined = z.strictObject({ name: z.string().refine((s) => s !== 'x'), tags: z.array(z.string().regex(/^a$/i)) });
    const check = await schemaCheck(refined);
    expect(check({ name: 'y', tags: ['a'] })).toBe(true);
    expect(check({ name: 'x', tags: ['a'] })).toBe(false);
    expect(check({ name: 1, tags: [] })).toBe(false);
  });

  it('refuses to check a schema that transforms what it reads', () => {
    expect(() => checkModuleSource(z.string().transform((s) => s.trim()))).toThrow(/Transforms cannot be represented/);
  });

  it('is the app’s check as written for the reader’s schema (run scripts/annotation-file-check.ts after changing the format)', () => {
    expect(readFileSync(CHECK_FILE, 'utf8')).toBe(checkModuleSource(annotationFileSchema));
  });
});
