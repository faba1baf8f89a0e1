/**
 * What opening a shared file reads from the store in bulk: a document's mentions without their
 * quotes (the same mentions, fields and spans as the full read), and which document each of many
 * record ids belongs to, in one query per table (evidence and reviews through their claim).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMentions, mentionsWithoutQuotes } from '../../../src/main/store/mentions';
import { documentsOfRecords } from '../../../src/main/store/rows';
import { createdId, tempLibrary, type TempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
beforeAll(async () => {
  lib = tempLibrary('factdesk-bulk-reads-');
  await lib.call('settings.update', { userName: 'Ana Checker' });
});
afterAll(() => lib.close());

describe('mentions without their quotes', () => {
  it('are every mention of the document, with each field of the full read but the quote and its context', async () => {
    const text = 'The mayor of Springfield met 🎉 Ana Smith in Paris on Monday.';
    const { document } = await lib.importText(text, 'story.txt');
    const { document: other } = await lib.importText('Paris is elsewhere.', 'other.txt');
    const at = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
    const entityId = createdId(await lib.call('entities.create', { documentId: document.id, name: 'Ana Smith', type: 'person' }));
    await lib.call('mentions.create', { documentId: document.id, ...at('Ana Smith'), type: 'person', entityId });
    await lib.call('mentions.create', { documentId: document.id, ...at('Paris'), type: 'location' });
    await lib.call('mentions.create', { documentId: document.id, ...at('Springfield'), type: 'location' });
    await lib.call('mentions.create', { documentId: other.id, start: 0, end: 5, type: 'location' });

    const full = listMentions(lib.db, document.id).map((mention) => ({ ...mention, exact: '', prefix: '', suffix: '' }));
    const unquoted = mentionsWithoutQuotes(lib.db, document.id);
    expect(full).toHaveLength(3);
    expect([...unquoted].sort((a, b) => a.start - b.start)).toEqual(full);
    expect(full.find((m) => m.entityId === entityId)).toMatchObject({ ...at('Ana Smith'), type: 'person', masked: false });
  });
});

describe('the documents of listed records', () => {
  it('names the document of each listed record that exists, whatever the table, and nothing for the others', async () => {
    const first = (await lib.importText('The mayor said the budget grew by 4% in 2019.', 'first.txt')).document.id;
    const second = (await lib.importText('Paris is the capital of France.', 'second.txt')).document.id;
    const mention = createdId(await lib.call('mentions.create', { documentId: second, start: 0, end: 5, type: 'location' }));
    const claim = createdId(await lib.call('claims.create', { documentId: first, start: 0, end: 44 }));
    const evidence = createdId(await lib.call('evidence.create', { claimId: claim, relation: 'supports', title: 'Budget report', url: 'https://example.org/budget' }));
    const review = createdId(await lib.call('reviews.create', { claimId: claim, decision: 'comment', comment: 'Source?' }));
    const unknown = '00000000-0000-4000-8000-000000000000';

    expect(documentsOfRecords(lib.db, 'mentions', [mention, unknown, mention, claim])).toEqual(new Map([[mention, second]]));
    expect(documentsOfRecords(lib.db, 'claims', [unknown, claim])).toEqual(new Map([[claim, first]]));
    expect(documentsOfRecords(lib.db, 'evidence', [evidence, mention])).toEqual(new Map([[evidence, first]]));
    expect(documentsOfRecords(lib.db, 'reviews', [review])).toEqual(new Map([[review, first]]));
    expect(documentsOfRecords(lib.db, 'reviews', [])).toEqual(new Map());
  });
});
