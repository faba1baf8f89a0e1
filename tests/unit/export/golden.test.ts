/**
 * Golden files: the sample article's fact sheet in every text format, byte for byte.
 * Regenerate after an intended change with `UPDATE_GOLDEN=1 npx vitest run tests/unit/export/golden.test.ts`
 * and review the diff of tests/fixtures/export/ before committing it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactSheetFormat } from '../../../src/shared/api/methods/export';
import { FIXTURES } from '../helpers/temp-library';
import { type SampleSheetLibrary, buildSampleSheetLibrary } from './library-fixture';

const GOLDEN_DIR = join(FIXTURES, 'export');
const GOLDEN_FILES: [Exclude<FactSheetFormat, 'pdf'>, string][] = [
  ['html', 'sample.golden.html'],
  ['md', 'sample.golden.md'],
  ['csv', 'sample.golden.csv'],
  ['claimreview', 'sample.golden.claimreview.json']
];
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let sample: SampleSheetLibrary;
beforeAll(async () => {
  sample = await buildSampleSheetLibrary();
});
afterAll(() => sample.lib.close());

describe('golden fact sheets of the sample article', () => {
  it.each(GOLDEN_FILES)('%s matches %s', async (format, file) => {
    const exported = await sample.lib.call('export.factSheet', { documentId: sample.documentId, format });
    const path = join(GOLDEN_DIR, file);
    if (UPDATE) writeFileSync(path, exported.text!);
    expect(existsSync(path), `${file} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
    // Compared as exact strings: CRLF line ends of the CSV included.
    expect(exported.text).toBe(readFileSync(path, 'utf8'));
  });

  it('gives every format the same digest, which the golden files carry', async () => {
    const digests = new Set<string>();
    for (const [format, file] of GOLDEN_FILES) {
      const { digest } = await sample.lib.call('export.factSheet', { documentId: sample.documentId, format });
      digests.add(digest);
      expect(readFileSync(join(GOLDEN_DIR, file), 'utf8')).toContain(digest);
    }
    expect(digests.size).toBe(1);
  });
});
