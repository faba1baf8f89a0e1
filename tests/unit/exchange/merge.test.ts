import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempLibrary, createdId, tempLibrary } from '../helpers/temp-library';
import { type Annotated, annotate, b64, handEdited, open, pack, snapshot, span, tryOpen } from './helpers';

let mine: TempLibrary;
let theirs: TempLibrary;
let ids: Annotated;

/** Both libraries hold the same annotated document, as after one exchange. */
beforeEach(async () => {
  mine = tempLibrary('factdesk-mine-');
  theirs = tempLibrary('factdesk-theirs-');
  ids = await annotate(mine);
  await theirs.call('settings.update', { userName: 'Ben Reviewer' });
  await open(theirs, (await pack(mine, ids.documentId)).content);
});
afterEach(() => {
  mine.close();
  theirs.close();
});

const claimOf = async (lib: TempLibrary) => (await lib.call('documents.get', { id: ids.documentId })).claims.find((c) => c.id === ids.claimId);
const conflicts = (lib: TempLibrary) => lib.call('exchange.conflicts', { documentId: ids.documentId });

describe('merging edits', () => {
  it('merges edits to different fields and records without conflict, both ways', async () => {
    await mine.call('claims.update', { id: ids.claimId, explanation: 'Announced by the White House; confirmed by DOJ.' });
    await theirs.call('entities.update', { id: ids.entityId, description: 'American media personality' });
    await theirs.call('evidence.update', { id: ids.evidenceId, note: 'Archived copy checked.' });
    const report = await open(mine, (await pack(theirs, ids.documentId)).content);
    expect(report).toMatchObject({ records: { updated: 2 }, conflicts: { created: 0, remaining: 0 } });
    const view = await mine.call('documents.get', { id: ids.documentId });
    expect(view.claims[0]!.explanation).toBe('Announced by the White House; confirmed by DOJ.');
    expect(view.entities[0]!.description).toBe('American media personality');
    expect(view.evidence[0]!.note).toBe('Archived copy checked.');

    // Back the other way: they get my explanation, and nothing of theirs is undone.
    const back = await open(theirs, (await pack(mine, ids.documentId)).content);
    expect(back.conflicts.remaining).toBe(0);
    const theirView = await theirs.call('documents.get', { id: ids.documentId });
    expect(theirView.claims[0]!.explanation).toBe('Announced by the White House; confirmed by DOJ.');
    expect(theirView.evidence[0]!.note).toBe('Archived copy checked.');
  });

  it('adds annotations made on either side', async () => {
    const mentionId = createdId(
      await theirs.call('mentions.create', { documentId: ids.documentId, ...span(ids.text, 'Alice Marie Johnson'), type: 'person' })
    );
    const report = await open(mine, (await pack(theirs, ids.documentId)).content);
    expect(report).toMatchObject({ records: { added: 1 }, anchoring: { exact: 1, fuzzy: 0, orphaned: 0 } });
    const added = (await mine.call('documents.get', { id: ids.documentId })).mentions.find((m) => m.id === mentionId);
    expect(added).toMatchObject({ ...span(ids.text, 'Alice Marie Johnson'), exact: 'Alice Marie Johnson', author: 'Ben Reviewer' });
  });
});

describe('conflicts', () => {
  it('lists a field both sides changed, leaves mine in place until resolved, and resolves by taking theirs', async () => {
    await mine.call('claims.update', { id: ids.claimId, explanation: 'Mine: the White House said so.' });
    await theirs.call('claims.update', { id: ids.claimId, explanation: 'Theirs: the DOJ list shows it.' });
    const report = await open(mine, (await pack(theirs, ids.documentId)).content, 'from-ben.factdesk.json');
    expect(report.conflicts).toEqual({ created: 1, remaining: 1 });
    expect((await claimOf(mine))!.explanation).toBe('Mine: the White House said so.');
    const [conflict] = await conflicts(mine);
    expect(conflict).toMatchObject({
      recordType: 'claim',
      recordId: ids.claimId,
      field: 'explanation',
      base: 'The White House announced it.',
      mine: 'Mine: the White House said so.',
      theirs: 'Theirs: the DOJ list shows it.',
      theirsAuthor: 'Ben Reviewer',
      fileName: 'from-ben.factdesk.json',
      editable: true,
      recordLabel: expect.stringMatching(/^Claim "The 💊 sentence of Alice Marie Johnson, 63, was commuted in .*…"$/)
    });
    expect((await mine.service.call('exchange.pack', { documentId: ids.documentId })).ok).toBe(false);

    const outcome = await mine.call('exchange.resolve', { conflictId: conflict!.id, choice: 'theirs' });
    expect(outcome.remaining).toBe(0);
    expect(outcome.changes.claims.upsert[0]!.explanation).toBe('Theirs: the DOJ list shows it.');
    expect(await conflicts(mine)).toEqual([]);
    // My decision travels: they merge it without a new conflict.
    const back = await open(theirs, (await pack(mine, ids.documentId)).content);
    expect(back.conflicts.remaining).toBe(0);
  });

  it('resolves by keeping mine, or by an edited value that is checked like the file', async () => {
    await mine.call('claims.update', { id: ids.claimId, verdictLabel: 'Mostly true' });
    await mine.call('claims.update', { id: ids.claimId, explanation: 'Mine.' });
    await theirs.call('claims.update', { id: ids.claimId, verdictLabel: 'Half true' });
    await theirs.call('claims.update', { id: ids.claimId, explanation: 'Theirs.' });
    await open(mine, (await pack(theirs, ids.documentId)).content);
    const list = await conflicts(mine);
    expect(list.map((c) => c.field).sort()).toEqual(['explanation', 'verdict']);
    const verdict = list.find((c) => c.field === 'verdict')!;
    const explanation = list.find((c) => c.field === 'explanation')!;

    const bad = await mine.service.call('exchange.resolve', { conflictId: verdict.id, choice: 'value', value: { scaleId: 'default', scaleVersion: 1, label: 'Pants on fire' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Pants on fire') } });
    const malformed = await mine.service.call('exchange.resolve', { conflictId: explanation.id, choice: 'value', value: 42 });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    await mine.call('exchange.resolve', { conflictId: verdict.id, choice: 'mine' });
    const edited = await mine.call('exchange.resolve', { conflictId: explanation.id, choice: 'value', value: 'Both: White House and DOJ.' });
    expect(edited.remaining).toBe(0);
    expect(await claimOf(mine)).toMatchObject({ verdict: { label: 'Mostly true' }, explanation: 'Both: White House and DOJ.' });
  });

  it('an edit here against a deletion there is a conflict; taking theirs deletes the claim with its evidence', async () => {
    await mine.call('evidence.update', { id: ids.evidenceId, note: 'I added a note.' });
    await theirs.call('claims.delete', { id: ids.claimId });
    const report = await open(mine, (await pack(theirs, ids.documentId)).content);
    expect(report.conflicts).toEqual({ created: 1, remaining: 1 });
    const [conflict] = await conflicts(mine);
    expect(conflict).toMatchObject({ recordType: 'claim', field: null, theirs: null, editable: false });
    expect(await claimOf(mine)).toBeDefined();
    const refused = await mine.service.call('exchange.resolve', { conflictId: conflict!.id, choice: 'value', value: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const outcome = await mine.call('exchange.resolve', { conflictId: conflict!.id, choice: 'theirs' });
    expect(outcome.changes.claims.remove).toEqual([ids.claimId]);
    expect(outcome.changes.evidence.remove).toEqual([ids.evidenceId]);
    expect(await claimOf(mine)).toBeUndefined();
  });

  it('a deletion here against an edit there is a conflict; taking theirs restores the claim with its evidence and reviews', async () => {
    await theirs.call('claims.update', { id: ids.claimId, explanation: 'Theirs, edited.' });
    await theirs.call('reviews.create', { claimId: ids.claimId, decision: 'comment', comment: 'Keep this one.' });
    await mine.call('claims.delete', { id: ids.claimId });
    const report = await open(mine, (await pack(theirs, ids.documentId)).content);
    expect(report.conflicts.remaining).toBe(1);
    const [conflict] = await conflicts(mine);
    expect(conflict).toMatchObject({ recordType: 'claim', field: null, mine: null });
    expect(await claimOf(mine)).toBeUndefined();

    await mine.call('exchange.resolve', { conflictId: conflict!.id, choice: 'theirs' });
    const view = await mine.call('documents.get', { id: ids.documentId });
    expect(view.claims.find((c) => c.id === ids.claimId)).toMatchObject({
      ...span(ids.text, 'The 💊 sentence of Alice Marie Johnson, 63, was commuted in June 2018'),
      explanation: 'Theirs, edited.'
    });
    expect(view.evidence.map((e) => e.id)).toEqual([ids.evidenceId]);
    expect(view.reviews.map((r) => r.comment)).toEqual(['Keep this one.']);
  });

  it('applies a deletion there when mine is unchanged since, and keeps a deletion here against an unchanged copy there', async () => {
    await theirs.call('mentions.delete', { id: ids.astralMentionId });
    await mine.call('mentions.delete', { id: ids.mentionId });
    const report = await open(mine, (await pack(theirs, ids.documentId)).content);
    expect(report).toMatchObject({ records: { deleted: 1 }, conflicts: { created: 0 } });
    expect((await mine.call('documents.get', { id: ids.documentId })).mentions).toEqual([]);
  });

  it('unites reviews and comments from both sides without conflict', async () => {
    await mine.call('reviews.create', { claimId: ids.claimId, decision: 'comment', comment: 'Mine: check the date.' });
    await theirs.call('reviews.create', { claimId: ids.claimId, decision: 'comment', comment: 'Theirs: date is fine.' });
    const report = await open(mine, (await pack(theirs, ids.documentId)).content);
    expect(report).toMatchObject({ reviewsAdded: 1, conflicts: { created: 0 } });
    const comments = (await mine.call('documents.get', { id: ids.documentId })).reviews.map((r) => r.comment);
    expect(comments.sort()).toEqual(['Mine: check the date.', 'Theirs: date is fine.']);
  });

  it('does not let an approval there verify a claim whose verdict changed here', async () => {
    await mine.call('claims.update', { id: ids.claimId, verdictLabel: 'Mostly true' });
    await theirs.call('reviews.create', { claimId: ids.claimId, decision: 'approve' });
    await open(mine, (await pack(theirs, ids.documentId)).content);
    const approval = (await theirs.call('documents.get', { id: ids.documentId })).reviews.find((r) => r.decision === 'approve')!;
    await mine.call('keys.trust', { userName: 'Ben Reviewer', publicKey: approval.publicKey! });
    // Their approval is of the verdict they saw ("True"): here it is outdated, with no status to fight over.
    expect(await claimOf(mine)).toMatchObject({
      status: 'in review',
      verdict: { label: 'Mostly true' },
      verification: { approval: { reviewer: 'Ben Reviewer', check: 'outdated', changed: ['verdict'] } }
    });
    expect(await conflicts(mine)).toEqual([]);
  });
});

describe('preview and failures', () => {
  it('previews an open with the same report, writing nothing', async () => {
    await theirs.call('claims.update', { id: ids.claimId, explanation: 'Theirs.' });
    const packed = await pack(theirs, ids.documentId);
    const before = snapshot(mine);
    const preview = await mine.call('exchange.preview', { fileName: 'x.factdesk.json', dataBase64: b64(packed.content) });
    expect(snapshot(mine)).toBe(before);
    const real = await open(mine, packed.content, 'x.factdesk.json');
    expect({ ...preview, dryRun: false }).toEqual(real);
    expect(preview).toMatchObject({ dryRun: true, records: { updated: 1 } });
  });

  it('rolls back everything when the merge fails halfway (a record of another document)', async () => {
    const other = await mine.importText('Another story entirely, about something else.', 'other.txt');
    const otherMention = createdId(await mine.call('mentions.create', { documentId: other.document.id, start: 0, end: 7, type: 'other' }));
    const file = JSON.parse((await pack(theirs, ids.documentId)).content);
    file.entities[0].description = 'changed, so the merge writes before it fails';
    const { createHash } = await import('node:crypto');
    const { canonicalJson } = await import('../../../src/main/export/canonical-json');
    const { revision: _r, baseRevisions: _b, ...content } = file.entities[0];
    file.entities[0].revision = createHash('sha256').update(canonicalJson(content)).digest('hex');
    file.mentions[1] = { ...file.mentions[1], id: otherMention };
    file.mentions[1].revision = createHash('sha256')
      .update(canonicalJson((({ revision: _, baseRevisions: __, target: ___, orphaned: ____, ...c }) => c)(file.mentions[1])))
      .digest('hex');
    const before = snapshot(mine);
    const result = await tryOpen(mine, handEdited(file));
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringMatching(
          new RegExp(`^Cannot open ".*" into this document: its mention ${otherMention} is already in another document of this library, "[^"]+" \\(${other.document.id}\\), and an annotation belongs to one document\\. Open the file into that document instead\\.$`)
        )
      }
    });
    expect(snapshot(mine)).toBe(before);
  });

  it('refuses records whose ids are orphans of another document here', async () => {
    const third = tempLibrary('factdesk-third-');
    try {
      const other = await third.importText('A story that quotes none of the annotated passages at all.', 'other.txt');
      const file = (await pack(theirs, ids.documentId)).content;
      const parked = await open(third, file, 'shared.factdesk.json', other.document.id);
      expect(parked.anchoring.orphaned).toBeGreaterThan(0);
      const before = snapshot(third);
      const result = await tryOpen(third, file);
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining(`is already in another document of this library, "${other.document.title}" (${other.document.id})`) } });
      expect(snapshot(third)).toBe(before);
    } finally {
      third.close();
    }
  });
});

describe('exchange bases', () => {
  // Every stored state, numbered in exchange order (sets are stored per exchange, their records in file order).
  const bases = (lib: TempLibrary) =>
    lib.db
      .prepare(
        `SELECT json_extract(r.value, '$[0]') AS record_type, json_extract(r.value, '$[1]') AS record_id, json_extract(r.value, '$[2]') AS revision,
           s.document_id, row_number() OVER (ORDER BY s.seq, r.key) AS seq
         FROM exchange_base_sets s, json_each(s.records_json) r ORDER BY seq`
      )
      .all() as {
      record_id: string;
      revision: string;
      seq: number;
    }[];

  it('stores each exchanged state once: reopening a file adds nothing, a changed record gets a newest base', async () => {
    const file = (await pack(mine, ids.documentId)).content;
    await open(theirs, file);
    const before = bases(theirs);
    expect(before.map((b) => b.record_id)).toEqual(expect.arrayContaining([ids.claimId, ids.mentionId, ids.entityId, ids.evidenceId]));
    expect(await open(theirs, file)).toMatchObject({ records: { added: 0, updated: 0 } });
    expect(bases(theirs)).toEqual(before);

    await mine.call('claims.update', { id: ids.claimId, explanation: 'Changed after the first exchange.' });
    const changed = JSON.parse((await pack(mine, ids.documentId)).content);
    expect(await open(theirs, JSON.stringify(changed))).toMatchObject({ records: { updated: 1 }, conflicts: { created: 0 } });
    const after = bases(theirs);
    const claimBases = after.filter((b) => b.record_id === ids.claimId);
    expect(claimBases).toHaveLength(2);
    expect(claimBases.at(-1)!.revision).toBe(changed.claims[0].revision);
    expect(claimBases.at(-1)!.seq).toBe(Math.max(...after.map((b) => b.seq)));
    expect(after.filter((b) => b.record_id !== ids.claimId)).toEqual(before.filter((b) => b.record_id !== ids.claimId));
  });
});
