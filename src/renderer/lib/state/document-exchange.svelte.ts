import type { ApiClient } from '../../../shared/api/client';
import type { MethodInput } from '../../../shared/api/contract';
import type { ExchangeConflict, ExchangeReport, ExportedFile, OrphanedAnnotation } from '../../../shared/api/methods/exchange';
import type { AppError } from '../../../shared/result';
import { samePerson } from '../../../shared/person-name';
import { saveDownload } from '../download';
import type { DocumentState, Span } from './document.svelte';
import type { Notices } from './notices.svelte';

type ResolveInput = MethodInput<'exchange.resolve'>;
/** Keep mine, take theirs, or an edited value (JSON-compatible, checked by the library like the file's field). */
export type ConflictChoice = ResolveInput extends infer R ? (R extends ResolveInput ? Omit<R, 'conflictId'> : never) : never;

/** Who sent a document in for review, remembered per document while the window is open (not across reloads). */
export interface ReviewOrigin {
  author: string;
  fileName: string;
  openedAt: string;
}

const save = (notices: Notices, file: ExportedFile) => saveDownload(notices, file.fileName, file.mediaType, file.content);

/**
 * The open document's exchange with colleagues and other tools: review mode (it came from a shared
 * file), its merge conflicts and orphaned annotations, and the files it is written to. Record
 * changes (resolve, re-attach) are applied to the DocumentState exactly as the API returns them.
 */
export class DocumentExchange {
  #documentId = $state<string | null>(null);
  #conflicts = $state.raw<ExchangeConflict[]>([]);
  #orphans = $state.raw<OrphanedAnnotation[]>([]);
  /** Why the last "Send back" / export was refused (e.g. conflicts remain); cleared by the next try. */
  #packError = $state.raw<AppError | null>(null);
  #busy = $state<string | null>(null);
  #origins = $state.raw<Record<string, ReviewOrigin>>({});
  #conflictsOpen = $state(false);
  #orphansOpen = $state(false);

  #reviewOrigin = $derived(this.#documentId ? (this.#origins[this.#documentId] ?? null) : null);

  #notices: Notices;
  #doc: DocumentState;
  #seq = 0;

  readonly #api: ApiClient;

  constructor(api: ApiClient, notices: Notices, doc: DocumentState) {
    this.#api = api;
    this.#notices = notices;
    this.#doc = doc;
  }

  get documentId() {
    return this.#documentId;
  }

  get conflicts() {
    return this.#conflicts;
  }

  get orphans() {
    return this.#orphans;
  }

  get packError() {
    return this.#packError;
  }

  get busy() {
    return this.#busy;
  }

  get conflictsOpen() {
    return this.#conflictsOpen;
  }

  get orphansOpen() {
    return this.#orphansOpen;
  }

  get reviewOrigin() {
    return this.#reviewOrigin;
  }

  showConflicts(open: boolean): void {
    this.#conflictsOpen = open;
  }

  showOrphans(open: boolean): void {
    this.#orphansOpen = open;
  }

  async load(documentId: string): Promise<void> {
    const seq = ++this.#seq;
    if (this.#documentId !== documentId) {
      this.#conflicts = [];
      this.#orphans = [];
      this.#packError = null;
      this.#conflictsOpen = false;
      this.#orphansOpen = false;
    }
    this.#documentId = documentId;
    const [conflicts, orphans] = await Promise.all([
      this.#api.call('exchange.conflicts', { documentId }),
      this.#api.call('exchange.orphans', { documentId })
    ]);
    if (seq !== this.#seq) return;
    if (conflicts.ok) this.#conflicts = conflicts.value;
    else this.#notices.error('Could not list the merge conflicts', conflicts.error);
    if (orphans.ok) this.#orphans = orphans.value;
    else this.#notices.error('Could not list the orphaned annotations', orphans.error);
  }

  close(): void {
    this.#seq++;
    this.#documentId = null;
    this.#conflicts = [];
    this.#orphans = [];
    this.#packError = null;
    this.#conflictsOpen = false;
    this.#orphansOpen = false;
  }

  /**
   * A colleague's file was opened: its document shows in review mode until the user leaves it, if it
   * holds claims someone else checked. The checker opening the file a reviewer sent back has
   * nothing to review, and stays in the normal view.
   */
  async enterReview(report: ExchangeReport, userName: string): Promise<void> {
    const id = report.document.id;
    const annotations = await this.#api.call('documents.annotations', { id });
    if (!annotations.ok || !annotations.value.claims.some((claim) => !samePerson(claim.author, userName))) return;
    this.#origins = { ...this.#origins, [id]: { author: report.file.author, fileName: report.file.fileName, openedAt: new Date().toISOString() } };
  }

  leaveReview(): void {
    const id = this.#documentId;
    if (!id) return;
    const { [id]: _left, ...rest } = this.#origins;
    this.#origins = rest;
  }

  /** Writes the document's annotation file as a download ("Send back", "Export Annotation File…"). */
  async pack(): Promise<boolean> {
    const documentId = this.#documentId;
    if (!documentId || this.#busy) return false;
    this.#busy = 'pack';
    this.#packError = null;
    const result = await this.#api.call('exchange.pack', { documentId });
    this.#busy = null;
    if (!result.ok) {
      this.#packError = result.error;
      this.#notices.error('The annotation file was not written', result.error);
      return false;
    }
    save(this.#notices, result.value);
    return true;
  }

  async exportBrat(): Promise<void> {
    const documentId = this.#documentId;
    if (!documentId || this.#busy) return;
    this.#busy = 'brat';
    const result = await this.#api.call('exchange.exportBrat', { documentId });
    this.#busy = null;
    if (!result.ok) return this.#notices.error('brat export failed', result.error);
    // One download for the pair: brat reads the .txt and the .ann side by side.
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    for (const file of result.value.files) zip.file(file.fileName, file.content);
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const txt = result.value.files[0]!.fileName;
    saveDownload(this.#notices, `${txt.slice(0, txt.lastIndexOf('.'))}.brat.zip`, 'application/zip', new Uint8Array(bytes));
    for (const warning of result.value.warnings) this.#notices.info(`brat: ${warning}`);
  }

  async exportW3c(): Promise<void> {
    const documentId = this.#documentId;
    if (!documentId || this.#busy) return;
    this.#busy = 'w3c';
    const result = await this.#api.call('exchange.exportW3c', { documentId });
    this.#busy = null;
    if (!result.ok) return this.#notices.error('W3C Web Annotation export failed', result.error);
    save(this.#notices, result.value);
  }

  /** Settles one conflict; the list is then read again, so it shows what the library holds. */
  async resolve(conflictId: string, decision: ConflictChoice): Promise<boolean> {
    const documentId = this.#documentId;
    if (!documentId) return false;
    const result = await this.#api.call('exchange.resolve', { conflictId, ...decision } as ResolveInput);
    if (!result.ok) {
      this.#notices.error('The conflict was not resolved', result.error);
      return false;
    }
    this.#doc.applyChanges(result.value.changes);
    this.#packError = null;
    await this.load(documentId);
    return true;
  }

  /** Places an orphan at the text selected in the article. */
  async reattach(orphanId: string, span: Span): Promise<boolean> {
    const documentId = this.#documentId;
    if (!documentId) return false;
    const result = await this.#api.call('exchange.reattach', { orphanId, start: span.start, end: span.end });
    if (!result.ok) {
      this.#notices.error('The annotation was not re-attached', result.error);
      return false;
    }
    this.#doc.applyChanges(result.value);
    await this.load(documentId);
    return true;
  }
}
