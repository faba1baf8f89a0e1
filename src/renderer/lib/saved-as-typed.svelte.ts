import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { sessionText } from './session-text';
import { TypingSave, type Draft, type DraftJournal, type SaveMoment } from './typing-save';

/** A field's draft, kept in the tab's session storage. */
function journalOf(key: string): DraftJournal {
  const kept = sessionText(key);
  return {
    read: () => {
      const saved = kept.read();
      return saved === null ? null : (JSON.parse(saved) as Draft);
    },
    write: (draft) => kept.write(draft && JSON.stringify(draft))
  };
}

/**
 * A text field of the inspector that saves what is typed into it (see TypingSave): once typing pauses,
 * when the field is left (blur, Enter in a one-line box), when the page is hidden or closed, and when the
 * field goes away. It shows the stored text, except over text typed that the library does not have yet.
 * `key` names the record and field (its draft, when the page goes before the library answers); `save`
 * must name its record by an id taken when the field opened, as it may run as the field closes.
 *
 *   <textarea {@attach savedAsTyped(`claim ${claimId} explanation`, () => claim.explanation, (explanation) => update({ explanation }))}></textarea>
 */
export function savedAsTyped(
  key: string,
  stored: () => string,
  save: (text: string, moment: SaveMoment) => Promise<boolean>
): Attachment<HTMLInputElement | HTMLTextAreaElement> {
  return (field) => {
    // The stored text as last seen: the record may be gone from the view by the time the field closes.
    let storedText = untrack(stored);
    const saving = new TypingSave({
      stored: () => storedText,
      typed: () => field.value,
      show: (text) => (field.value = text),
      save,
      journal: journalOf(key)
    });
    field.value = storedText;
    saving.restore();
    $effect.pre(() => {
      storedText = stored();
      saving.storedChanged();
    });
    const typed = () => saving.keyTyped();
    const left = () => saving.leave();
    const leavePage = () => saving.leavePage();
    const hidden = () => {
      if (document.visibilityState === 'hidden') saving.leavePage();
    };
    field.addEventListener('input', typed);
    field.addEventListener('change', left);
    window.addEventListener('pagehide', leavePage);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      field.removeEventListener('input', typed);
      field.removeEventListener('change', left);
      window.removeEventListener('pagehide', leavePage);
      document.removeEventListener('visibilitychange', hidden);
      // Another view replaces this one (Back to the library with the field still focused).
      saving.leave();
    };
  };
}
