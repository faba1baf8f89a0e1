import { describe, expect, it } from 'vitest';
import { hiddenCharRuns, hiddenCharsIn } from '../../../src/renderer/lib/text/hidden-chars';

const EVERY_HIDDEN = '\u00AD\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF';

describe('hidden characters', () => {
  it('leaves text without any alone (null: render as it is)', () => {
    expect(hiddenCharRuns('Plain text, emoji 😀 and 𝔘, Hebrew שלום, a non-breaking\u00A0space')).toBeNull();
  });

  it('splits a range into plain runs and one run per hidden character, with absolute offsets', () => {
    // "𝔘" is two UTF-16 code units: offsets stay JavaScript string indices.
    const text = '𝔘 user\u202E \u2066// admin\u2069 x';
    const runs = hiddenCharRuns(text, 2, text.length)!;
    expect(runs.map((run) => [run.start, run.end, run.hidden?.short ?? text.slice(run.start, run.end)])).toEqual([
      [2, 7, ' user'],
      [7, 8, 'RLO'],
      [8, 9, ' '],
      [9, 10, 'LRI'],
      [10, 18, '// admin'],
      [18, 19, 'PDI'],
      [19, 21, ' x']
    ]);
    expect(runs.map((run) => text.slice(run.start, run.end)).join('')).toBe(text.slice(2));
  });

  it('knows every character of the Trojan Source set, adjacent ones as separate runs', () => {
    const runs = hiddenCharRuns(EVERY_HIDDEN)!;
    expect(runs).toHaveLength(EVERY_HIDDEN.length);
    expect(runs.map((run) => run.hidden?.code)).toEqual([...EVERY_HIDDEN].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`));
    expect(new Set(runs.map((run) => run.hidden?.short)).size).toBe(EVERY_HIDDEN.length);
  });

  it('lists the distinct hidden characters in order of appearance', () => {
    expect(hiddenCharsIn('a\u200Bb\u202Ec\u200Bd').map((c) => `${c.short} ${c.name}`)).toEqual([
      'ZWSP zero-width space',
      'RLO right-to-left override'
    ]);
    expect(hiddenCharsIn('nothing here')).toEqual([]);
  });
});
