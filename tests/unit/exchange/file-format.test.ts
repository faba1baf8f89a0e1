import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { annotationFileJsonSchema } from '../../../src/main/exchange/json-schema';
import { loadFileSchemaCheck, readAnnotationFile } from '../../../src/main/exchange/read-file';
import { EMOJI_TEXT, type Json, fileWithEveryPart } from './helpers';

/** The check the app reads files with (the reader's fast path), loaded as the app loads it. */
const fileSchemaCheck = await loadFileSchemaCheck();

const SHIPPED = join(import.meta.dirname, '..', '..', '..', 'resources', 'schemas', 'factdesk-annotation-file.schema.json');

let written: string;
beforeAll(async () => {
  written = await fileWithEveryPart();
});

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(SHIPPED, 'utf8')));

describe('the annotation file format', () => {
  it('ships a JSON Schema generated from the reader (run scripts/write-annotation-file-schema.ts after changing the format)', () => {
    expect(JSON.parse(readFileSync(SHIPPED, 'utf8'))).toEqual(annotationFileJsonSchema());
  });

  it('writes files the JSON Schema and the reader accept, with every part the format promises', () => {
    const file = JSON.parse(written);
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(readAnnotationFile('written.factdesk.json', Buffer.from(written), fileSchemaCheck).ok).toBe(true);
    expect(file).toMatchObject({
      format: 'factdesk-annotation-file',
      formatVersion: 1,
      generator: { name: 'Factdesk', version: '0.1.0-test' },
      author: 'Ana Checker',
      document: { text: EMOJI_TEXT, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      labelSet: [expect.objectContaining({ key: 'person' })],
      verdictScales: [expect.objectContaining({ id: 'default', version: 1 })],
      deleted: [expect.objectContaining({ type: 'mention', revisions: [expect.any(String)] })]
    });
    expect(file.reviews.map((r: { decision: string }) => r.decision)).toEqual(['comment']);
    expect(file.history.length).toBeGreaterThan(5);
  });

  it('writes one record to a line, in canonical order, under top-level members in the format order', async () => {
    const { canonicalJson } = await import('../../../src/main/export/canonical-json');
    const file = JSON.parse(written);
    expect(Object.keys(file).slice(0, 3)).toEqual(['format', 'formatVersion', 'generator']);
    const lines = new Set(written.split('\n').map((line) => line.trim().replace(/,$/, '')));
    const records = [...file.entities, ...file.mentions, ...file.claims, ...file.reviews, ...file.deleted, ...file.history, ...file.document.blocks];
    expect(records.length).toBeGreaterThan(10);
    for (const record of records) expect(lines.has(canonicalJson(record)), canonicalJson(record)).toBe(true);
    expect(written.endsWith('}\n')).toBe(true);
  });

  it('counts TextPositionSelector offsets in code points, so astral characters before and inside spans stay exact', () => {
    const file = JSON.parse(written);
    const codePoints = [...file.document.text];
    for (const record of [...file.mentions, ...file.claims]) {
      const [quote, position] = record.target.selector;
      expect(quote.type).toBe('TextQuoteSelector');
      expect(position.type).toBe('TextPositionSelector');
      expect(codePoints.slice(position.start, position.end).join('')).toBe(quote.exact);
      expect(quote.prefix.length).toBeLessThanOrEqual(32);
    }
    const claim = file.claims[0];
    expect(claim.target.selector[1].start).toBe(EMOJI_TEXT.indexOf('The 💊') - 3); // 🎉, 𝔘 and 👩 (of 👩‍⚖️) come before it
  });

  const refusedByBoth: [string, (file: Json) => void][] = [
    ['a missing document text', (f) => delete f.document.text],
    ['a wrong format name', (f) => (f.format = 'other-format')],
    ['a newer formatVersion', (f) => (f.formatVersion = 2)],
    ['an unknown member', (f) => (f.claims[0].confidence = 0.9)],
    ['a negative offset', (f) => (f.claims[0].target.selector[1].start = -1)],
    ['selectors in the wrong order', (f) => f.claims[0].target.selector.reverse()],
    ['an empty quote', (f) => (f.claims[0].target.selector[0].exact = '')],
    ['an unknown claim status', (f) => (f.claims[0].status = 'done')],
    ['a malformed revision', (f) => (f.claims[0].revision = 'abc')],
    ['a string where a number belongs', (f) => (f.evidence[0].position = '1')],
    ['too many base revisions', (f) => (f.claims[0].baseRevisions = Array(17).fill('a'.repeat(64)))],
    ['a deletion without revisions', (f) => (f.deleted[0].revisions = [])]
  ];

  it.each(refusedByBoth)('the JSON Schema and the reader both refuse %s', (_name, edit) => {
    const file = JSON.parse(written);
    edit(file);
    expect(validate(file)).toBe(false);
    expect(readAnnotationFile('edited.factdesk.json', Buffer.from(JSON.stringify(file)), fileSchemaCheck).ok).toBe(false);
  });
});
