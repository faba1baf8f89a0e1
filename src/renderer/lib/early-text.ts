/**
 * An open document's first screen, drawn before the window's code runs. The entry asks for the
 * text at once (main.ts); when it arrives, the first blocks are drawn read-only in the article
 * column's place and typography, so the article is on screen while the window's code starts. The
 * document view replaces it once it has painted its own first screen (FirstScreen.shown).
 * No framework here (this module is part of the small entry chunk). The text is set as text, never
 * parsed as HTML.
 */
import type { ArticleDocument } from '../../shared/domain';
import { blockTag } from './text/block-tag';
import { hiddenCharRuns } from './text/hidden-chars';

/** More text than the tallest window shows at once. */
const EARLY_CHARS = 8000;
const LAYER_ID = 'early-text';

export function paintEarlyText(article: ArticleDocument): void {
  const layer = element('div', 'early-layer');
  layer.id = LAYER_ID;
  // Screen readers meet the text once, in the document view.
  layer.setAttribute('aria-hidden', 'true');
  const header = layer.appendChild(element('div', 'early-header'));
  appendVisibleText(header.appendChild(element('span', 'early-title')), article.title || article.source.fileName);
  const columns = layer.appendChild(element('div', 'early-columns'));
  columns.appendChild(element('div', 'early-pane'));
  const text = columns.appendChild(element('main', 'early-article')).appendChild(element('article', 'article-text'));
  for (const block of article.blocks) {
    if (block.start >= EARLY_CHARS) break;
    const drawn = text.appendChild(element(blockTag(block), `article-block ${block.kind}`));
    drawn.dir = 'auto';
    appendVisibleText(drawn, article.text.slice(block.start, block.end));
  }
  columns.appendChild(element('div', 'early-pane'));
  document.body.prepend(layer);
}

/** Takes the early first screen away (the document view has painted its own), if there is one. */
export function removeEarlyText(): void {
  document.getElementById(LAYER_ID)?.remove();
}

/** `text`, with each zero-width or bidi control character shown as a badge (as VisibleText.svelte does). */
function appendVisibleText(parent: HTMLElement, text: string): void {
  const runs = hiddenCharRuns(text);
  if (runs === null) {
    parent.append(text);
    return;
  }
  for (const run of runs) {
    if (!run.hidden) {
      parent.append(text.slice(run.start, run.end));
      continue;
    }
    // No label for screen readers: the whole layer is hidden from them.
    parent.appendChild(element('span', 'hidden-char-badge')).textContent = run.hidden.short;
  }
}

function element(tag: string, className: string): HTMLElement {
  const created = document.createElement(tag);
  created.className = className;
  return created;
}
