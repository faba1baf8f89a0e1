import type { HtmlMode } from '../../shared/api/methods/imports';
import type { ImportedArticle } from '../../shared/domain';
import type { Result } from '../../shared/result';

/** Reports how far an import got: a fraction 0..1 and what it is doing, in words. */
export type ProgressListener = (fraction: number, stage: string) => void;

export interface ImportOptions {
  htmlMode?: HtmlMode;
  onProgress?: ProgressListener;
}

/** One file format's importer: the file's name (for messages) and bytes → the article, or why not. */
export type Importer = (
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions
) => Result<ImportedArticle> | Promise<Result<ImportedArticle>>;
