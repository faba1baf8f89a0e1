/**
 * The title reduced to letters, marks and digits (any script) joined by hyphens, at most 60
 * characters: safe in a file name on every platform. Empty when the title has none of them.
 */
export function titleSlug(title: string): string {
  const slug = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return [...slug].slice(0, 60).join('').replace(/-+$/, '');
}
