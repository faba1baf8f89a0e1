/**
 * A document in the trash keeps its annotations as they were: every call that reads one record
 * or changes a record of it answers "not found", as for the document itself, and restoring the
 * document brings everything back unchanged.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { MethodName } from '../../../src/shared/api/contract';
import { type TempLibrary, SAMPLE_FILE, createdId, tempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary('factdesk-trashed-records-');
});
afterEach(() => lib.close());

it('refuses every change to the mentions, claims, evidence and reviews of a trashed document, and restores them unchanged', async () => {
  await lib.call('settings.update', { userName: 'Ana Checker' });
  const { document } = await lib.importFile(SAMPLE_FILE);
  const { text } = (await lib.call('documents.get', { id: document.id })).document;
  const at = text.indexOf('Trump');
  const mentionId = createdId(await lib.call('mentions.create', { documentId: document.id, start: at, end: at + 5, type: 'person' }));
  const start = text.indexOf('Trump has issued just a handful of pardons');
  const claimId = createdId(await lib.call('claims.create', { documentId: document.id, start, end: start + 42 }));
  const evidenceId = createdId(await lib.call('evidence.create', { claimId, relation: 'supports', title: 'Pardons list' }));
  await lib.call('claims.transition', { id: claimId, to: 'researching' });
  const before = await lib.call('documents.annotations', { id: document.id });
  await lib.call('documents.delete', { id: document.id });

  const calls: Array<[MethodName, Record<string, unknown>]> = [
    ['mentions.update', { id: mentionId, type: 'organization' }],
    ['mentions.delete', { id: mentionId }],
    ['mentions.linkSameText', { id: mentionId }],
    ['assist.propagate', { mentionId, scope: 'document' }],
    ['claims.update', { id: claimId, explanation: 'Changed in the trash.' }],
    ['claims.transition', { id: claimId, to: 'in review' }],
    ['claims.reviewView', { id: claimId }],
    ['claims.history', { id: claimId }],
    ['claims.delete', { id: claimId }],
    ['evidence.create', { claimId, relation: 'refutes', title: 'Another source' }],
    ['evidence.update', { id: evidenceId, title: 'Renamed in the trash' }],
    ['evidence.delete', { id: evidenceId }],
    ['reviews.create', { claimId, decision: 'comment', comment: 'Looked at it in the trash.' }],
    ['history.undo', { documentId: document.id }]
  ];
  for (const [method, input] of calls) {
    const answer = await lib.service.call(method, input as never);
    expect({ method, answer }).toMatchObject({ method, answer: { ok: false, error: { code: 'not_found' } } });
  }

  await lib.call('trash.restore', { id: document.id });
  expect(await lib.call('documents.annotations', { id: document.id })).toEqual(before);
  expect((await lib.call('claims.update', { id: claimId, explanation: 'Back from the trash.' })).claims.upsert).toHaveLength(1);
});
