import { describe, expect, it } from 'vitest';
import { snapToWords, wordStep } from '../../../src/renderer/lib/text/word-snap';

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

  it('snaps Chinese, Japanese and Thai to the words in them, not to the whole run of characters', () => {
    const chinese = '北京市市长李明周二表示，到2027年北京将新建十万套住房。';
    expect(snapped(chinese, '李明')).toBe('李明');
    expect(snapped(chinese, '市市')).toBe('北京市市长');
    expect(snapped(chinese, '长李')).toBe('市长李');
    const japanese = '東京都知事の小池百合子氏は記者会見で述べた。';
    expect(snapped(japanese, '池百')).toBe('小池百合子');
    expect(snapped(japanese, '知事')).toBe('都知事');
    const thai = 'นายกรัฐมนตรีประกาศนโยบายใหม่';
    expect(snapped(thai, 'มนตรี')).toBe('รัฐมนตรี');
    expect(snapped(thai, 'ประกาศ')).toBe('ประกาศ');
  });

  it('keeps a spaced word whole beside characters of a script without spaces', () => {
    expect(snapped('李明Obama说', 'bam')).toBe('Obama');
  });
});

describe('wordStep', () => {
  const steps = (text: string, from: number, direction: 'forward' | 'backward', count: number) => {
    const landed: number[] = [];
    for (let at = from, i = 0; i < count; i++) landed.push((at = wordStep(text, at, direction)));
    return landed;
  };

  it('moves to the end of the next word and the start of the previous one, over spaces and punctuation', () => {
    const text = "Trump's son-in-law, Jared";
    expect(steps(text, 0, 'forward', 6).map((at) => text.slice(0, at))).toEqual([
      'Trump',
      "Trump's",
      "Trump's son",
      "Trump's son-in",
      "Trump's son-in-law",
      "Trump's son-in-law, Jared"
    ]);
    expect(wordStep(text, text.length, 'forward')).toBe(text.length);
    expect(steps(text, text.length, 'backward', 2).map((at) => text.slice(at))).toEqual(['Jared', 'law, Jared']);
    expect(wordStep(text, 0, 'backward')).toBe(0);
  });

  it('steps through Chinese by the same words the snapping uses', () => {
    const text = '北京市市长李明周二表示，到2027年';
    expect(steps(text, 0, 'forward', 4).map((at) => text.slice(0, at))).toEqual(['北京市', '北京市市长', '北京市市长李', '北京市市长李明']);
    const from = text.indexOf('李');
    expect(text.slice(from, steps(text, from, 'forward', 2)[1])).toBe('李明');
  });
});
