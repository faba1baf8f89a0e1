import type { ApiClient } from '../../../shared/api/client';
import type { AppEvent } from '../../../shared/api/preload-bridge';
import type { SearchHit } from '../../../shared/api/methods/assist';
import { isSharedFileName } from '../../../shared/shared-file-name';
import type { Route } from '../routes';
import { hitDestination } from '../search-hits';
import { Assist } from './assist.svelte';
import { Backups } from './backups.svelte';
import { DocumentExchange } from './document-exchange.svelte';
import { DocumentFocus, type FocusTarget } from './document-focus.svelte';
import { DocumentState } from './document.svelte';
import { EntityRegistry } from './entity-registry.svelte';
import { FactSheetExport } from './fact-sheet-export.svelte';
import { Imports } from './imports.svelte';
import { IncomingFiles } from './incoming-files.svelte';
import { LibrarySearch } from './library-search.svelte';
import { Library } from './library.svelte';
import { Notices } from './notices.svelte';
import { RecentUsers } from './recent-users.svelte';
import { Session } from './session.svelte';
import { Trash } from './trash.svelte';

/** The window's dialogs that any view can open. */
export type WindowDialog = 'settings' | 'switch-user' | 'export';

/**
 * The whole window's state: one of each state class, all on the same API client, and the actions
 * that span several of them (a drop, a restored backup, a route change).
 */
export class Workbench {
  readonly notices = new Notices();
  readonly recentUsers = new RecentUsers();
  readonly documentFocus = new DocumentFocus();
  readonly session: Session;
  readonly library: Library;
  readonly doc: DocumentState;
  readonly trash: Trash;
  readonly backups: Backups;
  readonly exporter: FactSheetExport;
  readonly assist: Assist;
  readonly registry: EntityRegistry;
  readonly librarySearch: LibrarySearch;
  readonly exchange: DocumentExchange;
  readonly incoming: IncomingFiles;
  readonly imports: Imports;

  #dialog = $state<WindowDialog | null>(null);



  constructor(api: ApiClient) {
    const notices = this.notices;
    this.session = new Session(api, notices);
    this.library = new Library(api, notices);
    this.doc = new DocumentState(api, notices);
    this.trash = new Trash(api, notices);
    this.backups = new Backups(api, notices);
    this.exporter = new FactSheetExport(api, notices);
    this.assist = new Assist(api, this.doc, notices, this.documentFocus);
    this.registry = new EntityRegistry(api, notices);
    this.librarySearch = new LibrarySearch(api, notices);
    this.exchange = new DocumentExchange(api, notices, this.doc);
    this.incoming = new IncomingFiles(api, notices, {
      opened: (report) => {
        void this.exchange.enterReview(report, this.session.settings?.userName ?? '');
        this.showDocument(report.document.id);
      },
      imported: (report) => this.showDocument(report.document.id)
    });
    this.imports = new Imports(api, {
      open: (id) => this.session.openDocument(id),
      location: () => location.hash,
      imported: () => {
        if (this.session.route.name === 'library') void this.library.refresh();
      }
    });
  }

  /** The dialog open over the window, if any. */
  get dialog(): WindowDialog | null {
    return this.#dialog;
  }

  openDialog(dialog: Exclude<WindowDialog, 'export'>): void {
    this.#dialog = dialog;
  }

  closeDialog(): void {
    this.#dialog = null;
  }

  /** Loads what the newly shown view needs, and lets go of what the view it replaced held. */
  follow(route: Route): void {
    if (route.name === 'document') {
      this.#loadDocument(route.id);
      return;
    }
    this.doc.close();
    this.exchange.close();
    if (this.#dialog === 'export') this.#dialog = null;
    if (route.name === 'library') void this.library.refresh();
    void this.trash.refresh();
  }

  /** A notification from the desktop shell: its menus, the operating system, a refused file. */
  receive(event: AppEvent): void {
    if (event.type === 'file-picked') {
      // The desktop menu or the operating system handed over a file: the same path as a drop.
      const file = new File([event.bytes], event.fileName);
      if (event.kind === 'article') this.imports.start([file]);
      else void this.incoming.preview(file);
    } else if (event.type === 'export-fact-sheet') {
      this.openExport();
    } else if (event.type === 'shared-file-refused') {
      this.incoming.showRefused(event.fileName, event.error);
    } else if (event.type === 'file-saved') {
      this.notices.info(`Saved “${event.fileName}” in ${event.folder}.`);
    } else if (event.type === 'export-annotation-file') {
      if (this.exchange.documentId) void this.exchange.pack();
      else this.notices.info('Open an article first: its annotations are what the file holds.');
    } else {
      this.notices.error('Factdesk', { code: 'internal', message: event.message });
    }
  }

  openExport(): void {
    if (this.#dialog === 'export') return; // the menu accelerator and the page's own Ctrl+E can both arrive
    const documentId = this.doc.document?.id;
    if (!documentId) {
      this.notices.info('Open an article first: its fact sheet is what gets exported.');
      return;
    }
    this.#dialog = 'export';
    void this.exporter.open(documentId);
  }

  async switchUser(userName: string): Promise<boolean> {
    const switched = await this.session.updateSettings({ userName });
    if (switched) this.notices.info(`Signed in as ${userName}. Everything you do now is stamped with this name.`);
    return switched;
  }

  async deleteDocument(id: string): Promise<boolean> {
    const deleted = await this.library.remove(id);
    if (deleted) void this.trash.refresh();
    return deleted;
  }

  async restoreFromTrash(id: string): Promise<void> {
    if (await this.trash.restore(id)) void this.library.refresh();
  }

  /** After a restore everything the window shows comes from the restored library. */
  async restoreBackup(fileName: string): Promise<void> {
    if (!(await this.backups.restore(fileName))) return;
    this.#dialog = null;
    await this.session.load();
    if (this.session.route.name === 'library') void this.library.refresh();
    else this.session.openLibrary();
    void this.trash.refresh();
  }

  /** Dropped files: shared annotation files are opened (one at a time), everything else imported as articles. */
  dropFiles(files: File[]): void {
    const shared = files.filter((file) => isSharedFileName(file.name));
    const articles = files.filter((file) => !isSharedFileName(file.name));
    if (articles.length) this.imports.start(articles);
    if (shared.length) void this.incoming.preview(shared[0]);
    if (shared.length > 1) this.notices.info(`Shared files open one at a time: opening ${shared[0].name} first.`);
  }

  /** Opens a document and lands on a record or words in it (a search hit, an entity's mention). */
  openAt(documentId: string, target: FocusTarget): void {
    this.documentFocus.request(documentId, target);
    const route = this.session.route;
    if (route.name === 'document' && route.id === documentId) return;
    this.session.openDocument(documentId);
  }

  openHit(hit: SearchHit): void {
    const destination = hitDestination(hit, this.librarySearch.query);
    if (destination && 'entityId' in destination) this.session.openEntity(destination.entityId);
    else if (destination) this.openAt(destination.documentId, destination.target);
  }

  /** Shows a document that an opened file changed; the open one is read again. */
  showDocument(id: string): void {
    const route = this.session.route;
    if (route.name === 'document' && route.id === id) this.#loadDocument(id);
    else this.session.openDocument(id);
  }

  /** Reads the document and its exchange state (conflicts, orphans) from the library. */
  #loadDocument(id: string): void {
    void this.doc.load(id);
    void this.exchange.load(id);
  }
}
