import type { ApiClient } from '../../../shared/api/client';
import type { MethodInput } from '../../../shared/api/contract';
import { MAX_ANNOTATION_FILE_BYTES, MAX_BRAT_FILE_BYTES, megabytes } from '../../../shared/api/file-limits';
import type { BratImportReport, ExchangeReport } from '../../../shared/api/methods/exchange';
import type { AppError } from '../../../shared/result';
import { readAsBase64 } from '../files';
import { plural } from '../format';
import type { Notices } from './notices.svelte';
import { SHARED_FILE_EXTENSION } from '../../../shared/shared-file-name';

/** Shared annotation files: `*.factdesk.json` (the picker also takes plain `.json`). */
export const SHARED_FILE_EXTENSIONS = [SHARED_FILE_EXTENSION, '.json'];

/** Where opening a shared file is: checked first (nothing written), then opened on the user's word. */
export type SharedFileStep =
  | { name: 'idle' }
  | { name: 'checking'; fileName: string }
  | { name: 'preview'; fileName: string; report: ExchangeReport }
  | { name: 'opening'; fileName: string; report: ExchangeReport }
  | { name: 'opened'; report: ExchangeReport }
  | { name: 'refused'; fileName: string; error: AppError };

type Upload = Omit<MethodInput<'exchange.open'>, 'targetDocumentId'>;

interface Hooks {
  /** A file was opened (imported or merged): show its document in review mode. */
  opened: (report: ExchangeReport) => void;
  /** A brat pair was imported. */
  imported: (report: BratImportReport) => void;
}

function tooLarge(file: File, limit: number): AppError | null {
  if (file.size <= limit) return null;
  return { code: 'too_large', message: `${file.name}: the file is too large (${megabytes(file.size)} MB; the limit is ${megabytes(limit)} MB).` };
}

async function upload(file: File): Promise<{ ok: true; value: Upload } | { ok: false; error: AppError }> {
  try {
    return { ok: true, value: { fileName: file.name, dataBase64: await readAsBase64(file) } };
  } catch (error) {
    return { ok: false, error: { code: 'invalid_input', message: `${file.name}: cannot read the file (${(error as Error).message}).` } };
  }
}

/**
 * Files that come into the library from colleagues and other tools: shared annotation files
 * (preview → open → report) and brat standoff pairs.
 */
export class IncomingFiles {
  #step = $state.raw<SharedFileStep>({ name: 'idle' });
  #bratBusy = $state(false);

  #notices: Notices;
  #hooks: Hooks;
  #upload: Upload | null = null;
  #seq = 0;

  readonly #api: ApiClient;

  constructor(api: ApiClient, notices: Notices, hooks: Hooks) {
    this.#api = api;
    this.#notices = notices;
    this.#hooks = hooks;
  }

  get step() {
    return this.#step;
  }

  get bratBusy() {
    return this.#bratBusy;
  }

  /** Checks the file and says what opening it would do; nothing is written yet. */
  async preview(file: File): Promise<void> {
    const seq = ++this.#seq;
    this.#upload = null;
    const large = tooLarge(file, MAX_ANNOTATION_FILE_BYTES);
    if (large) {
      this.#step = { name: 'refused', fileName: file.name, error: large };
      return;
    }
    this.#step = { name: 'checking', fileName: file.name };
    const read = await upload(file);
    if (seq !== this.#seq) return;
    if (!read.ok) {
      this.#step = { name: 'refused', fileName: file.name, error: read.error };
      return;
    }
    const result = await this.#api.call('exchange.preview', read.value);
    if (seq !== this.#seq) return; // closed or replaced meanwhile
    if (!result.ok) {
      this.#step = { name: 'refused', fileName: file.name, error: result.error };
      return;
    }
    this.#upload = read.value;
    this.#step = { name: 'preview', fileName: file.name, report: result.value };
  }

  /** Consents (or not) to the file's changes to what the whole library shares; the preview is made again to show the outcome. */
  async acceptLibraryChanges(accept: boolean): Promise<void> {
    const step = this.#step;
    const data = this.#upload;
    if (step.name !== 'preview' || !data) return;
    const seq = ++this.#seq;
    const consented = { ...data, acceptLibraryChanges: accept };
    this.#step = { name: 'checking', fileName: step.fileName };
    const result = await this.#api.call('exchange.preview', consented);
    if (seq !== this.#seq) return;
    if (!result.ok) {
      this.#step = { name: 'refused', fileName: step.fileName, error: result.error };
      return;
    }
    this.#upload = consented;
    this.#step = { name: 'preview', fileName: step.fileName, report: result.value };
  }

  /** Opens the previewed file: one transaction that imports or merges it. */
  async open(): Promise<void> {
    const step = this.#step;
    const data = this.#upload;
    if (step.name !== 'preview' || !data) return;
    const seq = ++this.#seq;
    this.#step = { name: 'opening', fileName: step.fileName, report: step.report };
    const result = await this.#api.call('exchange.open', data);
    if (seq !== this.#seq) return;
    this.#upload = null;
    if (!result.ok) {
      this.#step = { name: 'refused', fileName: step.fileName, error: result.error };
      return;
    }
    this.#step = { name: 'opened', report: result.value };
    this.#hooks.opened(result.value);
  }

  showRefused(fileName: string, error: AppError): void {
    this.#step = { name: 'refused', fileName, error };
  }

  close(): void {
    this.#seq++;
    this.#upload = null;
    this.#step = { name: 'idle' };
  }

  /** A brat pair: exactly one .txt and one .ann, picked or dropped together. */
  async importBrat(files: File[]): Promise<void> {
    const title = 'brat import refused';
    const txt = files.filter((file) => file.name.toLowerCase().endsWith('.txt'));
    const ann = files.filter((file) => file.name.toLowerCase().endsWith('.ann'));
    if (txt.length !== 1 || ann.length !== 1 || files.length !== 2) {
      const names = files.map((file) => file.name).join(', ') || 'no files';
      this.#notices.error(title, {
        code: 'invalid_input',
        message: `Choose one .txt file and its .ann file together (you chose ${names}).`
      });
      return;
    }
    const large = tooLarge(txt[0], MAX_BRAT_FILE_BYTES) ?? tooLarge(ann[0], MAX_BRAT_FILE_BYTES);
    if (large) {
      this.#notices.error(title, large);
      return;
    }
    this.#bratBusy = true;
    try {
      const [text, standoff] = await Promise.all([upload(txt[0]), upload(ann[0])]);
      if (!text.ok || !standoff.ok) {
        this.#notices.error(title, text.ok ? (standoff as { error: AppError }).error : text.error);
        return;
      }
      const result = await this.#api.call('exchange.importBrat', {
        txtFileName: text.value.fileName,
        txtBase64: text.value.dataBase64,
        annFileName: standoff.value.fileName,
        annBase64: standoff.value.dataBase64
      });
      if (!result.ok) {
        this.#notices.error(`brat import refused — ${ann[0].name}`, result.error);
        return;
      }
      const report = result.value;
      const added = `${plural(report.mentions, 'mention')}, ${plural(report.claims, 'claim')}, ${plural(report.entities, 'entity', 'entities')}`;
      const where = report.createdDocument ? 'as a new document' : 'into the document already in the library';
      const skipped = report.duplicatesSkipped ? `; ${plural(report.duplicatesSkipped, 'duplicate')} skipped` : '';
      this.#notices.info(`Imported ${added} from ${ann[0].name} ${where}${skipped}.`);
      for (const warning of report.warnings) this.#notices.info(warning);
      this.#hooks.imported(report);
    } finally {
      this.#bratBusy = false;
    }
  }
}
