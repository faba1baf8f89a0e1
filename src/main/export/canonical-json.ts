/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, `undefined` members
 * dropped (as JSON.stringify does). The same value always gives the same text, which is what a
 * digest needs.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) sorted[key] = sortKeys(member);
  }
  return sorted;
}

/**
 * The UTF-8 bytes of canonicalJson(value), encoded piece by piece: each member of the value, and
 * each member or item of those, on its own. V8 keeps a string holding any non-Latin-1 character
 * (one dash in a quote) at two bytes per character and encodes it slowly, so one text for a large
 * file would be slow as a whole; small pieces are mostly one-byte strings, copied as they are.
 */
export function canonicalJsonBytes(value: object): Buffer {
  const pieces: Buffer[] = [];
  const add = (text: string) => pieces.push(Buffer.from(text, 'utf8'));
  const write = (item: unknown, depth: number) => {
    // JSON writes an undefined array item as null.
    if (depth === 0 || item === null || item === undefined || typeof item !== 'object') return add(canonicalJson(item ?? null));
    if (Array.isArray(item)) {
      add('[');
      item.forEach((element, i) => {
        if (i > 0) add(',');
        write(element, depth - 1);
      });
      return add(']');
    }
    // Keys in the order canonicalJson writes them: that of an object built in sorted order, which
    // puts integer-like keys first.
    const order: Record<string, true> = {};
    for (const key of Object.keys(item).sort()) if ((item as Record<string, unknown>)[key] !== undefined) order[key] = true;
    let separator = '{';
    for (const key of Object.keys(order)) {
      add(`${separator}${JSON.stringify(key)}:`);
      separator = ',';
      write((item as Record<string, unknown>)[key], depth - 1);
    }
    add(separator === '{' ? '{}' : '}');
  };
  write(value, 2);
  return Buffer.concat(pieces);
}
