import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromMentionColumns } from '../../../src/shared/api/mention-columns';
import { type TempLibrary, SAMPLE_FILE, createdId, tempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.close());

describe('documents.annotationColumns: mentions column by column', () => {
  it('carries exactly the stored mentions, in text order, in fewer bytes than the records', async () => {
    await lib.call('settings.update', { userName: 'Ana Checker' });
    const { document } = await lib.importFile(SAMPLE_FILE);
    const { text } = (await lib.call('documents.text', { id: document.id })).document;
    const entity = createdId(await lib.call('entities.create', { documentId: document.id, name: 'Reality', type: 'person' }));
    const at = (word: string) => text.indexOf(word);
    await lib.call('mentions.create', { documentId: document.id, start: at('visit'), end: at('visit') + 5, type: 'event' });
    await lib.call('mentions.create', { documentId: document.id, start: 0, end: 7, type: 'person', entityId: entity });
    const [gap] = (await lib.call('documents.get', { id: document.id })).gaps;
    await lib.call('mentions.create', { documentId: document.id, start: gap.start, end: gap.end, type: 'person', masked: true, restoration: 'Kim' });

    const records = (await lib.call('documents.get', { id: document.id })).mentions;
    const compact = await lib.call('documents.annotationColumns', { id: document.id });
    expect((await lib.call('documents.annotations', { id: document.id })).mentions).toEqual(records);
    expect(records).toHaveLength(3);
    expect(compact.mentions.start).toEqual([...records.map((m) => m.start)].sort((a, b) => a - b));
    expect(fromMentionColumns(compact.mentions)).toEqual(records);
    expect(compact.mentions.masked).toEqual(records.map((m) => (m.masked ? 1 : 0)));
    expect(JSON.stringify(compact.mentions).length).toBeLessThan(JSON.stringify(records).length * 0.75);
  });

  it('holds only the document’s own mentions, and none for a document without any', async () => {
    await lib.call('settings.update', { userName: 'Ana Checker' });
    const { document } = await lib.importFile(SAMPLE_FILE);
    const other = (await lib.importText('Another article about Kim Kardashian West.\n', 'other.txt')).document;
    const blank = (await lib.importText('A third article, left unmarked.\n', 'blank.txt')).document;
    await lib.call('mentions.create', { documentId: document.id, start: 0, end: 7, type: 'person' });
    await lib.call('mentions.create', { documentId: other.id, start: 22, end: 41, type: 'person' });

    const compact = await lib.call('documents.annotationColumns', { id: other.id });
    expect(compact.mentions.documentId).toBe(other.id);
    expect(fromMentionColumns(compact.mentions)).toEqual((await lib.call('documents.annotations', { id: other.id })).mentions);
    expect(compact.mentions.exact).toEqual(['Kim Kardashian West']);
    expect(fromMentionColumns((await lib.call('documents.annotationColumns', { id: blank.id })).mentions)).toEqual([]);
  });
});
