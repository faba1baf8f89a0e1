/**
 * Browser mode carries the user a tab shows in a header, through the HTTP thread and the service's
 * own thread, to the service's check: a tab that still shows another user has its writes refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTING_USER_HEADER } from '../../../src/shared/api/acting-user';
import { type Backend, startBackend } from '../../../src/main/web/backend';
import { createWebServer, type WebServer } from '../../../src/main/web/server';

const TOKEN = 'a'.repeat(43);
let dataDir: string;
let staticDir: string;
let backend: Backend;
let web: WebServer;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'factdesk-acting-user-data-'));
  staticDir = mkdtempSync(join(tmpdir(), 'factdesk-acting-user-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Factdesk</title>');
  const started = await startBackend(dataDir, 'test');
  if (!started.ok) throw new Error(started.error.message);
  backend = started.value;
  web = await createWebServer({ service: backend.service, staticDir, token: TOKEN, port: 0 });
});
afterAll(async () => {
  await web.close();
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
});

async function api(method: string, input: unknown, actingUser?: string) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` };
  if (actingUser !== undefined) headers[ACTING_USER_HEADER] = actingUser;
  const response = await fetch(`${web.origin}api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('the acting user over HTTP', () => {
  it('refuses a write from a tab that shows another user, takes one from a tab that shows the current one', async () => {
    const arabicName = 'بيا المراجعة';
    expect((await api('settings.update', { userName: arabicName })).body).toMatchObject({ ok: true });
    const entity = { name: 'Alice Marie Johnson', type: 'person' };

    expect(await api('entities.create', entity, encodeURIComponent('Carla Checker'))).toEqual({
      status: 200,
      body: {
        ok: false,
        error: {
          code: 'user_changed',
          message: `Factdesk is now used as ${arabicName} (switched in another window). Reload to go on as ${arabicName}, or switch back.`
        }
      }
    });
    expect((await api('entities.list', {}, encodeURIComponent('Carla Checker'))).body).toEqual({ ok: true, value: [] });

    expect((await api('entities.create', entity, encodeURIComponent(arabicName))).body).toMatchObject({
      ok: true,
      value: { entities: { upsert: [{ name: 'Alice Marie Johnson' }] } }
    });
  });

  it('refuses a header that is not a URI-encoded name before reading the call', async () => {
    expect(await api('entities.create', { name: 'X', type: 'person' }, '%E0%A4%A')).toMatchObject({
      status: 400,
      body: { ok: false, error: { code: 'invalid_input' } }
    });
  });
});
