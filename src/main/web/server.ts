/**
 * Browser-mode transport: serves the built renderer and the API contract over HTTP,
 * on 127.0.0.1 only. The API needs the session's bearer token; every request must carry a
 * loopback Host header (DNS rebinding) and, when it has one, a loopback Origin; there is no CORS.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { ACTING_USER_HEADER } from '../../shared/api/acting-user';
import { MAX_ANNOTATION_FILE_BYTES, MAX_BRAT_FILE_BYTES } from '../../shared/api/file-limits';
import { UPLOADS_BY_METHOD } from '../../shared/api/uploads';
import type { ErrorCode } from '../../shared/result';
import { answerBody, type BodyService } from '../api/request-body';
import type { Service } from '../api/service';
import { tokensMatch } from './token';

const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;
/**
 * Largest accepted API request body: the largest upload a method takes, base64-encoded, plus JSON
 * framing (a 50 MB shared annotation file; a brat pair is two 20 MB files). Each method's own schema
 * then holds its upload to its own limit.
 */
export const MAX_BODY_BYTES =
  Math.max(base64Length(MAX_ANNOTATION_FILE_BYTES), 2 * base64Length(MAX_BRAT_FILE_BYTES)) + 1024 * 1024;

export { MAX_BODY_DEPTH } from '../api/request-body';

/** How long connections may take, and how many may be open at once. */
export interface ServerLimits {
  /** Open connections; past it the longest-idle one is closed to make room. */
  maxConnections: number;
  /** From connecting to the end of the request headers. */
  headersTimeoutMs: number;
  /** From connecting to the end of the request body (a 50 MB upload takes well under a second on loopback). */
  requestTimeoutMs: number;
}

export const SERVER_LIMITS: ServerLimits = { maxConnections: 256, headersTimeoutMs: 10_000, requestTimeoutMs: 120_000 };

/** Used only when the built index.html carries no CSP of its own. */
const FALLBACK_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm'
};

export interface WebServerOptions {
  service: Service | BodyService;
  /** The built renderer (out/renderer). */
  staticDir: string;
  token: string;
  /** Loopback only, by design: the type admits nothing else. */
  host?: '127.0.0.1';
  /** 0 picks a free port. */
  port: number;
  limits?: ServerLimits;
}

export interface WebServer {
  server: Server;
  /** The port actually listened on. */
  port: number;
  /** http://127.0.0.1:PORT/ (without the token). */
  origin: string;
  close(): Promise<void>;
}

export async function createWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const staticRoot = await realpath(resolve(options.staticDir));
  const csp = await readCsp(staticRoot);
  const staticFiles = new StaticFiles(staticRoot);
  // Filled in once listening: with port 0 the real port is known only then.
  let allowed = { hosts: new Set<string>(), origins: new Set<string>() };

  const limits = options.limits ?? SERVER_LIMITS;
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // How often the two timeouts above are checked.
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs)
    },
    (req, res) => {
      setCommonHeaders(res, csp);
      handle(req, res).catch((error: unknown) => {
        // The service never throws; this guards the transport itself (e.g. a failing disk read).
        if (!res.headersSent) sendError(res, 500, 'internal', `Internal error: ${String(error)}`);
        else res.destroy();
      });
    }
  );
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n', () => socket.destroy());
    else socket.destroy();
  });
  guardConnections(server, limits);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    if (!allowed.hosts.has(hostHeader)) {
      return sendError(res, 403, 'forbidden', 'Forbidden: unexpected Host header');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowed.origins.has(origin.toLowerCase())) {
      return sendError(res, 403, 'forbidden', 'Forbidden: cross-origin requests are not accepted');
    }
    const path = (req.url ?? '/').split(/[?#]/, 1)[0];
    if (path === '/api' || path.startsWith('/api/')) return handleApi(req, res, methodName(path.slice('/api/'.length)));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendError(res, 405, 'unsupported', `Method ${req.method} is not allowed here`);
    }
    return serveStatic(req, res, staticFiles, path);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendError(res, 405, 'unsupported', 'The API accepts POST only');
    }
    const presented = bearerToken(req.headers.authorization);
    if (presented === null || !tokensMatch(presented, options.token)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendError(res, 401, 'unauthorized', 'Missing or wrong access token');
    }
    const actingUser = actingUserOf(req.headers[ACTING_USER_HEADER]);
    if (actingUser === null) return sendError(res, 400, 'invalid_input', 'The acting user header is not a URI-encoded name');
    const body = await readBody(req, MAX_BODY_BYTES);
    if ('tooLarge' in body) {
      res.setHeader('Connection', 'close');
      const message =
        uploadTooLarge(method, body.head, body.tooLarge) ?? `Request body is larger than ${(MAX_BODY_BYTES / 1024 / 1024).toFixed(0)} MB`;
      return sendError(res, 413, 'too_large', message);
    }
    const answer = await answerBody(options.service, method, body.body, actingUser);
    if ('badBody' in answer) return sendError(res, 400, 'invalid_input', `Request body is ${answer.badBody}`);
    sendJson(res, 200, answer);
  }

  const port = await listen(server, host, options.port);
  allowed = {
    hosts: new Set([`127.0.0.1:${port}`, `localhost:${port}`]),
    origins: new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])
  };
  return {
    server,
    port,
    origin: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      })
  };
}

/**
 * Keeps at most `maxConnections` connections open. Past it the connection idle the longest (no
 * request in progress) is closed, rather than the newest refused: a flood of idle sockets cannot
 * lock the app's own requests out. A connection that sends no request within the header timeout is
 * closed too (Node's own header timeout starts only with the first byte).
 */
function guardConnections(server: Server, { maxConnections, headersTimeoutMs }: ServerLimits): void {
  // Insertion order is idle order: the first is the one idle the longest.
  const idle = new Set<Socket>();
  const silent = new Map<Socket, NodeJS.Timeout>();
  let open = 0;
  server.on('connection', (socket: Socket) => {
    open += 1;
    idle.add(socket);
    silent.set(socket, setTimeout(() => socket.destroy(), headersTimeoutMs));
    socket.once('close', () => {
      open -= 1;
      idle.delete(socket);
      clearTimeout(silent.get(socket));
      silent.delete(socket);
    });
    if (open > maxConnections) idle.values().next().value?.destroy();
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    clearTimeout(silent.get(socket));
    silent.delete(socket);
    idle.delete(socket);
    res.once('close', () => {
      if (!socket.destroyed) idle.add(socket);
    });
  });
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((done, fail) => {
    const onError = (error: Error) => fail(error);
    server.once('error', onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', onError);
      done((server.address() as AddressInfo).port);
    });
  });
}

/** The user the calling window shows (absent: a caller without a window); null when the header is not a name. */
function actingUserOf(header: string | string[] | undefined): string | undefined | null {
  if (header === undefined) return undefined;
  if (typeof header !== 'string') return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return null;
  }
}

/** Works only in a header: a meta tag cannot carry it (the browser ignores it there and logs an error). */
const HEADER_ONLY_CSP = "frame-ancestors 'none'";

/** The CSP the renderer declares in its index.html, sent as a header with frame-ancestors added. */
async function readCsp(staticRoot: string): Promise<string> {
  const html = await readFile(resolve(staticRoot, 'index.html'), 'utf8').catch(() => '');
  const meta = /<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0];
  const content = meta && /\scontent=(["'])(.*?)\1/is.exec(meta)?.[2];
  return content ? `${content.replace(/\s+/g, ' ').trim()}; ${HEADER_ONLY_CSP}` : FALLBACK_CSP;
}

function setCommonHeaders(res: ServerResponse, csp: string): void {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function serveStatic(req: IncomingMessage, res: ServerResponse, files: StaticFiles, urlPath: string): void {
  const found = files.get(urlPath);
  if (!found) return sendError(res, 404, 'not_found', 'Not found');
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': found.content.length,
    'Cache-Control': cachePolicy(found)
  });
  res.end(req.method === 'HEAD' ? undefined : found.content);
}

/** A build names its assets by their content (`window-Cy5mgEAJ.js`): a new build gives changed content a new name. */
const CONTENT_NAMED = /^assets\/[^/]+-[\w-]{8}\.[a-z]+$/;

/**
 * index.html is never cached: it names the current build's assets. An asset named by its content
 * never changes, so the browser keeps it (and its compiled code) without asking again; any other
 * file is fetched anew each time.
 */
function cachePolicy(found: { relative: string; isIndex: boolean }): string {
  if (found.isIndex) return 'no-store';
  return CONTENT_NAMED.test(found.relative) ? 'max-age=31536000, immutable' : 'no-cache';
}

/**
 * The built renderer's files, kept in memory once read. A page load asks for several of them while
 * its first API call runs; answered from memory (a synchronous stat says the copy is current, so a
 * rebuild is served at once), none of them waits behind file-system calls on libuv's thread pool.
 */
class StaticFiles {
  readonly #root: string;
  readonly #read = new Map<string, { mtimeMs: number; size: number; content: Buffer }>();

  constructor(root: string) {
    this.#root = root;
  }

  get(urlPath: string): { file: string; relative: string; content: Buffer; isIndex: boolean } | null {
    const file = locateStaticFile(this.#root, urlPath);
    if (!file) return null;
    let cached = this.#read.get(file);
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return null;
      if (cached?.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
        cached = { mtimeMs: stat.mtimeMs, size: stat.size, content: readFileSync(file) };
        this.#read.set(file, cached);
      }
    } catch {
      this.#read.delete(file); // removed by a rebuild meanwhile
      return null;
    }
    const relative = file.slice(this.#root.length + 1).split(sep).join('/');
    return { file, relative, content: cached.content, isIndex: relative === 'index.html' };
  }
}

/** The file a URL path names, or null when it is malformed, missing, or resolves outside the root. */
function locateStaticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const candidate = resolve(root, '.' + (decoded.endsWith('/') ? `${decoded}index.html` : decoded));
  if (!isInside(root, candidate)) return null;
  // Follow symlinks and check again, so a link inside the root cannot point outside it.
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    return null;
  }
  return isInside(root, real) ? real : null;
}

function isInside(root: string, path: string): boolean {
  return path.startsWith(root + sep);
}

/** Clients may percent-encode the method name; an undecodable one goes to the service as is (unknown_method). */
function methodName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

/** Bytes of a refused body kept to find the name of the file it uploads. */
const HEAD_BYTES = 4096;

/**
 * The whole body, or, once it passes the limit, its size and its first bytes (the rest is
 * drained, not kept).
 */
function readBody(req: IncomingMessage, limit: number): Promise<{ body: Buffer } | { tooLarge: number; head: string }> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () =>
      done(size > limit ? { tooLarge: size, head: Buffer.concat(chunks, HEAD_BYTES).toString('utf8') } : { body: Buffer.concat(chunks) })
    );
    req.on('error', fail);
  });
}

/**
 * The refusal of an upload whose request body alone is over the limit, naming the file when the
 * body's first bytes hold its name (clients send the name before the bytes).
 */
function uploadTooLarge(method: string, head: string, bodyBytes: number): string | null {
  for (const rule of UPLOADS_BY_METHOD[method] ?? []) {
    const quoted = new RegExp(`"${rule.nameField}"\\s*:\\s*("(?:[^"\\\\]|\\\\.){1,1000}")`).exec(head)?.[1];
    if (!quoted) continue;
    let name: unknown;
    try {
      name = JSON.parse(quoted);
    } catch {
      return null;
    }
    return typeof name === 'string' && name.trim() !== '' ? rule.refuse(name.trim(), Math.floor((bodyBytes * 3) / 4)) : null;
  }
  return null;
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  // Encoded once (a document's annotations are megabytes of JSON), for both the length and the body.
  const body = Buffer.from(JSON.stringify(payload));
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store'
  });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}
