/** Where a mention may lie: within one paragraph of the article. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
beforeEach(async () => {
  lib = tempLibrary();
  await lib.call('settings.update', { userName: 'Ana Checker' });
});
afterEach(() => lib.close());

it('refuses a mention across a paragraph break with a clear message and stores nothing', async () => {
  const { document } = await lib.importText('First paragraph ends with Jared\n\nKushner starts the second one.');
  const { text } = (await lib.call('documents.get', { id: document.id })).document;
  const start = text.indexOf('Jared');
  const before = lib.snapshot();
  const refused = await lib.service.call('mentions.create', { documentId: document.id, start, end: text.indexOf('Kushner') + 7, type: 'person' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'A name cannot run across paragraphs: select it within one paragraph.' } });
  expect(lib.snapshot()).toBe(before);
  await lib.call('mentions.create', { documentId: document.id, start, end: start + 5, type: 'person' });
});
