/** A document's mentions read for a merge, without their quotes: the same mentions, fields and spans as the full read. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMentions, unquotedMentions } from '../../../src/main/store/mentions';
import { createdId, tempLibrary, type TempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
beforeAll(() => (lib = tempLibrary('factdesk-unquoted-mentions-')));
afterAll(() => lib.close());

describe('mentions without their quotes', () => {
  it('are every mention of the document, with each field of the full read but the quote and its context', async () => {
    await lib.call('settings.update', { userName: 'Ana Checker' });
    const text = 'The mayor of Springfield met 🎉 Ana Smith in Paris on Monday.';
    const { document } = await lib.importText(text, 'story.txt');
    const { document: other } = await lib.importText('Paris is elsewhere.', 'other.txt');
    const at = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
    const entityId = createdId(await lib.call('entities.create', { documentId: document.id, name: 'Ana Smith', type: 'person' }));
    await lib.call('mentions.create', { documentId: document.id, ...at('Ana Smith'), type: 'person', entityId });
    await lib.call('mentions.create', { documentId: document.id, ...at('Paris'), type: 'location' });
    await lib.call('mentions.create', { documentId: document.id, ...at('Springfield'), type: 'location' });
    await lib.call('mentions.create', { documentId: other.id, start: 0, end: 5, type: 'location' });

    const full = listMentions(lib.db, document.id).map(({ documentId: _d, exact: _x, prefix: _p, suffix: _s, start, end, ...mention }) => ({
      start,
      end,
      mention
    }));
    const unquoted = unquotedMentions(lib.db, document.id);
    expect(full).toHaveLength(3);
    expect([...unquoted].sort((a, b) => a.start - b.start)).toEqual(full);
    expect(full.find((m) => m.mention.entityId === entityId)).toMatchObject({ ...at('Ana Smith'), mention: { type: 'person', masked: false } });
  });
});
