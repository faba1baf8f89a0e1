/**
 * How a text field that saves itself keeps what is typed into it: the text goes to the library once
 * typing pauses, and at once when the field is left or the page hidden or closed. One save is in flight
 * at a time (a later one could otherwise arrive first and be overwritten); the text typed meanwhile
 * follows when it returns. A page that goes with its last save unanswered notes the text in a journal,
 * so the next page shows it even when it read the library before that save was stored.
 */

/** Why the text is sent: typing paused, or the field (or the page) is being left. */
export type SaveMoment = 'paused' | 'left';

/** Text a page went with before the library answered its save, and the stored text it replaces. */
export interface Draft {
  text: string;
  base: string;
}

/** Where a field's draft outlives its page (the tab's session storage). */
export interface DraftJournal {
  read(): Draft | null;
  write(draft: Draft | null): void;
}

export interface TypingSaveOptions {
  /** The text the library holds now. */
  stored: () => string;
  /** The text in the field now. */
  typed: () => string;
  /** Sends the text; false when it was refused and the stored text goes back into the field. */
  save: (text: string, moment: SaveMoment) => Promise<boolean>;
  /** Puts the stored text back into the field. */
  show: (text: string) => void;
  journal: DraftJournal;
  /** How long typing pauses before the text is sent, in ms. */
  pause?: number;
}

/** A pause this long sends the text: a save per pause, not per key (each save is one step of the history). */
export const TYPING_PAUSE_MS = 500;

export class TypingSave {
  readonly #options: TypingSaveOptions;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** The text of the save in flight. */
  #sending: string | null = null;
  /** Sent again when the save in flight returns (text typed or the field left meanwhile). */
  #next: SaveMoment | null = null;

  constructor(options: TypingSaveOptions) {
    this.#options = options;
  }

  /** The field holds text the library may not have yet: the stored text must not replace it. */
  get editing(): boolean {
    return this.#timer !== null || this.#sending !== null;
  }

  /** A key was typed: the text is sent once typing pauses. */
  keyTyped(): void {
    this.#stopTimer();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#send('paused');
    }, this.#options.pause ?? TYPING_PAUSE_MS);
  }

  /** The field is left (or the page hidden or closed): what it holds is sent now, unless the library has it. */
  leave(): void {
    this.#stopTimer();
    this.#send('left');
  }

  /** Leaving the page: the text goes at once, even beside a save in flight, or it would never go. */
  leavePage(): void {
    this.#stopTimer();
    this.#next = null;
    const { typed, stored, journal, save } = this.#options;
    const text = typed();
    const base = stored();
    if (text === base) return;
    journal.write({ text, base });
    if (text !== this.#sending) void save(text, 'left').then((saved) => saved && journal.write(null));
  }

  /**
   * The field opens: the text an earlier page went with is shown and sent again, when what the library
   * gave this page is still the text it replaced (read before that save was stored). Text stored since
   * by anyone is never overwritten by a draft.
   */
  restore(): void {
    const { journal, stored, show } = this.#options;
    const draft = journal.read();
    if (!draft) return;
    journal.write(null);
    if (stored() !== draft.base || draft.text === draft.base) return;
    show(draft.text);
    this.#send('left');
  }

  /** The library's text changed: shown, unless the field holds typed text it does not have yet. */
  storedChanged(): void {
    const stored = this.#options.stored();
    if (!this.editing && this.#options.typed() !== stored) this.#options.show(stored);
  }

  #stopTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #send(moment: SaveMoment): void {
    if (this.#sending !== null) {
      this.#next = this.#next === 'left' ? 'left' : moment;
      return;
    }
    const text = this.#options.typed();
    if (text === this.#options.stored()) return;
    this.#sending = text;
    void this.#options.save(text, moment).then((saved) => {
      this.#sending = null;
      const next = this.#next;
      this.#next = null;
      // Refused: the stored text goes back, unless more was typed since (that is sent in its turn).
      if (!saved && this.#options.typed() === text && !this.editing) this.#options.show(this.#options.stored());
      if (next) this.#send(next);
    });
  }
}
