import { describe, expect, it } from 'vitest';
import type { Block, ImportedArticle } from '../../../src/shared/domain';
import { importTextFile } from '../../../src/main/import/text';
import { articleFixture } from './fixtures';

function imported(fileName: string, content: string | Uint8Array): ImportedArticle {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const result = importTextFile(fileName, bytes);
  if (!result.ok) throw new Error(`expected ${fileName} to import: ${result.error.message}`);
  return result.value;
}

/** Blocks as readable rows: kind, level (headings) and the text they cover. */
const blockRows = ({ text, blocks }: ImportedArticle): Array<[string, number | undefined, string]> =>
  blocks.map((block) => [block.kind, block.level, text.slice(block.start, block.end)]);

/** Invariants every importer's blocks keep: ordered, disjoint, whole lines, no blank edges, indexed. */
function expectWellFormedBlocks(text: string, blocks: Block[]): void {
  let previousEnd = -1;
  blocks.forEach((block, i) => {
    expect(block.index).toBe(i);
    expect(block.start).toBeGreaterThan(previousEnd);
    expect(block.start === 0 || text[block.start - 1] === '\n').toBe(true);
    expect(block.end === text.length || text[block.end] === '\n').toBe(true);
    const covered = text.slice(block.start, block.end);
    expect(covered.split('\n')[0]!.trim()).not.toBe('');
    expect(covered.split('\n').at(-1)!.trim()).not.toBe('');
    previousEnd = block.end;
  });
}

describe('importTextFile: plain text', () => {
  const bytes = articleFixture('sample-ap-2018.txt');
  const article = imported('sample-ap-2018.txt', bytes);

  it('keeps the text byte-identical to the UTF-8 LF file', () => {
    expect(new TextEncoder().encode(article.text)).toEqual(bytes);
    expect(article.format).toBe('txt');
    expect(article.source).toEqual({ fileName: 'sample-ap-2018.txt' });
  });

  it('takes the first line as the title, its masked names shown as […]', () => {
    expect(article.text.startsWith('Reality TV star   paid a visit to the   to make')).toBe(true);
    expect(article.title).toBe(
      'Reality TV star […] paid a visit to the […] to make a star-powered case to President […] and his staff on behalf of a woman serving a life sentence for drug offences.'
    );
  });

  it('splits paragraphs at blank and whitespace-only lines, keeping adjacent lines together', () => {
    expectWellFormedBlocks(article.text, article.blocks);
    expect(article.blocks).toHaveLength(13);
    expect(article.blocks.every((block) => block.kind === 'paragraph')).toBe(true);
    const rows = blockRows(article);
    expect(rows[0]![2]).toBe(article.text.split('\n')[0]);
    expect(rows[5]![2]).toMatch(/^ A rare A-list .* before entering\.\n Attorney Brittany K\. Barnett.*directly\.$/s);
    expect(rows[12]![2]).toMatch(/^ Kardashian West supported .*for his tweets\.$/);
  });

  it('covers every non-blank line with exactly one block', () => {
    const { text, blocks } = article;
    let offset = 0;
    for (const line of text.split('\n')) {
      const inside = blocks.filter((block) => block.start <= offset && offset + line.length <= block.end);
      expect(inside).toHaveLength(line.trim() === '' ? 0 : 1);
      offset += line.length + 1;
    }
  });

  it('imports CRLF and CR-only files with LF newlines and everything else intact', () => {
    const crlf = imported('crlf.txt', articleFixture('crlf.txt'));
    expect(crlf.text).toBe('First line\n\n  Indented  double  spaces \nTab\there\t\n\nLast paragraph.  Trailing  \n');
    expect(crlf.title).toBe('First line');
    expect(blockRows(crlf)).toEqual([
      ['paragraph', undefined, 'First line'],
      ['paragraph', undefined, '  Indented  double  spaces \nTab\there\t'],
      ['paragraph', undefined, 'Last paragraph.  Trailing  ']
    ]);
    const cr = imported('cr-only.txt', articleFixture('cr-only.txt'));
    expect(blockRows(cr)).toEqual([
      ['paragraph', undefined, 'Old Mac file'],
      ['paragraph', undefined, 'Second  paragraph \ncontinues here']
    ]);
  });

  it('does not read markdown syntax in a .txt file', () => {
    const article = imported('notes.txt', '# Not a heading\n- not a list\n');
    expect(article.title).toBe('# Not a heading');
    expect(blockRows(article)).toEqual([['paragraph', undefined, '# Not a heading\n- not a list']]);
  });

  it('trims the title line and keeps offsets in UTF-16 code units', () => {
    const article = imported('emoji.txt', '\n\n   😀 Emoji 𝔘 title  \n\nBody 😀 text\n');
    expect(article.title).toBe('😀 Emoji 𝔘 title');
    expect(article.blocks.map(({ start, end }) => [start, end])).toEqual([
      [2, 24],
      [26, 38]
    ]);
  });
});

describe('importTextFile: titles', () => {
  it('cuts a long first line to 200 characters at a word boundary with an ellipsis', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${String(i).padStart(3, '0')}`);
    const line = words.join(' ');
    const { title } = imported('long.txt', `${line}\n`);
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title.endsWith('…')).toBe(true);
    const kept = title.slice(0, -1);
    expect(line.startsWith(kept)).toBe(true);
    expect(line[kept.length]).toBe(' ');
    expect(kept.split(' ').every((word) => words.includes(word))).toBe(true);
    expect(kept.length).toBeGreaterThan(180);
  });

  it('keeps a title of exactly 200 characters whole', () => {
    const line = 'a'.repeat(200);
    expect(imported('exact.txt', line).title).toBe(line);
  });

  it('hard-cuts a title without spaces and never splits a surrogate pair', () => {
    const { title } = imported('astral.txt', `${'x'.repeat(198)}😀${'y'.repeat(50)}`);
    expect(title).toBe(`${'x'.repeat(198)}…`);
    const { title: title2 } = imported('astral2.txt', `${'x'.repeat(197)}😀${'y'.repeat(50)}`);
    expect(title2).toBe(`${'x'.repeat(197)}😀…`);
    expect(title2).toHaveLength(200);
  });

  it('falls back to the file name without extension when nothing else can title the article', () => {
    expect(imported('reports/2018/story-draft.md', '---\n* * *\n').title).toBe('story-draft');
  });
});

describe('importTextFile: markdown', () => {
  const source = new TextDecoder().decode(articleFixture('article.md'));
  const article = imported('article.md', articleFixture('article.md'));

  it('keeps the markdown source as the text', () => {
    expect(article.text).toBe(source);
    expect(article.format).toBe('md');
  });

  it('titles the article with the first heading, without its #s', () => {
    expect(article.title).toBe('Masked  names in   the news');
  });

  it('finds headings, paragraphs, list items and quotes', () => {
    expectWellFormedBlocks(article.text, article.blocks);
    expect(blockRows(article)).toEqual([
      ['heading', 1, '# Masked  names in   the news ##'],
      ['paragraph', undefined, 'Intro paragraph with   a gap\nthat wraps onto a second line.'],
      ['heading', 2, '## Findings'],
      ['list-item', undefined, '- First item\n  continues here'],
      ['list-item', undefined, '* Second item'],
      ['list-item', undefined, '1. Numbered item'],
      ['quote', undefined, '> A quoted line\n> and its continuation'],
      ['heading', 1, 'Setext heading\n=============='],
      ['paragraph', undefined, 'Closing paragraph.']
    ]);
  });

  it('reads all six ATX levels and lets headings and lists interrupt a paragraph', () => {
    const md = 'Lead text\n###### Six\n#hashtag is text\n+ plus item\n2) paren item\n### Three ###\n';
    expect(blockRows(imported('levels.markdown', md))).toEqual([
      ['paragraph', undefined, 'Lead text'],
      ['heading', 6, '###### Six'],
      ['paragraph', undefined, '#hashtag is text'],
      ['list-item', undefined, '+ plus item'],
      ['list-item', undefined, '2) paren item'],
      ['heading', 3, '### Three ###']
    ]);
  });

  it('reads a --- under a paragraph as a level-2 heading and a lone --- as a separator', () => {
    const md = 'Sub title\n---\n\n---\nAfter the break\n';
    const article = imported('setext.md', md);
    expect(blockRows(article)).toEqual([
      ['heading', 2, 'Sub title\n---'],
      ['paragraph', undefined, 'After the break']
    ]);
    expect(article.title).toBe('Sub title');
  });

  it('skips empty headings and uses the first line when there is no heading', () => {
    expect(imported('a.md', '#\n\n## Real title #\n').title).toBe('Real title');
    expect(imported('b.md', '> Quoted opener\n\nBody\n').title).toBe('> Quoted opener');
  });
});
