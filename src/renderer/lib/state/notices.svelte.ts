import type { AppError } from '../../../shared/result';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  /** What the user was doing, e.g. "Import failed — report.pdf". */
  title: string;
  message: string;
  details: string[];
}

const INFO_VISIBLE_MS = 6000;
/** Older messages give way so the stack never covers the window. */
const MAX_VISIBLE = 4;

/** Messages for the user: every refused API call ends up here, shown until dismissed or pushed out by newer ones. */
export class Notices {
  #items = $state.raw<Notice[]>([]);
  #nextId = 1;

  get items() {
    return this.#items;
  }

  error(title: string, error: AppError): void {
    this.#push({ kind: 'error', title, message: error.message, details: error.details ?? [] });
  }

  info(message: string): void {
    const id = this.#push({ kind: 'info', title: '', message, details: [] });
    setTimeout(() => this.dismiss(id), INFO_VISIBLE_MS);
  }

  dismiss(id: number): void {
    this.#items = this.#items.filter((notice) => notice.id !== id);
  }

  #push(notice: Omit<Notice, 'id'>): number {
    const id = this.#nextId++;
    // The same message again replaces the older copy (and is announced again).
    const others = this.#items.filter((item) => item.kind !== notice.kind || item.message !== notice.message);
    this.#items = [...others, { id, ...notice }].slice(-MAX_VISIBLE);
    return id;
  }
}
