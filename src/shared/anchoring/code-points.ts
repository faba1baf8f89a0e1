/**
 * Code-point ⇄ UTF-16 offsets. The store and the TypeScript code count UTF-16 code units
 * (JavaScript string indices); W3C selectors and brat count Unicode code points. The two differ
 * by one for every astral character (emoji, 𝔘, …) before the offset.
 */
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Converts offsets in one text; built once (one pass), then each conversion is a binary search. */
export class CodePointIndex {
  /** UTF-16 offsets where an astral character (a surrogate pair) starts, ascending. */
  private readonly pairs: number[] = [];
  /** The text's length in code points. */
  readonly length: number;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length - 1; i += 1) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
        this.pairs.push(i);
        i += 1;
      }
    }
    this.length = text.length - this.pairs.length;
  }

  /** The code-point offset of a UTF-16 offset (one inside a pair counts as the pair's start). */
  toCodePoints(utf16: number): number {
    return utf16 - this.countPairs((pair) => pair < utf16);
  }

  /** The UTF-16 offset of a code-point offset; offsets past the end map past the end. */
  toUtf16(codePoints: number): number {
    // The k-th pair (0-based) starts at code point pairs[k] - k, which grows with k.
    return codePoints + this.countPairs((pair, k) => pair - k < codePoints);
  }

  /** How many pairs satisfy `before`, which holds for a leading run of `pairs` only. */
  private countPairs(before: (pair: number, k: number) => boolean): number {
    let low = 0;
    let high = this.pairs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(this.pairs[mid]!, mid)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Length of a string in code points. */
export function codePointLength(text: string): number {
  return new CodePointIndex(text).length;
}
