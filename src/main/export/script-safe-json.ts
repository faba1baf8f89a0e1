/**
 * JSON that can sit inside an HTML `<script type="application/ld+json">` element (the way
 * publishers embed JSON-LD): `<`, `>` and `&` become `\u003c` etc., so no `</script>` or `<!--`
 * can end or change the element, and U+2028/U+2029 are escaped for JavaScript parsers older than
 * ES2019. JSON readers decode them back to the same strings.
 */
const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029'
};

/** Indented JSON with every character that is unsafe in a script element escaped (they occur only inside strings). */
export const scriptSafeJson = (value: unknown): string =>
  JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c]!);
