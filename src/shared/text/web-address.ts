/** Evidence links: web addresses (http or https) only, checked the same way in the window and the API. */

const SCHEMES = new Set(['http:', 'https:']);
/** "www.cnn.com/…", "cnn.com/politics": a host name with a dot, then a path or nothing. */
const BARE_HOST = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$/u;

function parsed(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

const isWebAddress = (value: string) => {
  const url = parsed(value);
  return url !== null && SCHEMES.has(url.protocol) && url.hostname !== '';
};

/** The address with https:// added, when the value is one without its scheme ("www.cnn.com/…"). */
export function completedWebAddress(value: string): string | null {
  const trimmed = value.trim();
  if (!BARE_HOST.test(trimmed)) return null;
  const completed = `https://${trimmed}`;
  return isWebAddress(completed) ? completed : null;
}

/** Why the value cannot be saved as a link, in words for the user; null when it can (empty clears the link). */
export function webAddressProblem(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '' || isWebAddress(trimmed)) return null;
  const completed = completedWebAddress(trimmed);
  if (completed) return `“${trimmed}” needs https:// at the start to be a web address (${completed})`;
  const url = parsed(trimmed);
  if (url && !SCHEMES.has(url.protocol)) return `only web addresses starting with http:// or https:// can be saved, not ${url.protocol} links`;
  return `“${trimmed}” is not a web address: a link starts with http:// or https://`;
}
