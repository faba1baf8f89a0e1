import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../src/shared/domain';
import { quoteParts, quoteText } from '../../../src/main/export/quote';

function masked(text: string, gapAt: number, gapLength: number, restoration: string | null, status: Mention['status'] = 'accepted'): Mention {
  return {
    id: `m${gapAt}`,
    documentId: 'd',
    start: gapAt,
    end: gapAt + gapLength,
    exact: text.slice(gapAt, gapAt + gapLength),
    prefix: '',
    suffix: '',
    type: 'person',
    entityId: null,
    origin: 'manual',
    status,
    masked: true,
    restoration,
    author: 'A',
    createdAt: '',
    updatedAt: ''
  };
}

describe('claim quotes with restored names', () => {
  it('puts the restoration in brackets with a space to each neighbouring word', () => {
    const text = 'President   and his staff';
    expect(quoteText(quoteParts(text, 0, text.length, [masked(text, 9, 3, 'Donald Trump')]))).toBe('President [Donald Trump] and his staff');
  });

  it('puts no space before punctuation or after an opening quote', () => {
    const text = 'Sheriff  , a supporter said “   was right”.';
    const gaps = [masked(text, 7, 2, 'Joe Arpaio'), masked(text, 29, 3, 'He')];
    expect(quoteText(quoteParts(text, 0, text.length, gaps))).toBe('Sheriff [Joe Arpaio], a supporter said “[He] was right”.');
  });

  it('tells opening from closing straight quotes', () => {
    const text = 'he said "   was right" and "Great"   said';
    const gaps = [masked(text, 9, 3, 'Kim'), masked(text, 34, 3, 'Trump')];
    expect(quoteText(quoteParts(text, 0, text.length, gaps))).toBe('he said "[Kim] was right" and "Great" [Trump] said');
  });

  it('ignores gaps outside the span, rejected or unrestored mentions, and collapses other whitespace', () => {
    const text = 'A   b\n\n  c   d';
    const parts = quoteParts(text, 4, text.length, [masked(text, 1, 3, 'X'), masked(text, 10, 3, null), masked(text, 10, 3, 'Y', 'rejected')]);
    expect(parts).toEqual([{ kind: 'text', text: 'b c d' }]);
  });

  it('keeps astral characters next to a restoration intact', () => {
    const text = '𝔘nity   😀 fans';
    expect(quoteText(quoteParts(text, 0, text.length, [masked(text, 6, 3, 'Ünïcode')]))).toBe('𝔘nity [Ünïcode] 😀 fans');
  });
});
