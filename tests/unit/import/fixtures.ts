import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Block, ImportedArticle } from '../../../src/shared/domain';
import type { AppError } from '../../../src/shared/result';
import { importArticle } from '../../../src/main/import/index';
import type { ImportOptions } from '../../../src/main/import/importer';

/** The bytes of a committed fixture under tests/fixtures/articles/ (or another folder of tests/fixtures/). */
export function articleFixture(name: string, folder = 'articles'): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/${folder}/${name}`, import.meta.url)));
}

/** Imports through the dispatch table (in this thread) and fails the test on a refusal. */
export async function imported(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportedArticle> {
  const result = await importArticle(fileName, bytes, options);
  if (!result.ok) throw new Error(`expected ${fileName} to import: ${result.error.message}`);
  return result.value;
}

/** Imports and expects a refusal whose message names the file. */
export async function refusal(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<AppError> {
  const result = await importArticle(fileName, bytes, options);
  if (result.ok) throw new Error(`expected ${fileName} to be refused, got ${JSON.stringify(result.value.title)}`);
  expect(result.error.message).toMatch(new RegExp(`^Cannot import "${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}": .+\\.$`));
  return result.error;
}

/** Blocks as readable rows: kind, heading level, page and the text they cover. */
export const blockRows = ({ text, blocks }: ImportedArticle): Array<[string, number | undefined, number | undefined, string]> =>
  blocks.map((block) => [block.kind, block.level, block.page, text.slice(block.start, block.end)]);

/** What every extracted format (HTML, DOCX, PDF) promises: the text is its blocks joined by blank lines. */
export function expectExtractedBlocks(article: ImportedArticle): void {
  const { text, blocks } = article;
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.map((block: Block) => text.slice(block.start, block.end)).join('\n\n')).toBe(text);
  blocks.forEach((block, i) => {
    expect(block.index).toBe(i);
    const covered = text.slice(block.start, block.end);
    expect(covered).toBe(covered.trim());
    expect(covered).not.toContain('\n\n');
  });
}
