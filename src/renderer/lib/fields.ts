type Editable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * Inspector fields save themselves on change (blur, Enter, a pick from a select): no save step.
 * When the library refuses the value, the field shows the stored value again (the error is shown
 * by the state class).
 */
export async function saveField(field: Editable, stored: string, save: (value: string) => Promise<boolean>): Promise<void> {
  const value = field.value;
  if (value === stored) return;
  if (!(await save(value))) field.value = stored;
}
