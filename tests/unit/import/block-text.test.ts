import { describe, expect, it } from 'vitest';
import { assembleBlocks } from '../../../src/main/import/block-text';

describe('assembleBlocks', () => {
  it('joins blocks with blank lines and points each block at its text, in UTF-16 offsets', () => {
    const { text, blocks } = assembleBlocks([
      { kind: 'heading', level: 2, text: 'Title 😀' },
      { kind: 'paragraph', text: 'Body 𝔘 text', page: 3 },
      { kind: 'footnote', text: '[1] Note' }
    ]);
    expect(text).toBe('Title 😀\n\nBody 𝔘 text\n\n[1] Note');
    expect(blocks).toEqual([
      { start: 0, end: 8, kind: 'heading', level: 2, index: 0 },
      { start: 10, end: 22, kind: 'paragraph', page: 3, index: 1 },
      { start: 24, end: 32, kind: 'footnote', index: 2 }
    ]);
    for (const block of blocks) expect(text.slice(block.start, block.end)).not.toMatch(/^\s|\s$/);
  });

  it('trims blocks, drops empty ones and keeps blank lines out of a block', () => {
    const { text, blocks } = assembleBlocks([
      { kind: 'paragraph', text: '  \n ' },
      { kind: 'paragraph', text: '  first line\n\n \nsecond line  ' },
      { kind: 'list-item', text: '\u00a0' },
      { kind: 'list-item', text: 'item' }
    ]);
    expect(text).toBe('first line\nsecond line\n\nitem');
    expect(blocks.map((block) => [block.kind, block.index])).toEqual([
      ['paragraph', 0],
      ['list-item', 1]
    ]);
  });

  it('gives an empty text and no blocks when nothing has text', () => {
    expect(assembleBlocks([{ kind: 'paragraph', text: ' ' }])).toEqual({ text: '', blocks: [] });
  });
});
