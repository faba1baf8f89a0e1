/** Which document each of many record ids belongs to, in one query per table: evidence and reviews through their claim. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentsOfRecords } from '../../../src/main/store/rows';
import { createdId, tempLibrary, type TempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
beforeAll(() => (lib = tempLibrary('factdesk-documents-of-records-')));
afterAll(() => lib.close());

describe('the documents of listed records', () => {
  it('names the document of each listed record that exists, whatever the table, and nothing for the others', async () => {
    await lib.call('settings.update', { userName: 'Ana Checker' });
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
