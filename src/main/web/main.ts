/**
 * `npm run web [-- --port N --data DIR --no-open]`: opens the library, serves the built page
 * (`staticDir`) and the API on 127.0.0.1 and prints the one line a user or test needs:
 * `Factdesk ready at http://127.0.0.1:PORT/#token=TOKEN`.
 */
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../data-dir';
import { claimLibrary } from '../library-lock';
import { startBackend } from './backend';
import { openBrowser } from './open-browser';
import { createWebServer, type WebServer } from './server';
import { createToken } from './token';
import packageJson from '../../../package.json' with { type: 'json' };

/** Tried first so the address stays the same between runs; a free port is taken when it is busy. */
export const DEFAULT_PORT = 5178;

const USAGE = `Usage: npm run web -- [--port N] [--data DIR] [--no-open]

  --port N     port on 127.0.0.1 (default ${DEFAULT_PORT}, or a free one when that is busy; 0 = any free port)
  --data DIR   library folder (default: FACTDESK_DATA or the per-user data folder)
  --no-open    do not open the system browser`;

interface WebOptions {
  port: number | null;
  dataDir: string;
  open: boolean;
}

function parseOptions(argv: string[]): WebOptions | string {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        'no-open': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      },
      strict: true,
      allowPositionals: false
    }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (values.help) return '';
  const port = values.port === undefined ? null : Number(values.port);
  if (port !== null && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    return `--port must be a whole number from 0 to 65535, got "${values.port}"`;
  }
  return { port, dataDir: resolveDataDir(values.data), open: !values['no-open'] };
}

/** Runs until SIGINT/SIGTERM, serving the page built into `staticDir`; resolves with the process exit code. */
export async function main(argv: string[], staticDir: string): Promise<number> {
  const options = parseOptions(argv);
  if (typeof options === 'string') {
    if (options) process.stderr.write(`factdesk web: ${options}\n`);
    process.stderr.write(`${USAGE}\n`);
    return options ? 2 : 0;
  }

  const claim = claimLibrary(options.dataDir, 'browser mode');
  if (!claim.ok) return fatal(claim.error.message);
  const backend = await startBackend(options.dataDir, packageJson.version);
  if (!backend.ok) {
    claim.value.release();
    return fatal(backend.error.message);
  }

  const token = createToken();
  const { service } = backend.value;
  let web: WebServer;
  try {
    web = await listen(options.port, (port) =>
      createWebServer({ service, staticDir, token, host: '127.0.0.1', port })
    );
  } catch (error) {
    await backend.value.close();
    claim.value.release();
    return fatal(`cannot listen on 127.0.0.1: ${messageOf(error)}`);
  }

  const url = `${web.origin}#token=${token}`;
  process.stdout.write(`Factdesk ready at ${url}\n`);
  if (options.open) openBrowser(url);

  return new Promise((done) => {
    let closing = false;
    // Repeated signals while closing are ignored, so the library is always closed cleanly.
    const shutdown = () => {
      if (closing) return;
      closing = true;
      web
        .close()
        .catch((error: unknown) => process.stderr.write(`factdesk web: closing the server: ${messageOf(error)}\n`))
        .finally(async () => {
          await backend.value.close();
          claim.value.release();
          done(0);
        });
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
}

/** An explicit port must be free; the default port falls back to any free one. */
async function listen(port: number | null, start: (port: number) => Promise<WebServer>): Promise<WebServer> {
  if (port !== null) return start(port);
  try {
    return await start(DEFAULT_PORT);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return start(0);
  }
}

function fatal(message: string): number {
  process.stderr.write(`factdesk web: ${message}\n`);
  return 1;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
