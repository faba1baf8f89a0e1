import type { DocumentSummary } from '../../../shared/domain';
import { api } from '../api-client';
import { readAsBase64 } from '../files';
import type { Notices } from './notices.svelte';

/** The library list: every imported article with its counts. */
export class Library {
  documents = $state.raw<DocumentSummary[]>([]);
  loading = $state(false);
  /** File names being imported right now, for the progress line. */
  importing = $state.raw<string[]>([]);

  #notices: Notices;

  constructor(notices: Notices) {
    this.#notices = notices;
  }

  async refresh(): Promise<void> {
    this.loading = true;
    const result = await api.call('documents.list', {});
    this.loading = false;
    if (result.ok) this.documents = result.value;
    else this.#notices.error('Could not list the library', result.error);
  }

  /**
   * Imports the files one after another; resolves with the id of the last document that was
   * imported (or found already in the library), for the caller to open.
   */
  async importFiles(files: File[]): Promise<string | null> {
    let opened: string | null = null;
    for (const file of files) {
      this.importing = [...this.importing, file.name];
      try {
        opened = (await this.#importOne(file, files.length === 1)) ?? opened;
      } finally {
        this.importing = this.importing.filter((name) => name !== file.name);
      }
    }
    await this.refresh();
    return opened;
  }

  async #importOne(file: File, single: boolean): Promise<string | null> {
    const title = `Import failed — ${file.name}`;
    let dataBase64: string;
    try {
      dataBase64 = await readAsBase64(file);
    } catch (error) {
      this.#notices.error(title, { code: 'internal', message: `The file could not be read: ${String(error)}` });
      return null;
    }
    const result = await api.call('documents.import', { fileName: file.name, dataBase64 });
    if (!result.ok) {
      this.#notices.error(title, result.error);
      return null;
    }
    if (result.value.existing) {
      this.#notices.info(
        single ? 'Already in the library — opened the existing document' : `${file.name} is already in the library`
      );
    }
    return result.value.document.id;
  }

  async remove(id: string): Promise<boolean> {
    const result = await api.call('documents.delete', { id });
    if (!result.ok) {
      this.#notices.error('Could not delete the document', result.error);
      return false;
    }
    this.documents = this.documents.filter((doc) => doc.id !== id);
    return true;
  }
}
