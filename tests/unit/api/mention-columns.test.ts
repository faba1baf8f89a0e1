import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromMentionColumns, toMentionColumns } from '../../../src/shared/api/mention-columns';
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

  it('refuses to put another document’s mention in a document’s columns', async () => {
    await lib.call('settings.update', { userName: 'Ana Checker' });
    const { document } = await lib.importFile(SAMPLE_FILE);
    await lib.call('mentions.create', { documentId: document.id, start: 0, end: 7, type: 'person' });
    const { mentions } = await lib.call('documents.get', { id: document.id });
    expect(() => toMentionColumns('another-document', mentions)).toThrow(/belongs to document/);
    expect(fromMentionColumns(toMentionColumns(document.id, []))).toEqual([]);
  });
});
