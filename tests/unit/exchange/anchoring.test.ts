import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Anchorer, anchor, anchorAll } from '../../../src/shared/anchoring/anchor';
import { CodePointIndex, codePointLength } from '../../../src/shared/anchoring/code-points';
import { selectorsOf } from '../../../src/shared/anchoring/selectors';
import { quoteAt } from '../../../src/shared/text/spans';

const TEXT = '🎉 A 𝔘nited 👩‍⚖️ front: the sentence was commuted in June, officials said. The sentence stands.';

/** The target of a span as an annotation file carries it: the quote and the position in code points. */
function targetOf(text: string, quote: string, from = 0, index = new CodePointIndex(text)) {
  const start = text.indexOf(quote, from);
  const [q, p] = selectorsOf(index, quoteAt(text, start, start + quote.length), start, start + quote.length);
  return { quote: { exact: q.exact, prefix: q.prefix, suffix: q.suffix }, position: { start: p.start, end: p.end } };
}

describe('code points ⇄ UTF-16', () => {
  it('counts every astral character as one code point and two UTF-16 units', () => {
    const index = new CodePointIndex(TEXT);
    expect(index.length).toBe([...TEXT].length);
    expect(codePointLength('a😀b')).toBe(3);
    for (let u = 0, cp = 0; u <= TEXT.length; cp += 1) {
      expect(index.toCodePoints(u)).toBe(cp);
      expect(index.toUtf16(cp)).toBe(u);
      u += (TEXT.codePointAt(u) ?? 0) > 0xffff ? 2 : 1;
    }
  });

  it('maps an offset inside a surrogate pair to the start of its character, and past-the-end offsets past the end', () => {
    const index = new CodePointIndex('😀x');
    expect(index.toCodePoints(1)).toBe(0);
    expect(index.toUtf16(5)).toBe(6);
  });

  it('writes TextPositionSelectors in code points', () => {
    const { position } = targetOf(TEXT, 'sentence was commuted');
    const utf16 = TEXT.indexOf('sentence was commuted');
    expect(position.start).toBe([...TEXT.slice(0, utf16)].length);
    expect(position.start).toBeLessThan(utf16);
  });
});

describe('anchor', () => {
  it('keeps the recorded position when the text is unchanged, for spans with astral characters inside', () => {
    const target = targetOf(TEXT, '𝔘nited 👩‍⚖️ front');
    const result = anchor(TEXT, target);
    expect(result).toEqual({ ok: true, value: { start: TEXT.indexOf('𝔘nited'), end: TEXT.indexOf(': the'), method: 'position', score: 1 } });
  });

  it('finds the exact quote after text was inserted before it (astral characters included)', () => {
    const target = targetOf(TEXT, 'sentence was commuted');
    const edited = `🙂🙂 Update: ${TEXT}`;
    const result = anchor(edited, target);
    expect(result.ok && result.value).toMatchObject({ start: edited.indexOf('sentence was commuted'), method: 'quote' });
  });

  it('tells two occurrences of the same quote apart by their prefix and suffix', () => {
    const second = TEXT.lastIndexOf('The sentence');
    const target = targetOf(TEXT, 'sentence', second);
    const edited = TEXT.replace('🎉 A', '🎉🎉🎉 An updated story about a');
    const result = anchor(edited, target);
    expect(result.ok && result.value.start).toBe(edited.lastIndexOf('sentence'));
  });

  it('places a quote edited inside fuzzily, never cutting a surrogate pair', () => {
    const target = targetOf(TEXT, 'the sentence was commuted in June');
    const edited = TEXT.replace('was commuted', 'had been commuted');
    const result = anchor(edited, target);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.method).toBe('fuzzy');
    expect(result.value.score).toBeGreaterThan(0.7);
    expect(result.value.score).toBeLessThan(1);
    expect(edited.slice(result.value.start, result.value.end)).toMatch(/^the sentence had been commuted in June/);
  });

  it('orphans a quote that is gone, with the reason', () => {
    const target = targetOf(TEXT, 'officials said');
    const result = anchor(TEXT.replace('officials said', 'as reported by the press agency'), target);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('"officials said" was not found') });
  });

  it('does not take a short quote at a place with none of its context', () => {
    const target = targetOf('Trump met Kim in Washington.', 'Kim');
    expect(anchor('A film about a boy named Kim and his friends.', target).ok).toBe(false);
  });

  it('accepts a long, distinctive quote found once even when everything around it was rewritten', () => {
    const quote = 'the sentence was commuted in June';
    const target = targetOf(TEXT, quote);
    const rewritten = `Completely new opening words here. ${quote}! Completely new closing words here.`;
    const result = anchor(rewritten, target);
    expect(result.ok && result.value.start).toBe(rewritten.indexOf(quote));
  });

  it('anchors many annotations in one pass, carrying the shift of earlier edits to later spans', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i % 7} item${i}`).join(' ');
    const quotes = Array.from({ length: 50 }, (_, i) => `word${(i * 8) % 7} item${i * 8}`);
    const targets = quotes.map((q) => targetOf(words, `${q} `));
    const edited = `PREFACE 😀 `.repeat(30) + words;
    const results = anchorAll(edited, targets);
    results.forEach((result, i) => {
      expect(result.ok && edited.slice(result.value.start, result.value.end)).toBe(`${quotes[i]} `);
    });
    expect(new Anchorer(edited).anchor({ quote: { exact: '', prefix: '', suffix: '' } }).ok).toBe(false);
  });
});

describe('fuzzy matches begin and end where words do', () => {
  /** The text a quote from `text` is placed on after `edit`, and how. */
  function placed(text: string, quote: string, edit: [string, string]) {
    const edited = text.replace(...edit);
    const result = anchor(edited, targetOf(text, quote));
    if (!result.ok) throw new Error(result.error);
    return { text: edited.slice(result.value.start, result.value.end), method: result.value.method };
  }

  it('takes the whole edited quote, not a cheaper match that starts inside a word and drops its opening characters', () => {
    const text = 'Fleet.\n\nThe mayor also claimed that “every bus in the fleet is now electric”, although the authority lists 212 diesel buses.';
    expect(placed(text, '“every bus in the fleet is now electric”', ['every bus', 'every single bus'])).toEqual({
      text: '“every single bus in the fleet is now electric”',
      method: 'fuzzy'
    });
    expect(placed(text.replace(/[“”]/g, ''), 'every bus in the fleet is now electric', ['every bus', 'every single bus']).text).toBe(
      'every single bus in the fleet is now electric'
    );
  });

  it('never ends inside a word where the quote ended at a word edge, even when that costs more edits', () => {
    const text = 'The mayor said the buses in the fleet are now fully electric, although the authority lists diesel buses.';
    expect(placed(text, 'buses in the fleet are now fully electric', ['electric,', 'electrified,']).text).toBe(
      'buses in the fleet are now fully electrified'
    );
    // A short quote has one edit to spend: "goinQ" ends inside a word and "goinQx" costs two.
    const short = 'We are going to the harbour today, said the captain.';
    expect(anchor(short.replace('going', 'goinQx'), targetOf(short, 'going'))).toEqual({ ok: false, error: expect.stringContaining('was not found') });
  });

  it('of edges that cost the same, takes the one where the context goes on as recorded', () => {
    const text = 'I am strongly tempted to sail, and England’s whalemen agree with me.';
    expect(placed(text, 'strongly', ['strongly', 'strongl']).text).toBe('strongl');
    expect(placed(text, 'England’s', ['England’s', 'England’']).text).toBe('England’');
  });

  it('knows the words of any script: letters, marks and digits', () => {
    const russian = 'Мэр заявил, что «каждый автобус в парке теперь электрический», хотя в списке есть дизельные.';
    const edit: [string, string] = ['каждый автобус', 'каждый новый автобус'];
    expect(placed(russian, '«каждый автобус в парке теперь электрический»', edit).text).toBe('«каждый новый автобус в парке теперь электрический»');
    expect(placed(russian.replace(/[«»]/g, ''), 'каждый автобус в парке теперь электрический', edit).text).toBe(
      'каждый новый автобус в парке теперь электрический'
    );
    const hindi = 'मेयर ने कहा कि हर बस अब बिजली से चलती है, लेकिन सूची में डीज़ल बसें हैं।';
    expect(placed(hindi, 'हर बस अब बिजली से चलती है', ['हर बस', 'हर एक बस']).text).toBe('हर एक बस अब बिजली से चलती है');
  });

  it('may still begin inside a word where the quote itself did', () => {
    const text = 'In the end the Kardashian West visit to the White House was short.';
    expect(placed(text, 'ardashian West visit to the White', ['West visit', "West's visit"])).toEqual({
      text: "ardashian West's visit to the White",
      method: 'fuzzy'
    });
  });
});

describe('the search budget', () => {
  const words = Array.from({ length: 300 }, (_, i) => `word${i % 11} item${i}`).join(' ');
  const STOPPED = 'the search for it was stopped: searching this text for annotations that are not in it took too long';

  it('stops searching once a run has spent it: later annotations are still placed where they were, and the rest say why', () => {
    const missing = Array.from({ length: 40 }, (_, i) => ({ quote: { exact: `absent phrase number ${i} here`, prefix: 'zz ', suffix: ' zz' }, position: { start: i, end: i + 20 } }));
    const edited = words.replace('word2 item200', 'new words word2 item200');
    const before = targetOf(words, 'word3 item69'); // where it was
    const after = targetOf(words, 'word5 item280'); // moved by the insertion: found only by a search
    const results = anchorAll(edited, [...missing, before, after], 200_000);
    expect(results[40]).toMatchObject({ ok: true, value: { start: edited.indexOf('word3 item69'), method: 'position' } });
    const refusals = results.slice(0, 40).map((r) => (r.ok ? 'placed' : r.error));
    expect(refusals[0]).toContain('was not found in the text');
    expect(refusals.at(-1)).toContain(STOPPED);
    expect(results[41]).toEqual({ ok: false, error: expect.stringContaining(STOPPED) });
    // With the budget a merge has, the same run searches for it and places it.
    expect(anchorAll(edited, [...missing, before, after])[41]).toMatchObject({ ok: true, value: { start: edited.indexOf('word5 item280') } });
  });

  it('refuses at once a search that alone would cost more than the whole budget (a long quote of thousands of different characters)', () => {
    const manyCharacters = Array.from({ length: 60_000 }, (_, i) => String.fromCharCode(0x4e00 + (i % 20_000))).join('');
    const result = anchor(words, { quote: { exact: manyCharacters, prefix: '', suffix: '' }, position: { start: 0, end: 60_000 } });
    expect(result).toEqual({ ok: false, error: expect.stringContaining(STOPPED) });
  });
});

describe('anchorAll after ~1% random edits of a long article', () => {
  it('puts at least 98.5% of 2,000 annotations back where they belong, and misplaces almost none', () => {
    let seed = 42;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const vocabulary = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'articles', 'sample-ap-2018.txt'), 'utf8').split(/\s+/).filter(Boolean).concat(['😀', '𝔘nited']);
    const text = Array.from({ length: 20_000 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
    const wordStarts = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const spans = Array.from({ length: 2000 }, () => wordStarts[Math.floor(random() * wordStarts.length)]!);
    const index = new CodePointIndex(text);
    const targets = spans.map(({ start, end }) => targetOf(text, text.slice(start, end), start, index));

    // Edit ~1% of the characters (insert, delete or replace), remembering where each old character went.
    const moved = new Map<number, number>();
    let edited = '';
    for (let i = 0; i < text.length; i += 1) {
      moved.set(i, edited.length);
      const r = random();
      if (r < 0.0033) edited += `x${text[i]}`;
      else if (r < 0.0066) continue;
      else if (r < 0.01) edited += 'Q';
      else edited += text[i];
    }
    const results = anchorAll(edited, targets);
    const right = results.filter((r, i) => r.ok && Math.abs(r.value.start - moved.get(spans[i]!.start)!) <= 1).length;
    const wrong = results.filter((r) => r.ok).length - right;
    expect(right / spans.length).toBeGreaterThanOrEqual(0.985);
    expect(wrong / spans.length).toBeLessThanOrEqual(0.005);
  });
});
