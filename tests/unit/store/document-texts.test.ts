/** Document texts are kept per connection after a read; a kept text is used only while its row still holds it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/main/import/hash';
import { getDocument, liveDocumentText } from '../../../src/main/store/documents';
import { type Db, openLibrary } from '../../../src/main/store/open';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
let other: Db;
beforeEach(() => {
  lib = tempLibrary('factdesk-document-texts-');
  other = openLibrary(lib.dir);
});
afterEach(() => {
  other.close();
  lib.close();
});

describe('document texts read through the store', () => {
  it('are the stored text on every read, for each of several documents', async () => {
    const texts = Array.from({ length: 6 }, (_, i) => `Article ${i}: the mayor said ${'so '.repeat(i + 1)}in 2019.`);
    const ids: string[] = [];
    for (const text of texts) ids.push((await lib.importText(text, `article-${ids.length}.txt`)).document.id);
    for (let round = 0; round < 2; round += 1) {
      ids.forEach((id, i) => {
        expect(getDocument(lib.db, id)?.text).toBe(texts[i]);
        expect(liveDocumentText(lib.db, id)).toBe(texts[i]);
      });
    }
  });

  it('follow a row that another connection gave a different text, as a library replaced from elsewhere has', async () => {
    const { document } = await lib.importText('The first version of the article.');
    expect(getDocument(lib.db, document.id)?.text).toBe('The first version of the article.');
    const replaced = 'Another article under the same id.';
    other.prepare('UPDATE documents SET text = ?, sha256 = ? WHERE id = ?').run(replaced, sha256Hex(replaced), document.id);
    expect(getDocument(lib.db, document.id)?.text).toBe(replaced);
    expect(liveDocumentText(lib.db, document.id)).toBe(replaced);
  });

  it('are not given for a document in the trash', async () => {
    const { document } = await lib.importText('An article about to be thrown away.');
    expect(liveDocumentText(lib.db, document.id)).not.toBeNull();
    await lib.call('documents.delete', { id: document.id });
    expect(getDocument(lib.db, document.id)).toBeNull();
    expect(liveDocumentText(lib.db, document.id)).toBeNull();
  });
});
