/** Text kept in the tab's session storage (a reload keeps it, another tab does not see it), one key per record and field. */
export interface SessionText {
  read(): string | null;
  write(text: string | null): void;
}

export function sessionText(key: string): SessionText {
  const item = `factdesk.typed:${key}`;
  return {
    read: () => sessionStorage.getItem(item),
    write: (text) => (text === null ? sessionStorage.removeItem(item) : sessionStorage.setItem(item, text))
  };
}
