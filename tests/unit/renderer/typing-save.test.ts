import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TYPING_PAUSE_MS, TypingSave, type Draft, type SaveMoment } from '../../../src/renderer/lib/typing-save';

/** A field and the library behind it: the library stores what is sent when it answers, unless told to refuse. */
function fieldWithLibrary(journal: { draft: Draft | null } = { draft: null }) {
  const field = { text: '', stored: '' };
  const sent: { text: string; moment: SaveMoment }[] = [];
  const answers: (() => void)[] = [];
  let refuse = false;
  const saving = new TypingSave({
    stored: () => field.stored,
    typed: () => field.text,
    show: (text) => (field.text = text),
    journal: { read: () => journal.draft, write: (draft) => (journal.draft = draft) },
    save: (text, moment) => {
      sent.push({ text, moment });
      return new Promise<boolean>((resolve) =>
        answers.push(() => {
          if (!refuse) field.stored = text;
          resolve(!refuse);
        })
      );
    }
  });
  const type = (text: string) => {
    field.text = text;
    saving.keyTyped();
  };
  /** The library answers the oldest save waiting (and the promise callbacks run). */
  const answer = async () => {
    answers.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { field, sent, saving, type, answer, journal, refuseNext: () => (refuse = true) };
}

describe('TypingSave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends once typing pauses, one save for a run of keys, not one per key', async () => {
    const { sent, type, answer, field } = fieldWithLibrary();
    type('T');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS - 100);
    type('Ty');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS - 100);
    type('Typed');
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    expect(sent).toEqual([{ text: 'Typed', moment: 'paused' }]);
    await answer();
    expect(field.stored).toBe('Typed');
  });

  it('sends at once when the field is left, and nothing more when the pause comes', async () => {
    const { sent, type, saving } = fieldWithLibrary();
    type('Before reload');
    saving.leave();
    expect(sent).toEqual([{ text: 'Before reload', moment: 'left' }]);
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS * 2);
    expect(sent).toHaveLength(1);
  });

  it('sends nothing when what the field holds is stored already (left without typing, or typed back)', async () => {
    const { sent, type, saving, answer } = fieldWithLibrary();
    saving.leave();
    saving.leavePage();
    expect(sent).toEqual([]);
    type('Kept');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    await answer();
    saving.leave();
    expect(sent).toHaveLength(1);
  });

  it('keeps one save in flight: text typed meanwhile follows when it returns, in order', async () => {
    const { sent, type, saving, answer, field } = fieldWithLibrary();
    type('First');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    type('First and second');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    saving.leave();
    expect(sent.map((s) => s.text)).toEqual(['First']);
    await answer();
    expect(sent).toEqual([
      { text: 'First', moment: 'paused' },
      { text: 'First and second', moment: 'left' }
    ]);
    await answer();
    expect(field.stored).toBe('First and second');
  });

  it('leaving the page sends at once, even beside a save in flight, and never the text in flight twice', async () => {
    const { sent, type, saving } = fieldWithLibrary();
    type('One');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    saving.leavePage();
    expect(sent).toHaveLength(1);
    type('One two');
    saving.leavePage();
    expect(sent.map((s) => s.text)).toEqual(['One', 'One two']);
  });

  it('shows the stored text when it changes, except over text typed the library does not have yet', async () => {
    const { field, type, saving, answer } = fieldWithLibrary();
    field.stored = 'Undone elsewhere';
    saving.storedChanged();
    expect(field.text).toBe('Undone elsewhere');
    type('Typed on');
    field.stored = 'Changed meanwhile';
    saving.storedChanged();
    expect(field.text).toBe('Typed on');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    type('Typed on and on'); // while the save is in flight
    await answer();
    saving.storedChanged();
    expect(field.text).toBe('Typed on and on');
  });

  it('a refused save puts the stored text back, unless more was typed since', async () => {
    const { field, type, answer, refuseNext, sent } = fieldWithLibrary();
    field.stored = 'Stored';
    field.text = 'Stored';
    refuseNext();
    type('Refused');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    await answer();
    expect(field.text).toBe('Stored');
    type('Refused again');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    type('Refused again, typed on');
    await answer();
    expect(field.text).toBe('Refused again, typed on');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    expect(sent.at(-1)?.text).toBe('Refused again, typed on');
  });

  it('a page that goes before its save is answered leaves a draft; the next page shows it and sends it again while it read the text before', async () => {
    const gone = fieldWithLibrary();
    gone.type('Typed, then the tab reloaded');
    gone.saving.leavePage();
    expect(gone.sent).toEqual([{ text: 'Typed, then the tab reloaded', moment: 'left' }]);
    expect(gone.journal.draft).toEqual({ text: 'Typed, then the tab reloaded', base: '' });

    // The next page read the library before that save was stored.
    const next = fieldWithLibrary(gone.journal);
    next.saving.restore();
    expect(next.field.text).toBe('Typed, then the tab reloaded');
    expect(next.sent).toEqual([{ text: 'Typed, then the tab reloaded', moment: 'left' }]);
    expect(next.journal.draft).toBeNull();
    await next.answer();
    expect(next.field.stored).toBe('Typed, then the tab reloaded');
  });

  it('a draft is dropped, not shown, when the library has it or text stored since by anyone', () => {
    for (const stored of ['Typed, then the tab reloaded', 'Changed by a merge since']) {
      const next = fieldWithLibrary({ draft: { text: 'Typed, then the tab reloaded', base: 'Before' } });
      next.field.stored = stored;
      next.field.text = stored;
      next.saving.restore();
      expect(next.field.text).toBe(stored);
      expect(next.sent).toEqual([]);
      expect(next.journal.draft).toBeNull();
    }
  });

  it('a page hidden (not closed) clears its draft once the library answers', async () => {
    const { type, saving, journal, answer } = fieldWithLibrary();
    type('Tab switched away');
    saving.leavePage();
    expect(journal.draft).not.toBeNull();
    await answer();
    expect(journal.draft).toBeNull();
  });
});
