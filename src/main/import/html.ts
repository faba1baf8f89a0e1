/**
 * Saved web pages (.html, .htm, .xhtml). The page is parsed with linkedom, which runs no script
 * and loads nothing; script, style, frame and embedded-object elements are removed before anything
 * reads the page. In `article` mode Mozilla Readability extracts the article; a page without one
 * is refused with code `no_article`, and `full-text` mode then keeps all of its visible text.
 */
import { Readability } from '@mozilla/readability';
import type { DocumentSource, ImportedArticle } from '../../shared/domain';
import { ok, type Result } from '../../shared/result';
import { type BlockDraft, assembleBlocks } from './block-text';
import { type DomDocument, type DomElement, parseDom } from './dom';
import { blockDrafts } from './dom-blocks';
import { importFailure } from './failure';
import { decodeHtml } from './html-charset';
import { markupShape } from './html-shape';
import type { ImportOptions } from './importer';
import { pickTitle } from './title';

const MAX_NESTING_DEPTH = 1000;
/** Readability scores every element; past this many it would take too long or overflow (full-text mode still works). */
const MAX_ARTICLE_ELEMENTS = 100_000;
/** Less extracted text than this is no article: a link list, a cookie notice, an error page. */
const MIN_ARTICLE_LENGTH = 200;
const MAX_FIELD_LENGTH = 300;

/**
 * Removed before anything reads the page. JSON-LD blocks stay: they are data, never run, and
 * Readability reads the article's author and date from them.
 */
const NOT_CONTENT =
  'script:not([type="application/ld+json" i]), style, noscript, template, iframe, frame, frameset, object, embed, applet';

export function importHtml(fileName: string, bytes: Uint8Array, options: ImportOptions): Result<ImportedArticle> {
  const { htmlMode = 'article', onProgress } = options;
  onProgress?.(0.02, 'Reading the page');
  const decoded = decodeHtml(fileName, bytes);
  if (!decoded.ok) return decoded;
  const shape = markupShape(decoded.value, MAX_NESTING_DEPTH);
  if (shape.depth > MAX_NESTING_DEPTH) {
    return importFailure(
      fileName,
      'too_large',
      `the page nests its elements more than ${MAX_NESTING_DEPTH} levels deep, far deeper than any real web page`
    );
  }

  onProgress?.(0.1, 'Parsing the page');
  const document = parseDom(decoded.value);
  for (const element of Array.from(document.querySelectorAll(NOT_CONTENT))) element.remove();
  const page = pageMetadata(document);

  let drafts: BlockDraft[];
  let source = page.source;
  let title: string | null = null;
  if (htmlMode === 'article') {
    onProgress?.(0.3, 'Finding the article');
    const article = extractArticle(document, shape.elements);
    if (!article.ok) {
      return importFailure(
        fileName,
        'no_article',
        `${article.error}; you can import the page's full visible text instead`
      );
    }
    ({ drafts, title } = article.value);
    source = { ...source, ...article.value.source };
  } else {
    onProgress?.(0.3, 'Collecting the visible text');
    drafts = blockDrafts(document.body ?? document.documentElement);
  }

  onProgress?.(0.9, 'Collecting paragraphs');
  const { text, blocks } = assembleBlocks(drafts);
  if (text === '') return importFailure(fileName, 'empty', 'the page has no visible text');
  const firstHeading = blocks.find((block) => block.kind === 'heading');
  return ok({
    title: pickTitle(
      [
        title,
        page.title,
        document.title,
        firstHeading && text.slice(firstHeading.start, firstHeading.end),
        text.slice(blocks[0].start, blocks[0].end).split('\n')[0]
      ],
      fileName
    ),
    text,
    blocks,
    source: { fileName, ...source },
    format: 'html'
  });
}

interface ExtractedArticle {
  drafts: BlockDraft[];
  title: string | null;
  source: Omit<DocumentSource, 'fileName'>;
}

function extractArticle(
  document: DomDocument,
  elements: number
): { ok: true; value: ExtractedArticle } | { ok: false; error: string } {
  if (elements > MAX_ARTICLE_ELEMENTS) {
    return {
      ok: false,
      error: `the page has ${count(elements)} elements, more than the ${count(MAX_ARTICLE_ELEMENTS)} the article finder reads`
    };
  }
  let article;
  try {
    article = new Readability<DomElement>(document as never, { serializer: (node) => node as unknown as DomElement }).parse();
  } catch (error) {
    return { ok: false, error: `the article finder failed (${error instanceof Error ? error.message : String(error)})` };
  }
  const drafts = article?.content ? blockDrafts(article.content) : [];
  const length = drafts.reduce((sum, draft) => sum + draft.text.trim().length, 0);
  if (!article || length < MIN_ARTICLE_LENGTH) {
    return { ok: false, error: 'no readable article was found on the page' };
  }
  return {
    ok: true,
    value: {
      drafts,
      title: article.title ?? null,
      source: definedFields({
        author: article.byline,
        siteName: article.siteName,
        publisher: article.siteName,
        publishedAt: article.publishedTime
      })
    }
  };
}

/** What the page's head says about it, read before Readability (which changes the document). */
function pageMetadata(document: DomDocument): { title: string | null; source: Omit<DocumentSource, 'fileName'> } {
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content');
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  const siteName = meta('meta[property="og:site_name" i]');
  return {
    title: meta('meta[property="og:title" i]') ?? null,
    source: definedFields({
      url: webUrl(canonical) ?? webUrl(meta('meta[property="og:url" i]')),
      author: meta('meta[name="author" i]'),
      siteName,
      publisher: siteName,
      publishedAt: meta('meta[property="article:published_time" i]')
    })
  };
}

const count = (n: number): string => n.toLocaleString('en');

/** Only absolute http(s) URLs: a `javascript:` or relative "canonical" is not a source. */
function webUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The fields that have text, white space collapsed and cut to a sane length (URLs are kept whole). */
function definedFields<K extends string>(fields: Record<K, string | null | undefined>): Partial<Record<K, string>> {
  const result: Partial<Record<K, string>> = {};
  for (const key of Object.keys(fields) as K[]) {
    const value = fields[key]?.replace(/\s+/g, ' ').trim();
    if (value) result[key] = key === 'url' ? value : value.slice(0, MAX_FIELD_LENGTH);
  }
  return result;
}
