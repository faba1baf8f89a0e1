import { describe, expect, it } from 'vitest';
import { joinLines, pdfBlocks, type PdfPageText, type PdfTextRun } from '../../../src/main/import/pdf-layout';

/** A line of text as one run (or several, split at "|"), in a Letter-size page's coordinates. */
interface LineSpec {
  text: string;
  y: number;
  x?: number;
  size?: number;
}

const CHAR_WIDTH = 0.5; // of the font size

function runsOf({ text, y, x = 72, size = 11 }: LineSpec): PdfTextRun[] {
  const runs: PdfTextRun[] = [];
  let left = x;
  for (const part of text.split('|')) {
    runs.push({ text: part, x: left, y, width: part.length * size * CHAR_WIDTH, fontSize: size, rtl: false });
    left += part.length * size * CHAR_WIDTH + size * 0.3;
  }
  return runs;
}

function pageOf(page: number, lines: LineSpec[]): PdfPageText {
  return { page, bottom: 0, top: 792, runs: lines.flatMap(runsOf) };
}

/** Body lines 14 pt apart from y, starting a new paragraph (a 10 pt gap) at each "" entry. */
function body(texts: string[], top = 700, x = 72): LineSpec[] {
  const lines: LineSpec[] = [];
  let y = top;
  for (const text of texts) {
    if (text === '') {
      y -= 10;
      continue;
    }
    lines.push({ text, y, x });
    y -= 14;
  }
  return lines;
}

const texts = (pages: PdfPageText[]) => pdfBlocks(pages).map((block) => block.text);

describe('joinLines', () => {
  it.each([
    ['its recon-', 'struction cost', 'its reconstruction cost'],
    ['(recon-', 'struction)', '(reconstruction)'],
    ['Übersetzungs-', 'arbeit', 'Übersetzungsarbeit'],
    ['soft recon\u00ad', 'struction', 'soft reconstruction'],
    ['the well-', 'known statement', 'the well-known statement'],
    ['a self-', 'made man', 'a self-made man'],
    ['the Franco-', 'German consortium', 'the Franco-German consortium'],
    ['COVID-', '19 hospitals', 'COVID-19 hospitals'],
    ['the state-of-the-', 'art wall', 'the state-of-the-art wall'],
    ['an e-', 'mail', 'an e-mail'],
    ['from 2019-', '2020', 'from 2019-2020'],
    ['he said—', 'and left', 'he said—and left'],
    ['a pause -', 'then more', 'a pause - then more'],
    ['plain', 'line', 'plain line']
  ])('%j + %j → %j', (left, right, joined) => {
    expect(joinLines(left, right)).toBe(joined);
  });
});

describe('pdfBlocks: lines', () => {
  it('puts a space between runs with a gap, and none where the text already has one', () => {
    const blocks = pdfBlocks([pageOf(1, [{ text: 'Words|drawn|one by one', y: 700 }, { text: 'Spaced |words', y: 686 }])]);
    expect(blocks.map((block) => block.text)).toEqual(['Words drawn one by one Spaced words']);
  });

  it('joins right-to-left runs that follow each other leftwards', () => {
    const runs: PdfTextRun[] = [
      { text: 'שלום', x: 400, y: 700, width: 24, fontSize: 11, rtl: true },
      { text: 'עולם', x: 370, y: 700, width: 24, fontSize: 11, rtl: true }
    ];
    expect(pdfBlocks([{ page: 1, bottom: 0, top: 792, runs }]).map((block) => block.text)).toEqual(['שלום עולם']);
  });
});

describe('pdfBlocks: running headers, footers and page numbers', () => {
  const words = ['alpha', 'beta', 'gamma', 'delta'];
  const pages = words.map((word, i) =>
    pageOf(i + 1, [
      { text: `Chapter 2 — The barrier, page ${i + 1}`, y: 760, size: 9 },
      ...body([`The ${word} page says something of its own.`]),
      ...body(['A sentence repeated in the middle of every page.'], 400),
      { text: ['i', 'ii', 'iii', 'iv'][i], y: 40, size: 9 }
    ])
  );

  it('drops a header repeated on every page (numbers aside) and roman page numbers', () => {
    expect(texts(pages)).toEqual(
      words.flatMap((word) => [`The ${word} page says something of its own.`, 'A sentence repeated in the middle of every page.'])
    );
  });

  it('keeps lines that repeat on fewer than half of the pages', () => {
    const withNote = pages.map((page, i) =>
      i === 0 ? { ...page, runs: [...page.runs, ...runsOf({ text: 'Draft — do not cite', y: 60, size: 9 })] } : page
    );
    expect(texts(withNote)).toContain('Draft — do not cite');
  });

  it('keeps everything on a one-page document, page number included', () => {
    expect(texts([pageOf(1, [...body(['Only page.']), { text: '1', y: 40 }])])).toEqual(['Only page.', '1']);
  });
});

describe('pdfBlocks: paragraphs', () => {
  it('starts a paragraph at a wider gap, a first-line indent, or after a short line that ends a sentence', () => {
    const lines = [
      ...body(['First paragraph runs over a full line of text here and', 'ends here.', '', 'Second after a gap that is wide enough to', 'continue.']),
      { text: 'Third paragraph starts with an indent and runs on', y: 616, x: 90 },
      { text: 'to the next line which is not indented at all so.', y: 602 },
      { text: 'Short one.', y: 588 },
      { text: 'Fourth follows a short line that ended a sentence', y: 574 }
    ];
    expect(texts([pageOf(1, lines)])).toEqual([
      'First paragraph runs over a full line of text here and ends here.',
      'Second after a gap that is wide enough to continue.',
      'Third paragraph starts with an indent and runs on to the next line which is not indented at all so. Short one.',
      'Fourth follows a short line that ended a sentence'
    ]);
  });

  it('keeps a paragraph going over a page break mid-sentence, on the page it started', () => {
    const pages = [
      pageOf(1, body(['A sentence that runs on to the next page of the'])),
      pageOf(2, body(['docu-', 'ment and ends there.', '', 'A new paragraph.']))
    ];
    const blocks = pdfBlocks(pages);
    expect(blocks.map((block) => [block.page, block.text])).toEqual([
      [1, 'A sentence that runs on to the next page of the document and ends there.'],
      [2, 'A new paragraph.']
    ]);
  });

  it('does not join across a page break after a full stop, and joins mid-sentence before a capital', () => {
    const pages = [pageOf(1, body(['Ends with a full stop.'])), pageOf(2, body(['starts lowercase anyway.']))];
    expect(texts(pages)).toEqual(['Ends with a full stop.', 'starts lowercase anyway.']);
    const capital = [pageOf(1, body(['Talks were held with the'])), pageOf(2, body(['White House on Friday.']))];
    expect(texts(capital)).toEqual(['Talks were held with the White House on Friday.']);
  });

  it('reads a second column, which starts higher up, as a new paragraph after a full stop', () => {
    const left = body(['Left column line one and', 'left column line two.']);
    const right = body(['Right column line one and', 'right column line two.'], 700, 320);
    expect(texts([pageOf(1, [...left, ...right])])).toEqual([
      'Left column line one and left column line two.',
      'Right column line one and right column line two.'
    ]);
  });

  it('keeps a paragraph going over a column break mid-sentence', () => {
    const left = body(['The survey was carried out with', 'the help of']);
    const right = body(['Natural England in 2021.'], 700, 320);
    expect(texts([pageOf(1, [...left, ...right])])).toEqual(['The survey was carried out with the help of Natural England in 2021.']);
  });

  it('reads a numbered line standing apart in body type as a section heading, and numbered lines in a run as a list', () => {
    const lines = [
      { text: 'A title in large type', y: 720, size: 20 },
      { text: '1. Introduction', y: 690 },
      ...body(['Body text under the first section, long enough to be the body size.'], 676),
      { text: '2.1 Sampling sites', y: 640 },
      ...body(['Body text under the subsection, long enough to be the body size too.'], 626),
      { text: '1. Apples', y: 590 },
      { text: '2. Pears', y: 576 }
    ];
    expect(pdfBlocks([pageOf(1, lines)]).map((block) => [block.kind, block.level, block.text])).toEqual([
      ['heading', 1, 'A title in large type'],
      ['heading', 2, '1. Introduction'],
      ['paragraph', undefined, 'Body text under the first section, long enough to be the body size.'],
      ['heading', 3, '2.1 Sampling sites'],
      ['paragraph', undefined, 'Body text under the subsection, long enough to be the body size too.'],
      ['list-item', undefined, '1. Apples'],
      ['list-item', undefined, '2. Pears']
    ]);
  });

  it('finds headings by size, levels from the largest, and joins a heading’s lines', () => {
    const lines = [
      { text: 'A long title set in', y: 720, size: 20 },
      { text: 'large type', y: 696, size: 20 },
      { text: 'A section', y: 660, size: 14 },
      ...body(['Body text under the section, long enough to be the body size.', 'More body text on a second line here.'], 640)
    ];
    expect(pdfBlocks([pageOf(1, lines)]).map((block) => [block.kind, block.level, block.text])).toEqual([
      ['heading', 1, 'A long title set in large type'],
      ['heading', 2, 'A section'],
      ['paragraph', undefined, 'Body text under the section, long enough to be the body size. More body text on a second line here.']
    ]);
  });

  it('reads list items, with lines hanging under their marker', () => {
    const lines = [
      { text: '• First item that wraps', y: 700 },
      { text: 'onto a hanging line', y: 686, x: 82 },
      { text: '1. Numbered item', y: 672 },
      { text: 'Back to a paragraph.', y: 658 }
    ];
    expect(pdfBlocks([pageOf(1, lines)]).map((block) => [block.kind, block.text])).toEqual([
      ['list-item', '• First item that wraps onto a hanging line'],
      ['list-item', '1. Numbered item'],
      ['paragraph', 'Back to a paragraph.']
    ]);
  });
});
