import { describe, expect, it } from 'vitest';
import { isHardWrapped, wrapPieces } from '../../../src/renderer/lib/text/reflow';

const WIRE = 'PORT LOUIS, March 3 (Reuters) - The central bank of Mauritius kept\nits key repo rate unchanged at 4.50 percent on Wednesday, saying\ninflation was easing.\n    Governor Harvesh Seegolam told reporters the monetary policy\ncommittee had voted.';
const block = (text: string) => ({ start: 0, end: text.length, kind: 'paragraph' as const });

describe('reflow of hard-wrapped wire copy', () => {
  it('recognises wire lines, not verse, short lines or a one-line paragraph', () => {
    expect(isHardWrapped(WIRE, block(WIRE))).toBe(true);
    const verse = 'Roses are red,\nviolets are blue,\nthe rate is on hold,\nand so are you.';
    expect(isHardWrapped(verse, block(verse))).toBe(false);
    expect(isHardWrapped('One long line only.', block('One long line only.'))).toBe(false);
    expect(isHardWrapped(WIRE, { ...block(WIRE), kind: 'list-item' })).toBe(false);
  });

  it('cuts at every line end, a space inside a paragraph and a break before an indented line, covering every character once', () => {
    const pieces = wrapPieces(WIRE, 0, WIRE.length)!;
    expect(pieces.filter((p) => p.kind !== 'text').map((p) => p.kind)).toEqual(['soft-wrap', 'soft-wrap', 'paragraph-break', 'soft-wrap']);
    expect(pieces.map((p) => WIRE.slice(p.start, p.end)).join('')).toBe(WIRE);
    expect(pieces.every((p, i) => i === 0 || p.start === pieces[i - 1]!.end)).toBe(true);
    expect(wrapPieces(WIRE, 0, 20)).toBeNull();
  });
});
