/**
 * Opening a shared file logs the records it adds as one history row (their contents are in the
 * file's set of exchange bases), and every reader of history still sees one entry per record:
 * the insert, the record as stored, received from the file, each with its own sequence number.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../src/shared/domain';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';
import { type Annotated, annotate, open, pack } from './helpers';

let checker: TempLibrary;
let reviewer: TempLibrary;
let ids: Annotated;

beforeEach(async () => {
  checker = tempLibrary('factdesk-received-checker-');
  reviewer = tempLibrary('factdesk-received-reviewer-');
  ids = await annotate(checker);
  await checker.call('reviews.create', { claimId: ids.claimId, decision: 'comment', comment: 'Source checked.' });
  await reviewer.call('settings.update', { userName: 'Ben Reviewer' });
  await open(reviewer, (await pack(checker, ids.documentId)).content, 'from-ana.factdesk.json');
});
afterEach(() => {
  checker.close();
  reviewer.close();
});

const withoutVerification = ({ verification: _, ...claim }: { verification?: unknown }) => claim;
const received = (entries: HistoryEntry[]) => entries.filter((e) => e.action === 'exchange.open');

describe('the records a shared file adds', () => {
  it('are logged in one history row that stands for one entry each', () => {
    const rows = reviewer.db
      .prepare("SELECT table_name, entries FROM history WHERE action = 'exchange.open' AND table_name NOT IN ('documents', 'entities') ORDER BY seq")
      .all();
    // Two mentions, the claim, its evidence and its review.
    expect(rows).toEqual([{ table_name: 'received_records', entries: 5 }]);
  });

  it('show in the document history as one insert per record, as stored, received from the file', async () => {
    const { entries } = await reviewer.call('documents.history', { documentId: ids.documentId, limit: 1000 });
    const seqs = entries.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    const view = await reviewer.call('documents.get', { id: ids.documentId });
    const [reviewId] = reviewer.db.prepare('SELECT id FROM reviews').pluck().all() as string[];
    const expected = [
      ...view.mentions.map((m) => ['mentions', m.id, m]),
      ...view.claims.map((c) => ['claims', c.id, withoutVerification(c)]),
      ...view.evidence.map((e) => ['evidence', e.id, e]),
      ['reviews', reviewId, expect.objectContaining({ id: reviewId, claimId: ids.claimId, comment: 'Source checked.', decision: 'comment' })]
    ];
    const inserts = received(entries).filter((e) => e.table !== 'entities' && e.table !== 'documents');
    expect(inserts.map((e) => [e.table, e.recordId, e.after])).toEqual(expect.arrayContaining(expected));
    expect(inserts).toHaveLength(expected.length);
    for (const entry of inserts) {
      expect(entry).toMatchObject({ before: null, user: 'Ben Reviewer', documentId: ids.documentId });
      expect(entry.receivedFrom).toEqual({ fileName: 'from-ana.factdesk.json', sender: 'Ana Checker' });
    }
  });

  it('page through the document history like any other entries: none lost, none twice, and later changes come after them', async () => {
    await reviewer.call('claims.update', { id: ids.claimId, explanation: 'Checked again.' });
    const all = (await reviewer.call('documents.history', { documentId: ids.documentId, limit: 1000 })).entries;
    expect(all[0]).toMatchObject({ action: 'claims.update', recordId: ids.claimId });
    expect(all[0]!.seq).toBeGreaterThan(Math.max(...received(all).map((e) => e.seq)));
    const paged: HistoryEntry[] = [];
    let beforeSeq: number | null = null;
    do {
      const page: { entries: HistoryEntry[]; nextBeforeSeq: number | null } = await reviewer.call('documents.history', {
        documentId: ids.documentId,
        limit: 2,
        ...(beforeSeq !== null && { beforeSeq })
      });
      expect(page.entries.length).toBeLessThanOrEqual(2);
      paged.push(...page.entries);
      beforeSeq = page.nextBeforeSeq;
    } while (beforeSeq !== null);
    expect(paged).toEqual(all);
    expect(received(all).length).toBeGreaterThan(2);
  });

  it('show in the claim history with the claim’s evidence and review, and no mention', async () => {
    const history = await reviewer.call('claims.history', { id: ids.claimId });
    expect(received(history).map((e) => [e.table, e.before])).toEqual(
      expect.arrayContaining([
        ['claims', null],
        ['evidence', null],
        ['reviews', null]
      ])
    );
    expect(received(history)).toHaveLength(3);
    const times = history.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });
});
