/**
 * Untrusted text (titles, author and entity names, file contents) made safe for a terminal. Control
 * characters and bidirectional-text controls are shown as escapes instead of being obeyed, so a
 * title cannot clear the screen, write the clipboard (OSC 52) or reverse what a line shows. Tabs and
 * line breaks stay: the CLI's own records use them.
 */

/** C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional marks, embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const hex = (char: string, digits: number) => char.charCodeAt(0).toString(16).toUpperCase().padStart(digits, '0');

/** `\x1b` for ESC and the other one-byte controls, `<U+202E>` for the bidirectional controls. */
export function visibleText(text: string): string {
  return text.replace(UNSAFE, (char) => (char.charCodeAt(0) <= 0xff ? `\\x${hex(char, 2).toLowerCase()}` : `<U+${hex(char, 4)}>`));
}

/**
 * Indented JSON that is also safe on a terminal: the same value (JSON.parse gives it back exactly),
 * with the characters JSON.stringify leaves raw (DEL, C1 and bidirectional controls) written as `\uXXXX`.
 * They can only occur inside strings, where that escape means the same character.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE, (char) => `\\u${hex(char, 4).toLowerCase()}`);
}
