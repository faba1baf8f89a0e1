import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGaps } from '../../../src/shared/gaps';
import { SAMPLE_FILE } from '../helpers/temp-library';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SAMPLE = readFileSync(SAMPLE_FILE, 'utf8');
let tmp: string;
let id: string;

/** The real `factdesk` launcher in a child process, as a newsroom pipeline runs it. */
function factdesk(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'factdesk.mjs'), ...args, '--data', join(tmp, 'library')], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...process.env, FACTDESK_DATA: undefined },
    timeout: 60_000
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'factdesk-suggest-'));
  id = factdesk('import', SAMPLE_FILE).stdout.split('\t')[0]!;
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Each run starts Node, tsx and a worker thread that loads the language models: seconds, not milliseconds.
describe('factdesk suggest', { timeout: 120_000 }, () => {
  it('prints entity suggestions as START<TAB>END<TAB>TYPE<TAB>text<TAB>reason', () => {
    const run = factdesk('suggest', id, '--entities');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rows = run.stdout.trimEnd().split('\n').map((line) => line.split('\t'));
    expect(rows.length).toBeGreaterThan(40);
    for (const [start, end, type, text, reason] of rows) {
      expect(SAMPLE.slice(Number(start), Number(end))).toBe(text);
      expect(['person', 'organization', 'location', 'date', 'number', 'event', 'work', 'other']).toContain(type);
      expect(reason).not.toBe('');
    }
    expect(rows).toContainEqual([String(SAMPLE.indexOf('Jared Kushner')), String(SAMPLE.indexOf('Jared Kushner') + 13), 'person', 'Jared Kushner', expect.any(String)]);
  });

  it('prints claim suggestions best first with scores and reasons, and the whole result with --json', () => {
    const run = factdesk('suggest', id, '--claims', '--limit', '3');
    expect(run.status).toBe(0);
    const rows = run.stdout.trimEnd().split('\n').map((line) => line.split('\t'));
    expect(rows).toHaveLength(3);
    const scores = rows.map((r) => Number(r[0]));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(rows[0]![5]).toMatch(/\+0\.\d/);

    const json = factdesk('suggest', id, '--claims', '--json');
    const result = JSON.parse(json.stdout);
    expect(result).toMatchObject({ documentId: id, language: 'en', notice: expect.stringMatching(/English/) });
    expect(result.suggestions[0]).toEqual(expect.objectContaining({ score: expect.any(Number), reasons: expect.any(Array), scoreReason: expect.any(String), exact: expect.any(String) }));
  });

  it('refuses a bad command line with exit 2 and an unknown document with exit 1', () => {
    for (const args of [['suggest', id], ['suggest', id, '--entities', '--claims'], ['suggest', id, '--claims', '--limit', 'x']]) {
      const run = factdesk(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^factdesk: .+\n+Usage: factdesk suggest /);
    }
    const missing = factdesk('suggest', 'no-such-id', '--entities');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no-such-id/);
  });
});

describe('factdesk gaps --json', { timeout: 120_000 }, () => {
  it('gives every gap with its context, expected types and ranked restoration candidates', () => {
    const run = factdesk('gaps', id, '--json');
    expect(run.status).toBe(0);
    const gaps = JSON.parse(run.stdout);
    expect(gaps.map((g: { start: number; end: number }) => ({ start: g.start, end: g.end }))).toEqual(findGaps(SAMPLE));
    expect(gaps[2]).toMatchObject({ before: expect.stringMatching(/President$/), expected: [{ type: 'person', weight: 1 }, expect.anything(), expect.anything()] });
    expect(gaps[2].candidates[0]).toMatchObject({ name: 'Trump', type: 'person', source: 'suggestion', score: expect.any(Number), reasons: expect.any(Array) });
    expect(gaps[1].candidates[0]).toMatchObject({ name: 'White House' });
  });
});
