import type { Block } from '../../../shared/domain';

/** The element a block of the article is drawn as (the page title is the only h1: headings start at h2). */
export const blockTag = (block: Block): string =>
  block.kind === 'heading' ? `h${Math.min((block.level ?? 1) + 1, 6)}` : block.kind === 'quote' ? 'blockquote' : 'p';
