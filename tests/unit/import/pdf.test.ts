import { describe, expect, it } from 'vitest';
import { articleFixture, blockRows, expectExtractedBlocks, imported, refusal } from './fixtures';

describe('importPdf: a three-page report', () => {
  const load = () => imported('report.pdf', articleFixture('report.pdf'));

  it('joins lines into paragraphs, finds headings and list items, and keeps each block’s page', async () => {
    const article = await load();
    expectExtractedBlocks(article);
    expect(article.format).toBe('pdf');
    expect(blockRows(article)).toEqual([
      ['heading', 1, 1, 'Flood Defence Annual Review'],
      [
        'paragraph',
        undefined,
        1,
        'The barrier programme was the largest public works project in the region, and its reconstruction after the ' +
          'storms of 2023 cost £40 million, according to the well-known budget statement published in March.'
      ],
      [
        'paragraph',
        undefined,
        1,
        'The Franco-German consortium that built it had also worked on COVID-19 field hospitals in 2020 and on the ' +
          'state-of-the-art harbour wall.'
      ],
      ['heading', 2, 1, 'Costs and promises'],
      ['list-item', undefined, 1, '• A barrier on the river, to be finished by 2026'],
      ['list-item', undefined, 1, '• New pumping stations in three towns'],
      [
        'paragraph',
        undefined,
        1,
        'The minister said that the scheme would protect twelve thousand homes and businesses along the estuary for at least fifty years.'
      ],
      ['paragraph', undefined, 2, 'Critics pointed out that the same promise had been made in 2015, when the first phase was opened.'],
      [
        'paragraph',
        undefined,
        2,
        'An independent audit found that maintenance had been underfunded for a decade, and that two of the pumps had never worked.'
      ],
      ['heading', 2, 3, 'What the figures show'],
      ['paragraph', undefined, 3, 'Of the £40 million, £31 million went to construction and £9 million to design, surveys and legal costs.'],
      ['paragraph', undefined, 3, 'End of report.']
    ]);
  });

  it('drops the running header and the "Page N of 3" footers', async () => {
    const { text } = await load();
    expect(text).not.toContain('Ministry of Flood Defence');
    expect(text).not.toMatch(/Page \d of 3/);
  });

  it('takes the first heading as title when the metadata title is a file name', async () => {
    expect((await load()).title).toBe('Flood Defence Annual Review');
  });
});

describe('importPdf: a two-column journal article', () => {
  /** Runs from the foot of the left column to the top of the right one. */
  const INTRODUCTION =
    'Salt marshes along the estuary lost much of their vegetation in the floods of 2019. This study measured how ' +
    'quickly the marsh recovered in the four years after the floods, working with Natural England and two local councils.';
  const load = () => imported('journal.pdf', articleFixture('journal.pdf', 'pdf'));

  it('takes the first heading as title when the metadata title is an identifier', async () => {
    expect((await load()).title).toBe('Salt marsh recovery after the 2019 floods');
  });

  it('reads numbered section headings as headings, keeps a numbered list, and joins paragraphs over column and page breaks', async () => {
    const article = await load();
    expectExtractedBlocks(article);
    expect(blockRows(article)).toEqual([
      ['heading', 1, 1, 'Salt marsh recovery after the 2019 floods'],
      ['heading', 2, 1, '1. Introduction'],
      ['paragraph', undefined, 1, INTRODUCTION],
      ['heading', 2, 1, '2. Experimental method'],
      ['paragraph', undefined, 1, 'Plots were sampled in three steps:'],
      ['list-item', undefined, 1, '1. Mark each plot with a stake.'],
      ['list-item', undefined, 1, '2. Count the shoots in a quadrat.'],
      ['list-item', undefined, 1, '3. Take a core of the sediment.'],
      ['paragraph', undefined, 1, 'Samples were dried and weighed at the laboratory of Plymouth University, as in earlier surveys.'],
      ['heading', 2, 2, '3. Results'],
      ['paragraph', undefined, 2, 'Shoot counts returned to their level before the floods within three years.']
    ]);
  });
});

describe('importPdf: metadata and protection', () => {
  it('uses the document’s title and author', async () => {
    const article = await imported('short.pdf', articleFixture('short.pdf'));
    expect(article.title).toBe('Pumping stations: a fact check');
    expect(article.source).toEqual({ fileName: 'short.pdf', author: 'Jane Doe' });
    expect(blockRows(article)).toEqual([
      [
        'paragraph',
        undefined,
        1,
        'Three new pumping stations were promised for 2025. Two have been built; the third is still in planning, according to the council.'
      ],
      ['paragraph', undefined, 1, 'The ministry did not answer our questions.']
    ]);
  });

  it('refuses a PDF that needs a password', async () => {
    const error = await refusal('encrypted.pdf', articleFixture('encrypted.pdf'));
    expect(error.code).toBe('encrypted');
    expect(error.message).toBe(
      'Cannot import "encrypted.pdf": it is password-protected; open it in a PDF viewer, save a copy without the password and import that.'
    );
  });

  it('imports an encrypted PDF that opens without a password (owner restrictions only)', async () => {
    const restricted = await imported('restricted.pdf', articleFixture('restricted.pdf'));
    const plain = await imported('short.pdf', articleFixture('short.pdf'));
    expect(restricted.text).toBe(plain.text);
  });

  it('says a scan has no text layer', async () => {
    const error = await refusal('scanned.pdf', articleFixture('scanned.pdf'));
    expect(error).toEqual({
      code: 'no_text',
      message: 'Cannot import "scanned.pdf": this PDF has no text layer; OCR is not supported.'
    });
  });
});

describe('importPdf: damaged files', () => {
  const pdf = articleFixture('report.pdf');

  it('refuses a truncated PDF', async () => {
    for (const length of [pdf.length - 100, Math.floor(pdf.length / 2), 200]) {
      const error = await refusal('cut.pdf', pdf.subarray(0, length));
      expect(error.code).toBe('corrupt');
      expect(error.message).toContain('truncated');
    }
  });

  it('refuses a file that is not a PDF', async () => {
    const error = await refusal('letter.pdf', new TextEncoder().encode('Dear editor,\n\nThis is not a PDF.\n'));
    expect(error).toEqual({ code: 'corrupt', message: 'Cannot import "letter.pdf": it is not a PDF file (it does not start with "%PDF-").' });
  });

  it('refuses a PDF whose structure is garbage', async () => {
    const garbage = new TextEncoder().encode(`%PDF-1.7\n${'garbage '.repeat(200)}\n%%EOF\n`);
    const error = await refusal('garbage.pdf', garbage);
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain('damaged');
  });
});
