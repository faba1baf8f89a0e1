import type { ApiClient } from '../../../shared/api/client';
import type { FactSheetFile, FactSheetFormat } from '../../../shared/api/methods/export';
import type { AppError } from '../../../shared/result';
import { base64Bytes, saveDownload } from '../download';
import type { Notices } from './notices.svelte';

export const EXPORT_FORMATS: { format: FactSheetFormat; label: string; description: string }[] = [
  { format: 'html', label: 'HTML', description: 'One self-contained web page with print styles.' },
  { format: 'pdf', label: 'PDF', description: 'Printed from the HTML page.' },
  { format: 'md', label: 'Markdown', description: 'Plain text with headings and links.' },
  { format: 'csv', label: 'CSV', description: 'One row per claim, for spreadsheets.' },
  { format: 'claimreview', label: 'ClaimReview JSON-LD', description: 'schema.org markup for the website, one object per claim.' }
];

/** PDF is printed from the HTML sheet, so that is what its preview shows. */
export const previewFormatOf = (format: FactSheetFormat): Exclude<FactSheetFormat, 'pdf'> => (format === 'pdf' ? 'html' : format);

/**
 * The export dialog: the chosen format, the sheet the API rendered for its preview (read fresh each
 * time the dialog opens), and saving it as a file.
 */
export class FactSheetExport {
  #format = $state<FactSheetFormat>('html');
  /** The rendered sheet in the preview format. */
  #preview = $state.raw<FactSheetFile | null>(null);
  #loading = $state(false);
  #error = $state.raw<AppError | null>(null);
  #saving = $state(false);
  #saveError = $state.raw<AppError | null>(null);

  #documentId: string | null = null;
  /** Rendered sheets by format, for switching back and forth while the dialog is open. */
  #rendered = new Map<FactSheetFormat, FactSheetFile>();
  #seq = 0;
  readonly #api: ApiClient;
  readonly #notices: Notices;

  constructor(api: ApiClient, notices: Notices) {
    this.#api = api;
    this.#notices = notices;
  }

  get format() {
    return this.#format;
  }

  get preview() {
    return this.#preview;
  }

  get loading() {
    return this.#loading;
  }

  get error() {
    return this.#error;
  }

  get saving() {
    return this.#saving;
  }

  get saveError() {
    return this.#saveError;
  }

  async open(documentId: string): Promise<void> {
    this.#documentId = documentId;
    this.#rendered.clear();
    this.#preview = null;
    this.#saveError = null;
    await this.choose(this.#format);
  }

  async choose(format: FactSheetFormat): Promise<void> {
    this.#format = format;
    this.#saveError = null;
    const shown = previewFormatOf(format);
    const rendered = this.#rendered.get(shown);
    if (rendered) {
      this.#error = null;
      this.#preview = rendered;
      return;
    }
    this.#preview = null;
    const file = await this.#render(shown);
    if (file && this.#format === format) this.#preview = file;
  }

  /** Saves the chosen format: exactly the previewed file, or for PDF the sheet printed now. */
  async save(): Promise<boolean> {
    const preview = this.#preview;
    if (!preview) return false;
    this.#saveError = null;
    if (this.#format !== 'pdf') {
      saveDownload(this.#notices, preview.fileName, preview.mimeType, preview.text ?? '');
      return true;
    }
    const documentId = this.#documentId;
    if (!documentId) return false;
    this.#saving = true;
    const result = await this.#api.call('export.factSheet', { documentId, format: 'pdf' });
    this.#saving = false;
    if (!result.ok) {
      this.#saveError = result.error;
      return false;
    }
    const file = result.value;
    saveDownload(this.#notices, file.fileName, file.mimeType, file.contentBase64 !== undefined ? base64Bytes(file.contentBase64) : (file.text ?? ''));
    return true;
  }

  async #render(format: FactSheetFormat): Promise<FactSheetFile | null> {
    const documentId = this.#documentId;
    if (!documentId) return null;
    const seq = ++this.#seq;
    this.#loading = true;
    const result = await this.#api.call('export.factSheet', { documentId, format });
    if (seq !== this.#seq) return null; // another format was chosen meanwhile
    this.#loading = false;
    if (!result.ok) {
      this.#error = result.error;
      this.#preview = null;
      return null;
    }
    this.#error = null;
    this.#rendered.set(format, result.value);
    return result.value;
  }
}
