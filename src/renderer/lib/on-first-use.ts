/**
 * A value made on first use: Intl formatters load locale data when constructed, which would otherwise
 * be paid while the window's code starts.
 */
export function onFirstUse<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
