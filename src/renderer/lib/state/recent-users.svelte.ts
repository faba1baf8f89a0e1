const STORAGE_KEY = 'factdesk.recentUsers';
const KEEP = 8;

function stored(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string' && name.trim() !== '').slice(0, KEEP) : [];
  } catch {
    return [];
  }
}

/**
 * The names recently worked under on this machine, newest first, so switching between checker and
 * reviewer is one click. Kept in the window's local storage: a convenience, not library data.
 */
export class RecentUsers {
  #names = $state.raw<string[]>(stored());

  get names() {
    return this.#names;
  }

  remember(name: string): void {
    const trimmed = name.trim();
    if (!trimmed || this.#names[0] === trimmed) return;
    this.#names = [trimmed, ...this.#names.filter((other) => other !== trimmed)].slice(0, KEEP);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(this.#names));
    } catch {
      // Storage full or disabled: the list still works for this session.
    }
  }
}
