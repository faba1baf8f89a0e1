import { describe, expect, it } from 'vitest';
import { historySteps } from '../../../src/renderer/lib/claim-history';
import type { Claim, HistoryEntry, Review } from '../../../src/shared/domain';

const claim = (patch: Partial<Claim>): Claim => ({
  id: 'c1',
  documentId: 'd1',
  start: 0,
  end: 5,
  exact: 'Claim',
  prefix: '',
  suffix: '',
  text: 'Claim',
  claimantId: null,
  claimDate: null,
  score: null,
  scoreReason: null,
  status: 'open',
  verdict: null,
  explanation: '',
  author: 'Ada',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...patch
});

let seq = 100;
const entry = (groupId: string, user: string, action: string, table: string, before: unknown, after: unknown): HistoryEntry => ({
  seq: seq--,
  groupId,
  documentId: 'd1',
  at: '2026-01-01T00:00:00.000Z',
  user,
  action,
  table,
  recordId: 'c1',
  before,
  after,
  receivedFrom: null
});

const verdict = (label: string) => ({ scaleId: 's', scaleVersion: 1, label });

describe('claim history steps', () => {
  it('turns the rows of each change group into one step with what changed', () => {
    const review: Review = { id: 'r1', claimId: 'c1', author: 'Bea', decision: 'approve', comment: 'Fine.', selfReview: false, createdAt: '', content: null, contentHash: null, publicKey: null, signature: null };
    const steps = historySteps([
      // newest first, as claims.history returns them; the approval wrote two rows in one group
      entry('g4', 'Bea', 'reviews.approve', 'reviews', null, review),
      entry('g4', 'Bea', 'reviews.approve', 'claims', claim({ status: 'in review' }), claim({ status: 'verified' })),
      entry('g3', 'Ada', 'claims.in review', 'claims', claim({ status: 'researching' }), claim({ status: 'in review' })),
      entry('g2', 'Ada', 'claims.update', 'claims', claim({}), claim({ verdict: verdict('True'), explanation: 'DOJ list' })),
      entry('g1', 'Ada', 'claims.create', 'claims', null, claim({}))
    ]);
    expect(steps.map((s) => [s.title, s.user, s.details])).toEqual([
      ['Approved', 'Bea', ['“Fine.”', 'Status: in review → verified']],
      ['Sent for review', 'Ada', ['Status: researching → in review']],
      ['Edited the claim', 'Ada', ['Verdict: none → True', 'Explanation: empty → “DOJ list”']],
      ['Marked the claim', 'Ada', []]
    ]);
  });

  it('names undo and redo by what they reverted, and evidence by its title and changed fields in words', () => {
    const evidence = { id: 'e1', claimId: 'c1', relation: 'supports', title: 'DOJ pardon list', url: '', archivedUrl: '', publisher: '', accessedAt: '', excerpt: '', note: '', position: 0, author: 'Ada', createdAt: '', updatedAt: '' };
    const steps = historySteps([
      entry('g2', 'Ada', 'undo evidence.update', 'evidence', { ...evidence, url: 'https://justice.gov', archivedUrl: 'https://web.archive.org/x', accessedAt: '2024-05-01' }, evidence),
      entry('g1', 'Ada', 'reviews.approve', 'reviews', null, { id: 'r', claimId: 'c1', author: 'Ada', decision: 'approve', comment: '', selfReview: true, createdAt: '' })
    ]);
    expect(steps.map((s) => [s.title, s.details])).toEqual([
      ['Undid: edited evidence', ['Evidence “DOJ pardon list”: URL, archived URL, date accessed changed']],
      ['Approved', ['self-reviewed']]
    ]);
  });

  it('names the real actor of received work, the file it came from, and never a raw action name', () => {
    const review: Review = { id: 'r1', claimId: 'c1', author: 'Bea', decision: 'approve', comment: '', selfReview: false, createdAt: '', content: null, contentHash: null, publicKey: null, signature: null };
    const received = { fileName: 'from-bea.factdesk.json', sender: 'Bea' };
    const steps = historySteps([
      { ...entry('g3', 'Ada', 'exchange.open', 'reviews', null, review), receivedFrom: received },
      { ...entry('g3', 'Ada', 'exchange.open', 'claims', claim({ explanation: 'a' }), claim({ explanation: 'b' })), receivedFrom: received },
      entry('g2', 'Ada', 'some.futureMethod', 'claims', claim({}), claim({})),
      entry('g1', 'Ada', 'undo claims.update', 'claims', claim({ claimDate: '2020-01-01' }), claim({}))
    ]);
    expect(steps.map((s) => [s.title, s.user, s.received, s.details])).toEqual([
      ['Approved', 'Bea', { fileName: 'from-bea.factdesk.json', openedBy: 'Ada', signature: null }, []],
      ['Edited the claim', 'Bea', { fileName: 'from-bea.factdesk.json', openedBy: 'Ada', signature: null }, ['Explanation: “a” → “b”']],
      ['Changed', 'Ada', null, []],
      ['Undid: edited the claim', 'Ada', null, ['Claim date: “2020-01-01” → empty']]
    ]);
  });

  it('says whether the signature of a received review is valid, and why not', () => {
    const received = { fileName: 'from-bea.factdesk.json', sender: 'Bea' };
    const review = (id: string, decision: Review['decision']): Review => ({ id, claimId: 'c1', author: 'Bea', decision, comment: '', selfReview: false, createdAt: '', content: null, contentHash: null, publicKey: null, signature: null });
    const steps = historySteps([
      { ...entry('g3', 'Ada', 'exchange.open', 'reviews', null, review('r3', 'approve')), receivedFrom: received, signature: 'valid' },
      { ...entry('g2', 'Ada', 'exchange.open', 'reviews', null, review('r2', 'request changes')), receivedFrom: received, signature: 'key changed' },
      { ...entry('g1', 'Ada', 'exchange.open', 'reviews', null, review('r1', 'approve')), receivedFrom: received, signature: 'bad signature' }
    ]);
    expect(steps.map((s) => `${s.title} by ${s.user} — ${s.received!.signature}`)).toEqual([
      'Approved by Bea — signature valid',
      'Requested changes by Bea — signature not valid: signed with another key than the one this library trusts for Bea',
      'Approved by Bea — signature not valid: the review was altered after it was signed'
    ]);
  });
});
