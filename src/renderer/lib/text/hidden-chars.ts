/**
 * Characters that are invisible or silently reorder text (zero-width and bidirectional controls,
 * the soft hyphen). Text can hide or disguise words with them ("Trojan Source"), so the app shows
 * each one as a labelled badge, as code editors do.
 */
export interface HiddenChar {
  /** The badge text, e.g. "RLO". */
  short: string;
  /** e.g. "right-to-left override". */
  name: string;
  /** e.g. "U+202E". */
  code: string;
}

const NAMES: Record<string, [short: string, name: string]> = {
  '\u00AD': ['SHY', 'soft hyphen'],
  '\u200B': ['ZWSP', 'zero-width space'],
  '\u200C': ['ZWNJ', 'zero-width non-joiner'],
  '\u200D': ['ZWJ', 'zero-width joiner'],
  '\u200E': ['LRM', 'left-to-right mark'],
  '\u200F': ['RLM', 'right-to-left mark'],
  '\u202A': ['LRE', 'left-to-right embedding'],
  '\u202B': ['RLE', 'right-to-left embedding'],
  '\u202C': ['PDF', 'pop directional formatting'],
  '\u202D': ['LRO', 'left-to-right override'],
  '\u202E': ['RLO', 'right-to-left override'],
  '\u2066': ['LRI', 'left-to-right isolate'],
  '\u2067': ['RLI', 'right-to-left isolate'],
  '\u2068': ['FSI', 'first strong isolate'],
  '\u2069': ['PDI', 'pop directional isolate'],
  '\uFEFF': ['ZWNBSP', 'zero-width no-break space']
};

const HIDDEN = /[\u00AD\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'g');

const describe = (char: string): HiddenChar => {
  const [short, name] = NAMES[char]!;
  return { short, name, code: `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
};

/** A run of `text`, absolute offsets; `hidden` is set for a run that is one hidden character. */
export interface TextRun {
  start: number;
  end: number;
  hidden: HiddenChar | null;
}

/**
 * Splits text[start, end) into plain runs and one run per hidden character; null when the range
 * holds none (the common case, so callers render it as it is).
 */
export function hiddenCharRuns(text: string, start = 0, end = text.length): TextRun[] | null {
  const slice = text.slice(start, end);
  if (!HIDDEN.test(slice)) return null;
  const runs: TextRun[] = [];
  let from = start;
  for (const match of slice.matchAll(HIDDEN_ALL)) {
    const at = start + match.index;
    if (at > from) runs.push({ start: from, end: at, hidden: null });
    runs.push({ start: at, end: at + 1, hidden: describe(match[0]) });
    from = at + 1;
  }
  if (from < end) runs.push({ start: from, end, hidden: null });
  return runs;
}

/** The distinct hidden characters in `text`, in order of first appearance. */
export function hiddenCharsIn(text: string): HiddenChar[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(HIDDEN_ALL)) seen.add(match[0]);
  return [...seen].map(describe);
}

/** What a badge says to screen readers and in its tooltip. */
export const hiddenCharLabel = (char: HiddenChar) => `hidden character ${char.code} ${char.name}`;
