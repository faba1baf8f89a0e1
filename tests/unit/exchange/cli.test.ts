import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/main';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';
import { type Annotated, annotate, snapshot } from './helpers';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

let work: string;
let checker: TempLibrary;
let reviewer: TempLibrary;
let ids: Annotated;

/** Runs `factdesk ARGS` in this process, as the launcher does, and captures what it prints. */
async function factdesk(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, {}, work);
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'factdesk-cli-exchange-'));
  checker = tempLibrary('factdesk-cli-checker-');
  reviewer = tempLibrary('factdesk-cli-reviewer-');
  ids = await annotate(checker);
  await reviewer.call('settings.update', { userName: 'Ben Reviewer' });
});
afterAll(() => {
  checker.close();
  reviewer.close();
  rmSync(work, { recursive: true, force: true });
});

describe('factdesk pack / validate / open', () => {
  it('packs, validates and opens a file into another library', async () => {
    const packed = await factdesk('pack', ids.documentId, '-o', 'story.factdesk.json', '--data', checker.dir);
    expect(packed).toMatchObject({ status: 0, stderr: '' });
    expect(packed.stdout).toBe(join(work, 'story.factdesk.json'));

    const valid = await factdesk('validate', 'story.factdesk.json', '--data', reviewer.dir);
    expect(valid.status).toBe(0);
    expect(valid.stdout).toContain('valid: story.factdesk.json (format version 1');
    expect(valid.stdout).toContain('1 entities, 2 mentions, 1 claims, 1 evidence');
    expect(valid.stdout).toMatch(/\n {2}signature: Signed by Ana Checker, key [0-9a-f]{4}( [0-9a-f]{4}){3}: valid, but this library does not trust that key yet\.\n/);

    const before = snapshot(reviewer);
    const dry = await factdesk('open', 'story.factdesk.json', '--dry-run', '--data', reviewer.dir);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/^would import "/);
    expect(dry.stdout).toContain('\n  signature: Signed by Ana Checker, key ');
    expect(snapshot(reviewer)).toBe(before);

    const opened = await factdesk('open', 'story.factdesk.json', '--data', reviewer.dir);
    expect(opened.status).toBe(0);
    expect(opened.stdout).toContain(`imported "`);
    expect(opened.stdout).toContain('records: 5 added, 0 updated, 0 unchanged, 0 deleted; 0 reviews added');
    expect(opened.stdout).toContain('placed: 3 exactly, 0 fuzzily, 0 orphaned');
    expect(opened.stdout).toContain('conflicts: 0 new, 0 open');
  });

  it('refuses a broken file with exit 1 naming it and the reason, changing nothing', async () => {
    writeFileSync(join(work, 'broken.factdesk.json'), '{"format": "factdesk-annotation-file", "formatVersion": 1, ');
    const before = snapshot(reviewer);
    for (const command of ['validate', 'open']) {
      const run = await factdesk(command, 'broken.factdesk.json', '--data', reviewer.dir);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`factdesk ${command}: Cannot open "broken.factdesk.json": it is not valid JSON`);
    }
    expect(snapshot(reviewer)).toBe(before);
    const missing = await factdesk('open', 'nowhere.factdesk.json', '--data', reviewer.dir);
    expect(missing).toMatchObject({ status: 1, stderr: expect.stringContaining('Cannot read "nowhere.factdesk.json": no such file or folder.') });
    // A sparse file: over the limit without writing 51 MB; refused by its size before it is read.
    writeFileSync(join(work, 'big.factdesk.json'), '');
    truncateSync(join(work, 'big.factdesk.json'), 51 * 1024 * 1024);
    const big = await factdesk('open', 'big.factdesk.json', '--data', reviewer.dir);
    expect(big).toMatchObject({
      status: 1,
      stderr: 'factdesk open: Cannot open "big.factdesk.json": the file (51.0 MB) is larger than the 50.0 MB limit for annotation files.'
    });
    expect(snapshot(reviewer)).toBe(before);
  });
});

describe('factdesk conflicts / resolve', () => {
  it('exits 3 while conflicts remain, lists them with ids, and resolve settles them one by one', async () => {
    await checker.call('claims.update', { id: ids.claimId, explanation: 'Checker: White House.' });
    await reviewer.call('claims.update', { id: ids.claimId, explanation: 'Reviewer: DOJ list.' });
    await factdesk('pack', ids.documentId, '-o', 'back.factdesk.json', '--data', reviewer.dir);
    const opened = await factdesk('open', 'back.factdesk.json', '--data', checker.dir);
    expect(opened.status).toBe(3);
    expect(opened.stdout).toContain('conflicts: 1 new, 1 open');
    expect(opened.stderr).toContain(`factdesk conflicts ${ids.documentId}`);

    const listed = await factdesk('conflicts', ids.documentId, '--data', checker.dir);
    expect(listed.status).toBe(0);
    const [line, ...rest] = listed.stdout.split('\n');
    expect(rest).toEqual([]);
    const [conflictId, label, field, mine, theirs] = line!.split('\t');
    expect(label).toMatch(/^Claim "The 💊 sentence/);
    expect([field, mine, theirs]).toEqual(['explanation', 'mine: "Checker: White House."', 'theirs (Ben Reviewer): "Reviewer: DOJ list."']);

    expect((await factdesk('resolve', ids.documentId, conflictId!, '--data', checker.dir)).status).toBe(2);
    expect((await factdesk('resolve', ids.documentId, conflictId!, '--mine', '--theirs', '--data', checker.dir)).status).toBe(2);
    const badJson = await factdesk('resolve', ids.documentId, conflictId!, '--value', 'not json', '--data', checker.dir);
    expect(badJson).toMatchObject({ status: 2, stderr: expect.stringContaining('--value must be JSON') });
    const unknown = await factdesk('resolve', ids.documentId, 'no-such-conflict', '--theirs', '--data', checker.dir);
    expect(unknown).toMatchObject({ status: 1, stderr: expect.stringContaining('no open conflict no-such-conflict') });

    const resolved = await factdesk('resolve', ids.documentId, conflictId!, '--value', '"Both: White House and DOJ."', '--data', checker.dir);
    expect(resolved).toMatchObject({ status: 0, stdout: `resolved ${conflictId}; 0 conflicts remain` });
    expect((await factdesk('conflicts', ids.documentId, '--data', checker.dir)).stdout).toBe('');
    const again = await factdesk('open', 'back.factdesk.json', '--data', checker.dir);
    expect(again.status).toBe(0);
  });

  it('the installed launcher exits 3 too', async () => {
    await checker.call('claims.update', { id: ids.claimId, explanation: 'Checker again.' });
    await reviewer.call('claims.update', { id: ids.claimId, explanation: 'Reviewer again.' });
    await factdesk('pack', ids.documentId, '-o', 'again.factdesk.json', '--data', reviewer.dir);
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'factdesk.mjs'), 'open', 'again.factdesk.json', '--data', checker.dir], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, FACTDESK_DATA: undefined },
      timeout: 30_000
    });
    expect(run.status).toBe(3);
    expect(run.stdout).toContain('conflicts: 1 new, 1 open');
  });
});

describe('factdesk export-brat / import-brat / export-w3c', () => {
  it('writes brat files into a folder and imports them into another library', async () => {
    const exported = await factdesk('export-brat', ids.documentId, '-o', 'brat', '--data', checker.dir);
    expect(exported.status).toBe(0);
    const [txt, ann] = exported.stdout.split('\n');
    expect(txt).toMatch(/brat\/.+\.txt$/);
    expect(ann).toMatch(/brat\/.+\.ann$/);
    expect(readFileSync(ann!, 'utf8')).toContain('\tClaim ');
    const fresh = mkdtempSync(join(tmpdir(), 'factdesk-cli-fresh-'));
    try {
      const imported = await factdesk('import-brat', txt!, ann!, '--data', fresh);
      expect(imported.status).toBe(0);
      expect(imported.stdout).toMatch(/^[0-9a-f-]{36}\t/);
      expect(imported.stderr).toContain('new document: 2 mentions, 1 claims, 1 new entities');
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('exports W3C JSON-LD to stdout or a file', async () => {
    const printed = await factdesk('export-w3c', ids.documentId, '--data', checker.dir);
    expect(printed.status).toBe(0);
    expect(JSON.parse(printed.stdout)).toMatchObject({ type: 'AnnotationCollection', total: 3 });
    const written = await factdesk('export-w3c', ids.documentId, '-o', 'story.jsonld', '--data', checker.dir);
    expect(written).toMatchObject({ status: 0, stdout: join(work, 'story.jsonld') });
    expect(existsSync(join(work, 'story.jsonld'))).toBe(true);
  });

  it('lists orphans (none here) and shows the new commands in the help', async () => {
    expect(await factdesk('orphans', ids.documentId, '--data', checker.dir)).toMatchObject({ status: 0, stdout: '' });
    const help = await factdesk('--help');
    for (const command of ['pack ID', 'open FILE', 'validate FILE', 'conflicts ID', 'resolve ID CONFLICT_ID', 'export-brat ID', 'import-brat TXT ANN', 'export-w3c ID']) {
      expect(help.stdout).toContain(command);
    }
  });
});
