import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCalls } from '../../../src/shared/api/start-calls';
import { type TempLibrary, SAMPLE_FILE, tempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.close());

/** What each of the window's first calls answers when asked alone, in startCalls order. */
const askedAlone = (documentId?: string) => Promise.all(startCalls(documentId).map(([method, input]) => lib.service.call(method, input)));

describe('app.start: the window’s first calls in one request', () => {
  it('answers each of an opened document’s first calls exactly as that call alone does now', async () => {
    await lib.call('settings.update', { userName: 'Ana Checker' });
    const { document } = await lib.importFile(SAMPLE_FILE);
    await lib.call('mentions.create', { documentId: document.id, start: 0, end: 7, type: 'person' });

    const start = await lib.call('app.start', { documentId: document.id });
    expect(start.map((part) => part.ok)).toEqual([true, true, true, true, true, true, true, true]);
    expect(start).toEqual(await askedAlone(document.id));
    const [settings, , , , text, annotations] = start;
    expect(settings).toMatchObject({ ok: true, value: { userName: 'Ana Checker' } });
    expect(text).toMatchObject({ ok: true, value: { document: { id: document.id } } });
    expect(annotations).toMatchObject({ ok: true, value: { mentions: { start: [0], end: [7] } } });

    // Not a copy kept from before: a change shows in the next start.
    await lib.call('mentions.create', { documentId: document.id, start: 8, end: 10, type: 'event' });
    const [, , , , , after] = await lib.call('app.start', { documentId: document.id });
    expect(after).toMatchObject({ ok: true, value: { mentions: { start: [0, 8] } } });
  });

  it('answers the session’s calls alone when no document is open', async () => {
    const start = await lib.call('app.start', {});
    expect(start).toHaveLength(4);
    expect(start).toEqual(await askedAlone());
  });

  it('gives a document that is not there the refusals its own calls give, and the session’s answers beside them', async () => {
    const start = await lib.call('app.start', { documentId: 'no-such-document' });
    expect(start.map((part) => (part.ok ? 'ok' : part.error.code))).toEqual(['ok', 'ok', 'ok', 'ok', 'not_found', 'not_found', 'not_found', 'not_found']);
    expect(start).toEqual(await askedAlone('no-such-document'));
  });

  it('refuses malformed input as a whole, like any method', async () => {
    const before = lib.snapshot();
    expect(await lib.service.call('app.start', { documentId: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await lib.service.call('app.start', { documentId: 'x', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(lib.snapshot()).toBe(before);
  });
});
