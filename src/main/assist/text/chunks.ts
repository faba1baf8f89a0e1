/**
 * Splits long texts into pieces the NLP libraries handle in bounded memory. Cuts fall on line
 * breaks (paragraphs), else on whitespace, so no sentence of ordinary length is cut in two.
 */
export interface Chunk {
  start: number;
  text: string;
}

export const CHUNK_SIZE = 20_000;

export function chunkText(text: string, size = CHUNK_SIZE): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) end = cutPoint(text, start, end);
    chunks.push({ start, text: text.slice(start, end) });
    start = end;
  }
  return chunks;
}

function cutPoint(text: string, start: number, limit: number): number {
  const lineBreak = text.lastIndexOf('\n', limit - 1);
  if (lineBreak > start + (limit - start) / 2) return lineBreak + 1;
  const space = text.lastIndexOf(' ', limit - 1);
  if (space > start) return space + 1;
  // No whitespace at all: cut anywhere, but not between the halves of a surrogate pair.
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit;
}
