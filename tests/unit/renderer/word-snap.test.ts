import { describe, expect, it } from 'vitest';
import { snapToWords } from '../../../src/renderer/lib/text/word-snap';

const snapped = (text: string, selected: string) => {
  const start = text.indexOf(selected);
  const span = snapToWords(text, start, start + selected.length);
  return text.slice(span.start, span.end);
};

describe('snapToWords', () => {
  it('widens a selection that starts or ends inside a word to the whole words', () => {
    const text = 'Reality TV star Kardashian West paid a visit to KUWAIT SAUDI ARABIA.';
    expect(snapped(text, 'ardashian We')).toBe('Kardashian West');
    expect(snapped(text, 'KUWAIT SA')).toBe('KUWAIT SAUDI');
    expect(snapped(text, 'Kardashian West')).toBe('Kardashian West');
  });

  it('stops at punctuation, spaces and apostrophes', () => {
    const text = "Trump's son-in-law, Jared Kushner.";
    expect(snapped(text, 'rump')).toBe('Trump');
    expect(snapped(text, 'on-in-l')).toBe('son-in-law');
    expect(snapped(text, 'Kushne')).toBe('Kushner');
  });

  it('counts an astral letter as one character and never cuts it', () => {
    const text = 'the 𝔘𝔫𝔦𝔬𝔫 building';
    const start = text.indexOf('𝔫');
    const span = snapToWords(text, start, start + 2);
    expect(text.slice(span.start, span.end)).toBe('𝔘𝔫𝔦𝔬𝔫');
  });
});
