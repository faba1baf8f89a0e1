import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createService } from '../../../src/main/api/service';
import { openLibrary } from '../../../src/main/store/open';
import {
  connectService,
  printThroughFront,
  serveService,
  SERVICE_STOPPED,
  type FrontMessage,
  type HostMessage
} from '../../../src/main/service-host/protocol';
import { portChannel, startServiceThread } from '../../../src/main/service-host/thread';
import type { Result } from '../../../src/shared/result';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-service-host-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const errorOf = (result: Result<unknown>) => (result.ok ? null : result.error);

describe('the service host in a worker thread', () => {
  it('opens the library, answers calls by id in any order, and closes the library on shutdown', async () => {
    const dataDir = tempDir();
    const host = startServiceThread({ dataDir, mode: 'web', version: 'test' });
    expect(await host.ready).toEqual({ ok: true, value: undefined });

    const saved = await host.call('settings.update', { userName: 'Ana Checker' });
    expect(saved.ok).toBe(true);
    // Many calls in flight at once: each answer belongs to its own call.
    const ids = Array.from({ length: 20 }, () => crypto.randomUUID());
    const answers = await Promise.all(ids.map((id) => host.call('documents.get', { id })));
    answers.forEach((answer, i) => {
      expect(errorOf(answer)?.code).toBe('not_found');
      expect(errorOf(answer)?.message).toContain(ids[i]);
    });
    // Errors come back as answers, not as exceptions.
    expect(errorOf(await host.call('documents.nothing', {}))?.code).toBe('unknown_method');
    expect(errorOf(await host.call('documents.get', { id: 42 }))?.code).toBe('invalid_input');

    await host.shutdown();
    expect(errorOf(await host.call('documents.list', {}))?.message).toBe(SERVICE_STOPPED);
    // The host closed its connection: what it wrote is on disk and the file opens again.
    const db = openLibrary(dataDir);
    try {
      const userName = createService({ db, mode: 'cli' }).call('settings.get', {});
      expect(await userName).toMatchObject({ ok: true, value: { userName: 'Ana Checker' } });
    } finally {
      db.close();
    }
  });

  it('says why when the library cannot be opened', async () => {
    const notAFolder = join(tempDir(), 'library');
    writeFileSync(notAFolder, 'a file where the library folder should be');
    const host = startServiceThread({ dataDir: notAFolder, mode: 'web', version: 'test' });
    const ready = await host.ready;
    expect(errorOf(ready)?.message).toContain(`cannot open the library in ${notAFolder}`);
    expect(errorOf(await host.call('documents.list', {}))?.message).toBe(SERVICE_STOPPED);
  });
});

describe('the host protocol', () => {
  it('ends the calls in flight with a clear error when the host goes away', async () => {
    const db = openLibrary(tempDir());
    try {
      const { port1, port2 } = new MessageChannel();
      serveService(portChannel<FrontMessage, HostMessage>(port2, 'close'), createService({ db, mode: 'web' }), () => void db.close());
      const front = connectService(portChannel<HostMessage, FrontMessage>(port1, 'close'));
      expect((await front.call('documents.list', {})).ok).toBe(true);
      // Closed before the host could read the call.
      const pending = front.call('documents.list', {});
      port2.close();
      expect(errorOf(await pending)?.message).toBe(SERVICE_STOPPED);
      await front.shutdown();
    } finally {
      if (db.open) db.close();
    }
  });

  it('prints through the front, and says so when the front cannot print', async () => {
    const { port1, port2 } = new MessageChannel();
    const print = printThroughFront(portChannel<FrontMessage, HostMessage>(port2, 'close'));
    const printed = new TextEncoder().encode('%PDF-1.7 printed by the front');
    connectService(portChannel<HostMessage, FrontMessage>(port1, 'close'), (html) =>
      Promise.resolve(html.includes('<h1>') ? printed : Promise.reject(new Error('no heading to print')))
    );
    expect(new TextDecoder().decode(await print('<h1>Sheet</h1>'))).toBe('%PDF-1.7 printed by the front');
    await expect(print('<p>nothing</p>')).rejects.toThrow('no heading to print');
    port1.close();

    const other = new MessageChannel();
    connectService(portChannel<HostMessage, FrontMessage>(other.port1, 'close'));
    await expect(printThroughFront(portChannel<FrontMessage, HostMessage>(other.port2, 'close'))('<h1>x</h1>')).rejects.toThrow(
      'This window cannot print fact sheets.'
    );
    other.port1.close();
  });
});
