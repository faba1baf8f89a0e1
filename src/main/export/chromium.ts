/**
 * Printing HTML to PDF with headless Chromium (browser mode and the CLI; the Electron app prints
 * with webContents.printToPDF instead). The page is written to a private temp folder and loaded
 * from file://; it has no script and no remote resource, so nothing else is fetched.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PdfPrinterError, type PrintToPdf } from './pdf';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const DEFAULT_TIMEOUT_MS = 120_000;

/** $FACTDESK_CHROMIUM, else the first Chromium in /usr/bin or on the PATH; null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.FACTDESK_CHROMIUM) return isExecutable(env.FACTDESK_CHROMIUM) ? env.FACTDESK_CHROMIUM : null;
  const dirs = ['/usr/bin', ...(env.PATH ?? '').split(delimiter).filter(Boolean)];
  for (const name of NAMES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  }
  return null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface ChromiumPrinterOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** A PrintToPdf that runs `chromium --headless --print-to-pdf`; the executable is looked up on each print. */
export function chromiumPrinter({ env = process.env, timeoutMs = DEFAULT_TIMEOUT_MS }: ChromiumPrinterOptions = {}): PrintToPdf {
  return async (html) => {
    const executable = findChromium(env);
    if (!executable) {
      throw new PdfPrinterError(
        env.FACTDESK_CHROMIUM
          ? `Cannot print the PDF: FACTDESK_CHROMIUM points to "${env.FACTDESK_CHROMIUM}", which is not an executable file.`
          : `Cannot print the PDF: no Chromium found (looked for ${NAMES.join(', ')} in /usr/bin and on the PATH). Install Chromium or set FACTDESK_CHROMIUM to its path.`
      );
    }
    const work = await mkdtemp(join(tmpdir(), 'factdesk-pdf-'));
    try {
      const page = join(work, 'sheet.html');
      const output = join(work, 'sheet.pdf');
      await writeFile(page, html, 'utf8');
      await run(executable, chromiumArgs(work, output, pathToFileURL(page).href), timeoutMs);
      return new Uint8Array(await readFile(output).catch(() => {
        throw new PdfPrinterError(`Cannot print the PDF: ${executable} finished without writing one.`);
      }));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  };
}

function chromiumArgs(work: string, output: string, pageUrl: string): string[] {
  return [
    '--headless',
    // Chromium refuses to run as root inside its sandbox.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-extensions',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--no-default-browser-check',
    `--user-data-dir=${join(work, 'profile')}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${output}`,
    pageUrl
  ];
}

function run(executable: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((done, fail) => {
    const detached = process.platform !== 'win32';
    const child = spawn(executable, args, { detached, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const timer = setTimeout(() => {
      kill(child.pid, detached);
      fail(new PdfPrinterError(`Cannot print the PDF: Chromium did not finish within ${Math.round(timeoutMs / 1000)} s.`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(new PdfPrinterError(`Cannot print the PDF: ${executable} could not start (${error.message}).`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) done();
      else {
        const last = stderr.trim().split('\n').filter((l) => !/dbus|Fontconfig/i.test(l)).pop() ?? '';
        fail(new PdfPrinterError(`Cannot print the PDF: Chromium failed (${signal ?? `exit code ${code}`})${last ? `: ${last}` : ''}.`));
      }
    });
  });
}

/** Kills Chromium with its helper processes (it leads its own process group when detached). */
function kill(pid: number | undefined, group: boolean) {
  if (pid === undefined) return;
  try {
    process.kill(group ? -pid : pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
