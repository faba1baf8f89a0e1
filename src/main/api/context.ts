import { DomainError } from '../errors';
import { chromiumPrinter } from '../export/chromium';
import { type FileVerifier, fileVerifier } from '../exchange/file-verifier';
import { ImportJobs } from '../import/jobs';
import { parseArticleFile } from '../import/parse-runner';
import type { PrintToPdf } from '../export/pdf';
import type { MutationContext } from '../store/history';
import type { Db } from '../store/open';
import { getSettings } from '../store/settings';

export interface ServiceDeps {
  db: Db;
  mode: 'electron' | 'web' | 'cli';
  clock?: () => Date;
  newId?: () => string;
  version?: string;
  /** Prints the HTML fact sheet to PDF (Electron: webContents.printToPDF); default: headless Chromium. */
  printToPdf?: PrintToPdf;
  /** Runs a shared file's last checks while an open writes it; default: one warm worker thread for the process. */
  fileVerifier?: FileVerifier;
}

/** What every handler receives: the store and the clock, plus the acting user read from the settings. */
export interface HandlerContext {
  db: Db;
  mode: ServiceDeps['mode'];
  version: string;
  clock: () => Date;
  newId: () => string;
  printToPdf: PrintToPdf;
  /** Article imports running off the main thread (imports.* methods). */
  importJobs: ImportJobs;
  fileVerifier: FileVerifier;
  /** A mutation context stamped with the current user; refuses when no user name is set. */
  asUser(): MutationContext;
  /** A mutation context for changes that need no author (imports, settings). */
  asSystem(): MutationContext;
}

export function createHandlerContext(deps: ServiceDeps): HandlerContext {
  const clock = deps.clock ?? (() => new Date());
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const base = { db: deps.db, clock, newId };
  return {
    ...base,
    mode: deps.mode,
    version: deps.version ?? '0.0.0',
    printToPdf: deps.printToPdf ?? chromiumPrinter(),
    importJobs: new ImportJobs({ clock, parse: parseArticleFile }),
    fileVerifier: deps.fileVerifier ?? fileVerifier(),
    asUser() {
      const user = getSettings(deps.db).userName.trim();
      if (!user) {
        throw new DomainError(
          'invalid_input',
          'Set your name first (Settings): every annotation and review is stamped with its author.'
        );
      }
      return { ...base, user };
    },
    asSystem() {
      return { ...base, user: getSettings(deps.db).userName.trim() || 'Factdesk' };
    }
  };
}
