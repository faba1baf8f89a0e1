/**
 * What a printed (PDF) fact sheet shows for a claim, from the claim's HTML, in the form it is compared
 * in: the print stylesheet writes evidence relations in capitals, numbers the evidence list and
 * writes each evidence link's address after it; whitespace is dropped, as a PDF breaks lines
 * anywhere. Only for the sheet's own HTML, where every user string is escaped.
 */
import { unescapeHtml } from './html';

/** Text in the form a printed sheet's text layer is compared in. */
export const compactText = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

export function printedText(html: string): string {
  let item = 0;
  const text = html
    .replace(/<ol class="evidence">/g, () => {
      item = 0;
      return '';
    })
    .replace(/<li>/g, () => `${(item += 1)}.`)
    .replace(/<span class="relation [^"]*">([^<]*)<\/span>/g, (_tag, label: string) => label.toUpperCase())
    .replace(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g, (_tag, href: string, shown: string) => `${shown} (${href})`)
    .replace(/<[^>]*>/g, ' ');
  return compactText(unescapeHtml(text));
}
