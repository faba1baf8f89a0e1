import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../../../src/main/api/service';
import { openLibrary } from '../../../src/main/store/open';
import { findGaps } from '../../../src/shared/gaps';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ARTICLES = join(ROOT, 'tests', 'fixtures', 'articles');
const SAMPLE = join(ARTICLES, 'sample-ap-2018.txt');
const SAMPLE_TEXT = readFileSync(SAMPLE, 'utf8');

let tmp: string;
let dataDir: string;
let sampleId: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `factdesk` launcher in a child process, as a user or a pipeline would. */
function factdesk(args: string[], env: Record<string, string | undefined> = {}): Run {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'factdesk.mjs'), ...args], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...process.env, FACTDESK_DATA: undefined, ...env },
    timeout: 20_000
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function documentCount(): number {
  return factdesk(['list', '--data', dataDir]).stdout.split('\n').filter(Boolean).length;
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'factdesk-cli-'));
  dataDir = join(tmp, 'library');
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('factdesk import and list', () => {
  it('imports the sample and prints ID<TAB>title', () => {
    const run = factdesk(['import', SAMPLE, '--data', dataDir]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const [id, title, ...rest] = lines[0].split('\t');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(title).toContain('Reality TV star');
    expect(rest).toEqual([]);
    sampleId = id;
  });

  it('lists the library as ID<TAB>title', () => {
    const run = factdesk(['list', '--data', dataDir]);
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(new RegExp(`^${sampleId}\\tReality TV star`))]);
  });

  it('reports a duplicate import with the existing ID and a note on stderr', () => {
    const copy = join(tmp, 'same-story.txt');
    copyFileSync(SAMPLE, copy);
    const run = factdesk(['import', copy, '--data', dataDir]);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\t')[0]).toBe(sampleId);
    expect(run.stderr).toContain('same-story.txt');
    expect(run.stderr).toContain('already in the library');
    expect(documentCount()).toBe(1);
  });

  it('picks the library from FACTDESK_DATA, and --data wins over it', () => {
    expect(factdesk(['list'], { FACTDESK_DATA: dataDir }).stdout).toContain(sampleId);
    const other = factdesk(['list', '--data', join(tmp, 'empty-library')], { FACTDESK_DATA: dataDir });
    expect(other.status).toBe(0);
    expect(other.stdout).toBe('');
  });
});

describe('factdesk import errors', () => {
  it.each([
    ['missing.txt', 'no such file'],
    [join(ARTICLES, 'empty.txt'), 'empty'],
    [join(ARTICLES, 'binary.txt'), 'binary'],
    [ARTICLES, 'directory']
  ])('refuses %s with exit 1, naming the file and the reason', (file, reason) => {
    const run = factdesk(['import', file, '--data', dataDir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(file.split('/').pop());
    expect(run.stderr).toMatch(/^Cannot import "/);
    expect(run.stderr.toLowerCase()).toContain(reason);
    expect(documentCount()).toBe(1);
  });

  it('imports the good files of a batch and exits 1 for the bad one', () => {
    const run = factdesk(['import', join(ARTICLES, 'article.md'), 'missing.txt', '--data', dataDir]);
    expect(run.status).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('missing.txt');
    expect(documentCount()).toBe(2);
  });
});

describe('factdesk show and gaps', () => {
  let entityId: string;
  let claimId: string;

  beforeAll(async () => {
    // Annotate through the same service the CLI uses, so `show --json` has every kind of record to print.
    const db = openLibrary(dataDir);
    try {
      const service = createService({ db, mode: 'cli' });
      const call = async (method: string, input: unknown) => {
        const result = await service.call(method, input);
        if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
        return result.value as { createdId: string };
      };
      await call('settings.update', { userName: 'Test Checker' });
      entityId = (await call('entities.create', { documentId: sampleId, name: 'Kim Kardashian West', type: 'person' })).createdId;
      const [gap] = findGaps(SAMPLE_TEXT);
      await call('mentions.create', {
        documentId: sampleId,
        start: gap.start,
        end: gap.end,
        type: 'person',
        entityId,
        masked: true,
        restoration: 'Kim Kardashian West'
      });
      const sentence = SAMPLE_TEXT.indexOf('Trump has issued just a handful of pardons');
      claimId = (await call('claims.create', { documentId: sampleId, start: sentence, end: sentence + 42 })).createdId;
      await call('evidence.create', { claimId, relation: 'supports', title: 'Pardon list', url: 'https://www.justice.gov/pardon' });
    } finally {
      db.close();
    }
  });

  it('show --json prints the full document view', () => {
    const run = factdesk(['show', sampleId, '--json', '--data', dataDir]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const view = JSON.parse(run.stdout);
    for (const field of ['document', 'text', 'mentions', 'gaps', 'entities', 'claims', 'evidence', 'reviews']) {
      expect(view, field).toHaveProperty(field);
    }
    expect(view.document.id).toBe(sampleId);
    expect(view.text).toBe(SAMPLE_TEXT);
    expect(view.document.text).toBe(SAMPLE_TEXT);
    expect(view.gaps).toEqual(findGaps(SAMPLE_TEXT));
    expect(view.gaps).toHaveLength(4);
    expect(view.entities.map((entity: { id: string }) => entity.id)).toEqual([entityId]);
    expect(view.mentions).toHaveLength(1);
    expect(view.mentions[0]).toMatchObject({ masked: true, restoration: 'Kim Kardashian West', entityId });
    expect(view.claims.map((claim: { id: string }) => claim.id)).toEqual([claimId]);
    expect(view.evidence).toHaveLength(1);
    expect(view.evidence[0]).toMatchObject({ claimId, relation: 'supports', url: 'https://www.justice.gov/pardon' });
  });

  it('show without --json prints a readable summary', () => {
    const run = factdesk(['show', sampleId, '--data', dataDir]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(sampleId);
    expect(run.stdout).toMatch(/Gaps\s+4/);
    expect(run.stdout).toMatch(/Mentions\s+1 \(1 masked\)/);
    expect(run.stdout).toContain('Kim Kardashian West (1 mention)');
    expect(run.stdout).toContain('[open] Trump has issued just a handful of pardons');
  });

  it('gaps prints START<TAB>END<TAB>context for each of the 4 gaps', () => {
    const run = factdesk(['gaps', sampleId, '--data', dataDir]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const gaps = findGaps(SAMPLE_TEXT);
    lines.forEach((line, i) => {
      const [start, end, context] = line.split('\t');
      expect([Number(start), Number(end)]).toEqual([gaps[i].start, gaps[i].end]);
      expect(context).toContain(`[${SAMPLE_TEXT.slice(gaps[i].start, gaps[i].end)}]`);
    });
    expect(lines[2]).toContain('President[   ]and his staff');
  });

  it('gaps --json prints the gaps as JSON', () => {
    const run = factdesk(['gaps', sampleId, '--json', '--data', dataDir]);
    expect(run.status).toBe(0);
    // Each gap also carries its ranked restoration candidates (see tests/unit/assist/cli.test.ts).
    expect(JSON.parse(run.stdout).map(({ start, end }: { start: number; end: number }) => ({ start, end }))).toEqual(findGaps(SAMPLE_TEXT));
  });

  it('refuses an unknown document id with exit 1 naming it', () => {
    const run = factdesk(['show', 'no-such-id', '--data', dataDir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no-such-id');
  });
});

describe('factdesk usage', () => {
  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [[], 'missing command'],
    [['list', '--verbose'], 'unknown option --verbose'],
    [['list', '--constructor', 'x'], 'unknown option --constructor'],
    [['show'], 'missing ID'],
    [['import'], 'missing FILE'],
    [['show', 'a', 'b'], 'unexpected argument "b"'],
    [['list', '--data'], '--data needs a value'],
    [['list', '--json=yes'], '--json takes no value']
  ])('exits 2 with usage for %j', (args, message) => {
    const run = factdesk([...args]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage: factdesk');
  });

  it('prints help on stdout with exit 0', () => {
    for (const args of [['--help'], ['help'], ['-h']]) {
      const run = factdesk(args);
      expect(run.status, args.join(' ')).toBe(0);
      for (const command of ['import', 'list', 'show', 'gaps']) expect(run.stdout).toContain(`  ${command}`);
    }
    const show = factdesk(['help', 'show']);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain('Usage: factdesk show ID [--json]');
    expect(factdesk(['gaps', '--help']).stdout).toContain('Usage: factdesk gaps ID');
  });
});
