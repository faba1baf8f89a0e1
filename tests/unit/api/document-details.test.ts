import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_FILE, type TempLibrary, tempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
let id: string;
beforeEach(async () => {
  lib = tempLibrary();
  await lib.call('settings.update', { userName: 'Ada Checker' });
  id = (await lib.importFile(SAMPLE_FILE)).document.id;
});
afterEach(() => lib.close());

describe('documents.update', () => {
  it('sets the title and source details and keeps the file name; an empty detail is removed', async () => {
    const document = await lib.call('documents.update', {
      id,
      title: 'Kardashian at the White House',
      url: 'https://apnews.com/article/visit',
      publisher: 'AP',
      author: 'Catherine Lucey',
      publishedAt: '2018-05-30'
    });
    expect(document.title).toBe('Kardashian at the White House');
    expect(document.source).toEqual({
      fileName: 'sample-ap-2018.txt',
      url: 'https://apnews.com/article/visit',
      publisher: 'AP',
      author: 'Catherine Lucey',
      publishedAt: '2018-05-30'
    });
    expect((await lib.call('documents.list', {}))[0]!.title).toBe('Kardashian at the White House');
    const history = lib.db.prepare("SELECT action, user FROM history WHERE table_name = 'documents' ORDER BY seq DESC LIMIT 1").get();
    expect(history).toEqual({ action: 'documents.update', user: 'Ada Checker' });

    const cleared = await lib.call('documents.update', { id, author: '', url: '' });
    expect(cleared.source).toEqual({ fileName: 'sample-ap-2018.txt', publisher: 'AP', publishedAt: '2018-05-30' });
  });

  it.each([
    [{ title: '   ' }, 'A document needs a title.'],
    [{ url: 'www.cnn.com/story' }, 'starting with https://'],
    [{ url: 'javascript:alert(1)' }, 'starting with https://'],
    [{ publishedAt: '30 May 2018' }, 'year-month-day']
  ])('refuses %j and changes nothing', async (patch, message) => {
    const before = lib.snapshot();
    const result = await lib.service.call('documents.update', { id, ...patch });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain(message);
    expect(lib.snapshot()).toBe(before);
  });

  it('says when the document is not in the library', async () => {
    const result = await lib.service.call('documents.update', { id: 'nope', title: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
