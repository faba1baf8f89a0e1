/**
 * The one gate for user-supplied URLs: a sheet links only to http(s) addresses, normalised by the
 * WHATWG URL parser (which percent-encodes spaces, quotes and angle brackets). Anything else
 * (javascript:, data:, file:, relative or malformed) is shown as plain text, never as a link.
 */
export function httpUrl(raw: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
