/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, `undefined` members
 * dropped (as JSON.stringify does). The same value always gives the same text, which is what a
 * digest needs.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(inCanonicalOrder(value));
}

/**
 * The value with every object's members in canonical order and undefined members dropped: the
 * value itself wherever that already holds (a file written in canonical order is read without
 * copying its thousands of records), a sorted copy only where it does not.
 */
export function inCanonicalOrder(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      const ordered = inCanonicalOrder(item);
      if (ordered !== item) (copy ??= value.slice())[i] = ordered;
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  // One pass without allocating (a large file has tens of thousands of objects): are the keys in
  // order, and is every member already canonical?
  let copyNeeded = false;
  let previous: string | null = null;
  let reordered: Map<string, unknown> | null = null;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    if (!inOrderAfter(previous, key)) copyNeeded = true;
    previous = key;
    const member = record[key];
    if (member === undefined) copyNeeded = true;
    const ordered = inCanonicalOrder(member);
    if (ordered !== member) (reordered ??= new Map()).set(key, ordered);
  }
  if (!copyNeeded && !reordered) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    const member = reordered?.has(key) ? reordered.get(key) : record[key];
    if (member !== undefined) sorted[key] = member;
  }
  return sorted;
}

/**
 * May `key` follow `previous` (null for the first key) in an object built by inserting its keys
 * sorted? Keys that may be array indexes (which objects list first, by number) and "__proto__"
 * (which such an insert does not add as a member) leave it to the sorted copy.
 */
function inOrderAfter(previous: string | null, key: string): boolean {
  const first = key.charCodeAt(0);
  if ((first >= 0x30 && first <= 0x39) || key === '__proto__') return false;
  return previous === null || previous < key;
}

/**
 * The UTF-8 bytes of canonicalJson(value), encoded piece by piece (each member of the value, and
 * each member or item of those) into one growing buffer. V8 keeps a string holding any
 * non-Latin-1 character (one dash in a quote) at two bytes per character and encodes it slowly,
 * so one text for a large file would be slow as a whole; small pieces are mostly one-byte
 * strings, and writing them into one buffer spares a buffer per piece and joining them.
 */
export function canonicalJsonBytes(value: object): Buffer {
  const out = new GrowingBuffer();
  // In canonical order once, so each piece is plain JSON and each object's keys come in order.
  const write = (item: unknown, depth: number) => {
    // JSON writes an undefined array item as null.
    if (depth === 0 || item === null || item === undefined || typeof item !== 'object') return out.add(JSON.stringify(item ?? null));
    if (Array.isArray(item)) {
      out.add('[');
      item.forEach((element, i) => {
        if (i > 0) out.add(',');
        write(element, depth - 1);
      });
      return out.add(']');
    }
    let separator = '{';
    for (const key of Object.keys(item)) {
      out.add(`${separator}${JSON.stringify(key)}:`);
      separator = ',';
      write((item as Record<string, unknown>)[key], depth - 1);
    }
    out.add(separator === '{' ? '{}' : '}');
  };
  write(inCanonicalOrder(value), 2);
  return out.bytes();
}

/** UTF-8 text appended to one buffer that doubles when a piece might not fit. */
class GrowingBuffer {
  private buffer = Buffer.allocUnsafe(64 * 1024);
  private length = 0;

  add(text: string): void {
    // At most three bytes per UTF-16 unit (a surrogate pair takes four bytes for two units).
    const needed = this.length + text.length * 3;
    if (needed > this.buffer.length) {
      const larger = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(larger, 0, 0, this.length);
      this.buffer = larger;
    }
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}
