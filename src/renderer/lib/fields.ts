type Editable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * Inspector fields save themselves: no save step. A select or a date saves on change (a pick), a text
 * field as it is typed (savedAsTyped). When the library refuses the value, the field shows the stored
 * value again (the error is shown by the state class).
 */
export async function saveField(field: Editable, stored: string, save: (value: string) => Promise<boolean>): Promise<void> {
  const value = field.value;
  if (value === stored) return;
  if (!(await save(value))) field.value = stored;
}

/**
 * Enter in a one-line text box that wraps (a long title or web address shown whole) saves it as
 * Enter does in an input, instead of starting a new line.
 */
export function enterSaves(event: KeyboardEvent & { currentTarget: HTMLTextAreaElement }): void {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  event.currentTarget.dispatchEvent(new Event('change'));
}
