import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../../src/main/import';
import { formatDate } from '../../../src/renderer/lib/format';
import { spanLocation } from '../../../src/renderer/lib/source-location';
import type { Block, ImportedArticle } from '../../../src/shared/domain';

async function imported(name: string): Promise<ImportedArticle> {
  const bytes = readFileSync(new URL(`../../fixtures/articles/${name}`, import.meta.url));
  const result = await importArticle(name, bytes);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const spanOf = (article: ImportedArticle, exact: string) => {
  const start = article.text.indexOf(exact);
  expect(start).toBeGreaterThanOrEqual(0);
  return [start, start + exact.length] as const;
};

describe('spanLocation', () => {
  it('names the PDF page of a span, and the pages a span runs over', async () => {
    const report = await imported('report.pdf');
    expect(spanLocation(report.blocks, ...spanOf(report, 'Flood Defence Annual Review'))).toBe('p. 1');
    expect(spanLocation(report.blocks, ...spanOf(report, 'What the figures show'))).toBe('p. 3');
    const heading = spanOf(report, 'Costs and promises');
    const audit = spanOf(report, 'An independent audit');
    expect(spanLocation(report.blocks, heading[0], audit[1])).toBe('pp. 1–2');
  });

  it('names the paragraph of a span in a file without pages', async () => {
    const page = await imported('saved-page.html');
    const homes = spanOf(page, 'How many homes?');
    const index = page.blocks.findIndex((block) => block.start === homes[0]);
    expect(index).toBeGreaterThan(0);
    expect(spanLocation(page.blocks, ...homes)).toBe(`¶ ${page.blocks[index].index + 1}`);
  });

  it('spans several paragraphs; a span outside every block has no location', () => {
    const blocks: Block[] = [
      { start: 0, end: 10, kind: 'paragraph', index: 0 },
      { start: 12, end: 20, kind: 'paragraph', index: 1 },
      { start: 22, end: 30, kind: 'paragraph', index: 2 }
    ];
    expect(spanLocation(blocks, 2, 25)).toBe('¶ 1–3');
    // The end offset is exclusive: a span ending where a block ends stays in that block.
    expect(spanLocation(blocks, 12, 20)).toBe('¶ 2');
    expect(spanLocation(blocks, 10, 12)).toBeNull();
    expect(spanLocation([], 0, 3)).toBeNull();
  });
});

describe('formatDate', () => {
  it('shows a bare date as the day it names, west of Greenwich too, and leaves what does not parse as it is', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles'; // where UTC midnight is still the day before
    try {
      const shown = formatDate('2024-04-03');
      expect(shown).toMatch(/\b2024\b/);
      expect(shown).toMatch(/\b0?3\b/);
      expect(shown).not.toMatch(/\b0?2\b|:/); // not the day before, no time of day
    } finally {
      process.env.TZ = zone;
    }
    expect(formatDate('sometime in spring')).toBe('sometime in spring');
  });
});
