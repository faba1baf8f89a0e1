import { describe, expect, it } from 'vitest';
import { blockAt, blockLocation } from '../../../src/shared/text/block-location';
import { articleFixture, imported } from './fixtures';

describe('blockAt and blockLocation', () => {
  it('finds the page of any offset of an imported PDF', async () => {
    const { text, blocks } = await imported('report.pdf', articleFixture('report.pdf'));
    const where = (quote: string) => {
      const block = blockAt(blocks, text.indexOf(quote));
      return block && blockLocation(block);
    };
    expect(where('Flood Defence Annual Review')).toBe('p. 1');
    expect(where('fifty years')).toBe('p. 1'); // a paragraph that started on page 1
    expect(where('An independent audit')).toBe('p. 2');
    expect(where('End of report.')).toBe('p. 3');
  });

  it('gives the paragraph number for other formats, and null between blocks', async () => {
    const { text, blocks } = await imported('article.docx', articleFixture('article.docx'));
    const offset = text.indexOf('Background');
    expect(blockLocation(blockAt(blocks, offset)!)).toBe('¶ 2');
    expect(blockAt(blocks, offset - 1)).toBeNull();
    expect(blockAt(blocks, text.length)).toBeNull();
    expect(blockAt([], 0)).toBeNull();
    // Every offset inside a block finds that block.
    for (const block of blocks) {
      for (const offset of [block.start, block.end - 1]) expect(blockAt(blocks, offset)).toBe(block);
    }
  });
});
