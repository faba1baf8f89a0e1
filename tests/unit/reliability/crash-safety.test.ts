import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../src/main/store/open';
import { type TempLibrary, SAMPLE_FILE, tempLibrary } from '../helpers/temp-library';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const KILLS = 50;

let lib: TempLibrary;
let documentId: string;
let textLength: number;

beforeAll(async () => {
  lib = tempLibrary('factdesk-crash-');
  await lib.call('settings.update', { userName: 'Crash Tester' });
  const { document } = await lib.importFile(SAMPLE_FILE);
  documentId = document.id;
  textLength = (await lib.call('documents.get', { id: documentId })).document.text.length;
  lib.db.close();
});
afterAll(() => lib.close());

/** Runs the child until it has acknowledged at least one edit, waits a random moment more, then SIGKILLs it. */
function runAndKill(seed: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'crash-child.ts'), lib.dir, documentId, String(textLength), String(seed)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }
    );
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 150));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child exited on its own: ${err}`));
      // A line cut off by the kill was not fully acknowledged: keep whole lines only.
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}

describe('crash safety', () => {
  it(`keeps the database intact and every acknowledged edit after ${KILLS} SIGKILLs`, async () => {
    const alive = new Set<string>();
    const removed = new Set<string>();
    const explained = new Set<string>();
    let acknowledged = 0;
    for (let i = 0; i < KILLS; i += 1) {
      const lines = await runAndKill(1000 + i);
      acknowledged += lines.length;
      for (const line of lines) {
        const [op, id] = line.split(' ') as [string, string];
        if (op === 'M+' || op === 'C+') alive.add(id);
        // A delete that was asked for but not acknowledged may or may not have happened.
        if (op === 'M?') alive.delete(id);
        if (op === 'M-') {
          alive.delete(id);
          removed.add(id);
        }
        if (op === 'CE') explained.add(id);
      }
      const db = openLibrary(lib.dir);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const present = new Set(
          (db.prepare('SELECT id FROM mentions UNION ALL SELECT id FROM claims').all() as { id: string }[]).map((r) => r.id)
        );
        for (const id of alive) expect(present.has(id), `acknowledged record ${id} lost after kill ${i + 1}`).toBe(true);
        for (const id of removed) expect(present.has(id), `acknowledged delete of ${id} lost after kill ${i + 1}`).toBe(false);
        for (const id of explained) {
          expect(db.prepare('SELECT explanation FROM claims WHERE id = ?').get(id)).toEqual({ explanation: `checked ${id}` });
        }
      } finally {
        db.close();
      }
    }
    expect(acknowledged).toBeGreaterThan(KILLS);
  }, 300_000);
});
