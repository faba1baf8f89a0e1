/** `factdesk export` and `factdesk verify-sheet`, run as a pipeline would: the real launcher in a child process. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalsOf, withApprovals } from '../../../src/main/export/pdf-approvals';
import { pdfContent } from '../../../src/main/export/pdf-text';
import { approvalToken, readApprovalToken } from '../../../src/main/export/signed-approval';
import { FIXTURES } from '../helpers/temp-library';
import { forged } from './forged-approvals';
import { buildSampleSheetLibrary } from './library-fixture';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let work: string;
let dataDir: string;
let documentId: string;
let goldenDigest: string;

function factdesk(args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'factdesk.mjs'), ...args, '--data', dataDir], {
    cwd: work,
    encoding: 'buffer',
    env: { ...process.env, FACTDESK_DATA: undefined },
    timeout: 60_000
  });
  return { status: run.status, stdout: run.stdout.toString('utf8'), stdoutBytes: run.stdout, stderr: run.stderr.toString('utf8') };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'factdesk-cli-export-'));
  dataDir = join(work, 'library');
  const sample = await buildSampleSheetLibrary({ dir: dataDir });
  documentId = sample.documentId;
  sample.lib.close(true);
  goldenDigest = /factdesk:digest" content="([0-9a-f]{64})"/.exec(readFileSync(join(FIXTURES, 'export', 'sample.golden.html'), 'utf8'))![1]!;
}, 30_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('factdesk export', () => {
  it('writes HTML to stdout, with the same digest as the golden sheet', () => {
    const run = factdesk(['export', documentId, '--format', 'html']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(run.stdout.endsWith('</html>\n')).toBe(true);
    expect(run.stdout).toContain(`<meta name="factdesk:digest" content="${goldenDigest}">`);
    writeFileSync(join(work, 'sheet.html'), run.stdout);
  });

  it('writes CSV to stdout byte for byte (CRLF) and to a file with -o, printing its path', () => {
    const stdout = factdesk(['export', documentId, '--format', 'csv']);
    expect(stdout.status).toBe(0);
    expect(stdout.stdoutBytes.subarray(-2).toString('latin1')).toBe('\r\n');
    const toFile = factdesk(['export', documentId, '--format', 'csv', '-o', 'sheet.csv']);
    expect(toFile.status).toBe(0);
    expect(toFile.stdout).toBe(`${join(work, 'sheet.csv')}\n`);
    expect(readFileSync(join(work, 'sheet.csv')).equals(stdout.stdoutBytes)).toBe(true);
  });

  it('prints ClaimReview warnings on stderr', () => {
    const run = factdesk(['export', documentId, '--format', 'claimreview', '-o', 'sheet.json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^warning: Claim 1 .*recommends at most 75\.$/m);
  });

  it('writes a PDF under its suggested name when no -o is given', () => {
    const run = factdesk(['export', documentId, '--format', 'pdf']);
    expect(run.status).toBe(0);
    const path = run.stdout.trim();
    expect(path).toMatch(/\/reality-tv-star-paid-a-visit[^/]*-fact-sheet\.pdf$/);
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it.each([
    [['export', 'ID-ONLY'], 2, /--format is required/],
    [['export', 'x', '--format', 'docx'], 2, /unknown format "docx"/],
    [['export', '--format', 'html'], 2, /missing ID/],
    [['export', 'no-such-document', '--format', 'md'], 1, /No document with id no-such-document/]
  ])('%j exits %i', (args, code, message) => {
    const run = factdesk(args as string[]);
    expect(run.status).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('refuses to write into a missing folder without leaving a partial file', () => {
    const run = factdesk(['export', documentId, '--format', 'md', '-o', 'missing-folder/out.md']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot write ".*missing-folder\/out\.md": no such file or folder/);
    expect(existsSync(join(work, 'missing-folder'))).toBe(false);
  });
});

describe('factdesk verify-sheet', () => {
  it('prints match and exits 0 for a fresh sheet of every format', () => {
    expect(factdesk(['export', documentId, '--format', 'md', '-o', 'sheet.md']).status).toBe(0);
    const pdf = readdirSync(work).find((name) => name.endsWith('.pdf'))!;
    for (const file of ['sheet.html', 'sheet.md', 'sheet.csv', 'sheet.json', pdf]) {
      const run = factdesk(['verify-sheet', file]);
      expect({ file, status: run.status, stdout: run.stdout }).toEqual({ file, status: 0, stdout: 'match\n' });
    }
  }, 120_000);

  it('prints mismatch with the reason and exits 1 when the sheet does not match the library', () => {
    const sheet = readFileSync(join(work, 'sheet.csv'), 'utf8');
    writeFileSync(join(work, 'tampered.csv'), sheet.replaceAll(goldenDigest, goldenDigest.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))));
    const run = factdesk(['verify-sheet', 'tampered.csv']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^mismatch: digest differs: /);
  });

  it('prints mismatch naming the claim for a PDF whose approval was forged by a later update of the file', async () => {
    const pdf = readFileSync(join(work, readdirSync(work).find((name) => name.endsWith('.pdf'))!));
    const [first, ...rest] = approvalsOf((await pdfContent(pdf)).info);
    writeFileSync(join(work, 'forged.pdf'), withApprovals(pdf, [approvalToken(forged(readApprovalToken(first!)!)), ...rest]));
    const run = factdesk(['verify-sheet', 'forged.pdf']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^mismatch: claim 1 \(\S+\): the signature of Rui Reviewer's approval is not valid \(forged or altered\)/);
  });

  it.each([
    [['verify-sheet'], 2, /missing FILE/],
    [['verify-sheet', 'a', 'b'], 2, /unexpected argument/],
    [['verify-sheet', 'nope.html'], 1, /Cannot read "nope\.html": no such file or folder\.$/m],
    [['verify-sheet', '.'], 1, /directory/]
  ])('%j exits %i', (args, code, message) => {
    const run = factdesk(args as string[]);
    expect(run.status).toBe(code);
    expect(run.stderr).toMatch(message);
  });

  it('exits 1 for a file that is not a fact sheet, naming it', () => {
    writeFileSync(join(work, 'notes.txt'), 'hello');
    const run = factdesk(['verify-sheet', 'notes.txt']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/"notes\.txt": it is not a Factdesk fact sheet/);
  });
});
