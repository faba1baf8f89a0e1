/** Where a key press happened, for the shortcuts of the document view. */

/** A form field: keys typed into it belong to it (letters, Backspace, Enter). */
export function isFormField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/** Inside a dialog: its keys belong to the dialog. */
export const inDialog = (target: EventTarget | null): boolean => target instanceof Element && target.closest('dialog') !== null;
