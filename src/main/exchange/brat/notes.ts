/**
 * Factdesk's AnnotatorNotes: `key=value` pairs separated by "; ", values percent-escaped where they
 * would break the note (%, ;, tab, line breaks), e.g. `status=verified; verdict=False; scale=default@1`.
 */
const ESCAPES: Record<string, string> = { '%': '%25', ';': '%3B', '\t': '%09', '\n': '%0A', '\r': '%0D' };

export function writeNote(fields: Record<string, string | null | undefined>): string {
  return Object.entries(fields)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([key, value]) => `${key}=${value.replace(/[%;\t\n\r]/g, (c) => ESCAPES[c]!)}`)
    .join('; ');
}

/** The fields of a note; parts without "=" are free text and ignored. */
export function readNote(note: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of note.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    fields.set(part.slice(0, eq).trim(), unescapeValue(part.slice(eq + 1)));
  }
  return fields;
}

function unescapeValue(value: string): string {
  return value.replace(/%(25|3B|09|0A|0D)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
