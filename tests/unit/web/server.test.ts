import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../../../src/main/api/service';
import { openLibrary, type Db } from '../../../src/main/store/open';
import { MAX_ANNOTATION_FILE_BYTES } from '../../../src/shared/api/file-limits';
import { createWebServer, MAX_BODY_BYTES, MAX_BODY_DEPTH, SERVER_LIMITS, type WebServer } from '../../../src/main/web/server';
import { createToken } from '../../../src/main/web/token';

const CSP = "default-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'";
const INDEX_HTML = `<!doctype html>
<html><head>
<meta
  http-equiv="Content-Security-Policy"
  content="${CSP}"
/>
<title>Factdesk</title></head><body><div id="app"></div><script type="module" src="./assets/app.js"></script></body></html>`;
const SECRET = 'top secret, outside the static root';
const SAMPLE = readFileSync(new URL('../../fixtures/articles/sample-ap-2018.txt', import.meta.url));

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

let tmp: string;
let db: Db;
let web: WebServer;
let token: string;

/** A raw HTTP request, so tests control the path and the Host header byte for byte. */
function send(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: web.port,
        method: options.method ?? 'GET',
        path: options.path,
        // A fresh connection each time: a pooled one may have passed the server's keep-alive timeout
        // while a test builds a large body, and be reset as the body goes out.
        agent: false,
        headers: { host: `127.0.0.1:${web.port}`, ...options.headers }
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', fail);
      }
    );
    req.on('error', fail);
    req.end(options.body);
  });
}

function api(method: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send({
    method: 'POST',
    path: `/api/${method}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input)
  });
}

function corsHeaders(headers: IncomingHttpHeaders): string[] {
  return Object.keys(headers).filter((name) => name.startsWith('access-control-'));
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'factdesk-web-'));
  const staticDir = join(tmp, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("factdesk");\n');
  writeFileSync(join(staticDir, 'assets', 'app.css'), 'body { margin: 0 }\n');
  writeFileSync(join(tmp, 'secret.txt'), SECRET);
  symlinkSync(join(tmp, 'secret.txt'), join(staticDir, 'assets', 'link.txt'));

  db = openLibrary(join(tmp, 'library'));
  token = createToken();
  web = await createWebServer({ service: createService({ db, mode: 'web' }), staticDir, token, host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await web?.close();
  db?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('listening', () => {
  it('binds 127.0.0.1 only, on the port it reports', () => {
    const address = web.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.port).toBe(web.port);
    expect(web.port).toBeGreaterThan(0);
    expect(web.origin).toBe(`http://127.0.0.1:${web.port}/`);
  });

  it('is not reachable on the machine’s other addresses', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info && !info.internal && info.family === 'IPv4')
      .map((info) => info!.address);
    for (const address of external) {
      const outcome = await new Promise<string>((done) => {
        const socket = connect({ host: address, port: web.port });
        socket.on('connect', () => {
          socket.destroy();
          done('connected');
        });
        socket.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? 'error'));
      });
      expect(outcome, address).toBe('ECONNREFUSED');
    }
  });
});

describe('API authentication', () => {
  it('refuses a call without a token with 401 and a JSON error', async () => {
    const reply = await send({ method: 'POST', path: '/api/documents.list', body: '{}' });
    expect(reply.status).toBe(401);
    expect(reply.headers['www-authenticate']).toBe('Bearer');
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses a wrong token of the same length, and the right token with extra characters', async () => {
    const wrong = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const presented of [wrong, `${token}x`, token.slice(1)]) {
      const reply = await api('documents.list', {}, { authorization: `Bearer ${presented}` });
      expect(reply.status, presented).toBe(401);
      expect(JSON.parse(reply.body).error.code).toBe('unauthorized');
    }
  });

  it('refuses a token sent any other way than the bearer scheme', async () => {
    const reply = await api('documents.list', {}, { authorization: `Basic ${token}` });
    expect(reply.status).toBe(401);
  });
});

describe('API calls', () => {
  it('imports the sample and lists it, answering in the service’s { ok, value } shape', async () => {
    const imported = await api('documents.import', {
      fileName: 'sample-ap-2018.txt',
      dataBase64: SAMPLE.toString('base64')
    });
    expect(imported.status).toBe(200);
    expect(imported.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(imported.headers['cache-control']).toBe('no-store');
    const outcome = JSON.parse(imported.body);
    expect(outcome.ok).toBe(true);
    expect(outcome.value.existing).toBe(false);

    const listed = JSON.parse((await api('documents.list', {})).body);
    expect(listed.ok).toBe(true);
    expect(listed.value.map((doc: { id: string }) => doc.id)).toContain(outcome.value.document.id);
  });

  it('reports the web mode in app.info and accepts an empty body as {}', async () => {
    const reply = await send({ method: 'POST', path: '/api/app.info', headers: { authorization: `Bearer ${token}` } });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { mode: 'web' } });
  });

  it('returns domain errors with status 200', async () => {
    const reply = await api('documents.get', { id: 'no-such-document' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('passes invalid input to the service, which refuses it', async () => {
    const reply = await api('documents.get', { id: 42 });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('accepts a percent-encoded method name, as the renderer sends it', async () => {
    const reply = await api('documents%2Elist', {});
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
  });

  it('answers an unknown method with unknown_method', async () => {
    const reply = await api('documents.explode', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('refuses a malformed JSON body with 400 invalid_input', async () => {
    const reply = await send({
      method: 'POST',
      path: '/api/documents.list',
      headers: { authorization: `Bearer ${token}` },
      body: '{"unterminated": '
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a body over the limit with 413 and leaves the library unchanged', async () => {
    const before = JSON.parse((await api('documents.list', {})).body).value.length;
    const body = JSON.stringify({ fileName: 'huge.txt', dataBase64: 'A'.repeat(MAX_BODY_BYTES) });
    const reply = await send({
      method: 'POST',
      path: '/api/documents.import',
      headers: { authorization: `Bearer ${token}` },
      body
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'too_large', message: expect.stringMatching(/^Cannot import "huge\.txt": the file \(\d+\.\d MB\) is larger than the 20 MB import limit\.$/) }
    });
    expect(JSON.parse((await api('documents.list', {})).body).value.length).toBe(before);
  });

  it('refuses every upload over its limit in words that name the file, never with a schema message', async () => {
    const before = JSON.parse((await api('documents.list', {})).body).value.length;
    const base64Of = (megabytes: number) => 'A'.repeat(Math.ceil((megabytes * 1024 * 1024) / 3) * 4);
    const article = base64Of(21);
    const cases: Array<[string, unknown, string]> = [
      ['imports.start', { fileName: 'big.pdf', dataBase64: article }, 'Cannot import "big.pdf": the file (21.0 MB) is larger than the 20 MB import limit.'],
      ['documents.import', { fileName: 'big.txt', dataBase64: article }, 'Cannot import "big.txt": the file (21.0 MB) is larger than the 20 MB import limit.'],
      [
        'export.verifySheet',
        { fileName: 'sheet.html', dataBase64: article },
        'Cannot verify "sheet.html": the file (21.0 MB) is larger than the 20.0 MB limit for fact sheets.'
      ],
      [
        'exchange.importBrat',
        { txtFileName: 'a.txt', txtBase64: 'AAAA', annFileName: 'a.ann', annBase64: article },
        'Cannot import "a.ann": the file (21.0 MB) is larger than the 20.0 MB limit for brat files.'
      ]
    ];
    for (const [method, input, message] of cases) {
      const reply = await api(method, input);
      expect(reply.status, method).toBe(200);
      expect(JSON.parse(reply.body), method).toEqual({ ok: false, error: { code: 'too_large', message } });
    }
    expect(JSON.parse((await api('documents.list', {})).body).value.length).toBe(before);
  });

  it('refuses a shared annotation file over its limit, sent as a body under the server’s, in words', async () => {
    const reply = await api('exchange.open', { fileName: 'big.factdesk.json', dataBase64: 'A'.repeat(Math.ceil((51 * 1024 * 1024) / 3) * 4) });
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'too_large', message: 'Cannot open "big.factdesk.json": the file (51.0 MB) is larger than the 50.0 MB limit for annotation files.' }
    });
  });

  it('takes a shared annotation file of the full 50 MB limit: the method, not the server, judges it', async () => {
    const dataBase64 = 'A'.repeat(Math.ceil(MAX_ANNOTATION_FILE_BYTES / 3) * 4); // 50 MB of zero bytes
    const reply = await send({
      method: 'POST',
      path: '/api/exchange.preview',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ fileName: 'big.factdesk.json', dataBase64 })
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/big\.factdesk\.json/) } });
  });

  it('also stops a chunked body (no Content-Length) at the limit', async () => {
    const reply = await send({
      method: 'POST',
      path: '/api/documents.import',
      headers: { authorization: `Bearer ${token}`, 'transfer-encoding': 'chunked' },
      body: Buffer.alloc(MAX_BODY_BYTES + 1, 0x41)
    });
    expect(reply.status).toBe(413);
  });

  it('accepts only POST on the API', async () => {
    const reply = await send({ path: '/api/documents.list', headers: { authorization: `Bearer ${token}` } });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
  });
});

describe('DNS rebinding and cross-origin protection', () => {
  it('refuses a foreign Host header with 403, for the API and for static files', async () => {
    for (const host of ['evil.example', `evil.example:${web.port}`, `127.0.0.1:${web.port + 1}`, '127.0.0.1']) {
      const call = await api('documents.list', {}, { host });
      expect(call.status, host).toBe(403);
      expect(JSON.parse(call.body).error.code).toBe('forbidden');
      expect((await send({ path: '/', headers: { host } })).status, host).toBe(403);
    }
  });

  it('accepts localhost:PORT as the Host', async () => {
    const reply = await api('documents.list', {}, { host: `localhost:${web.port}` });
    expect(reply.status).toBe(200);
  });

  it('refuses a request from a foreign Origin with 403, even with the right token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${web.port + 1}`, `https://127.0.0.1:${web.port}`, 'null']) {
      const reply = await api('documents.list', {}, { origin });
      expect(reply.status, origin).toBe(403);
      expect(corsHeaders(reply.headers)).toEqual([]);
    }
  });

  it('accepts its own origin', async () => {
    for (const origin of [`http://127.0.0.1:${web.port}`, `http://localhost:${web.port}`]) {
      expect((await api('documents.list', {}, { origin })).status, origin).toBe(200);
    }
  });

  it('refuses CORS preflight and never sends Access-Control-* headers', async () => {
    const preflight = await send({
      method: 'OPTIONS',
      path: '/api/documents.list',
      headers: {
        origin: `http://127.0.0.1:${web.port}`,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type'
      }
    });
    expect(preflight.status).toBe(405);
    expect(corsHeaders(preflight.headers)).toEqual([]);
    const staticPreflight = await send({ method: 'OPTIONS', path: '/' });
    expect(staticPreflight.status).toBe(405);
    expect(corsHeaders(staticPreflight.headers)).toEqual([]);
    expect(corsHeaders((await api('documents.list', {})).headers)).toEqual([]);
  });
});

describe('static files', () => {
  it('serves index.html at / with the renderer’s CSP and no caching', async () => {
    const reply = await send({ path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(`${CSP}; frame-ancestors 'none'`);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect((await send({ path: '/index.html?x=1' })).body).toBe(INDEX_HTML);
  });

  it('serves assets with their content types and needs no token', async () => {
    const script = await send({ path: '/assets/app.js' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain('factdesk');
    const style = await send({ path: '/assets/app.css' });
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(style.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets the browser keep an asset named by its content, and asks again for any other file', async () => {
    const named = join(tmp, 'renderer', 'assets', 'window-Cy5mgEAJ.js');
    writeFileSync(named, 'console.log("built");\n');
    try {
      expect((await send({ path: '/assets/window-Cy5mgEAJ.js' })).headers['cache-control']).toBe('max-age=31536000, immutable');
    } finally {
      rmSync(named);
    }
    expect((await send({ path: '/assets/app.js' })).headers['cache-control']).toBe('no-cache');
  });

  it('serves a rebuilt file at once and forgets a removed one (files are kept in memory once read)', async () => {
    const file = join(tmp, 'renderer', 'assets', 'rebuilt.js');
    writeFileSync(file, 'console.log("first build");\n');
    expect((await send({ path: '/assets/rebuilt.js' })).body).toContain('first build');
    writeFileSync(file, 'console.log("second, longer build");\n');
    expect((await send({ path: '/assets/rebuilt.js' })).body).toContain('second, longer build');
    rmSync(file);
    expect((await send({ path: '/assets/rebuilt.js' })).status).toBe(404);
  });

  it('answers HEAD without a body', async () => {
    const reply = await send({ method: 'HEAD', path: '/assets/app.js' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
  });

  it('answers a missing file with 404', async () => {
    const reply = await send({ path: '/assets/missing.js' });
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body).error.code).toBe('not_found');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/link.txt',
    '/%00index.html',
    '/%E0%A4%A'
  ])('refuses %s', async (path) => {
    const reply = await send({ path });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain(SECRET);
  });

  it('does not serve POSTs to static paths', async () => {
    const reply = await send({ method: 'POST', path: '/', body: '{}' });
    expect(reply.status).toBe(405);
  });
});

/** Opens a raw TCP connection to the server and resolves once it is connected; `closed` settles when the server drops it. */
function openSocket(port: number): Promise<{ socket: Socket; closed: Promise<void> }> {
  return new Promise((done, fail) => {
    const socket = connect({ host: '127.0.0.1', port });
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.once('connect', () => done({ socket, closed }));
    socket.resume(); // read to the end, so the server's closing is seen
    socket.once('error', fail);
  });
}

/** The flood that once locked the server out for 100 s. */
const IDLE_FLOOD = 20_000;

describe('hostile clients', () => {
  it('answers a 5,000-deep JSON body with 400 invalid_input, not an internal error', async () => {
    const reply = await send({
      method: 'POST',
      path: '/api/documents.list',
      headers: { authorization: `Bearer ${token}` },
      body: '['.repeat(5000) + ']'.repeat(5000)
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining(`more than ${MAX_BODY_DEPTH} levels deep`) }
    });
  });

  it('answers a malformed request line with 400 and closes the connection', async () => {
    const { socket, closed } = await openSocket(web.port);
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => {}); // the server may reset the connection after answering
    socket.write('NOT HTTP AT ALL\r\n\r\n');
    await closed;
    expect(Buffer.concat(received).toString('latin1')).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('stays reachable after 20,000 idle connections, keeping no more than its cap open', { timeout: 120_000 }, async () => {
    const sockets: Socket[] = [];
    try {
      for (let i = 0; i < IDLE_FLOOD; i += 1) {
        const { socket } = await openSocket(web.port);
        socket.on('error', () => {});
        sockets.push(socket);
      }
      const started = performance.now();
      const reply = await api('documents.list', {});
      expect(reply.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(2000);
      const open = await new Promise<number>((done, fail) => web.server.getConnections((error, count) => (error ? fail(error) : done(count))));
      expect(open).toBeLessThanOrEqual(SERVER_LIMITS.maxConnections);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });

  it('closes a connection that sends no request within the header timeout', { timeout: 10_000 }, async () => {
    const limits = { ...SERVER_LIMITS, headersTimeoutMs: 300 };
    const staticDir = join(tmp, 'renderer');
    const quick = await createWebServer({ service: createService({ db, mode: 'web' }), staticDir, token, port: 0, limits });
    try {
      const started = performance.now();
      const { socket, closed } = await openSocket(quick.port);
      socket.on('error', () => {});
      await closed;
      const waited = performance.now() - started;
      expect(waited).toBeGreaterThanOrEqual(250);
      expect(waited).toBeLessThan(5000);
    } finally {
      await quick.close();
    }
  });
});
