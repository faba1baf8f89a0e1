/**
 * A shared file's changes to what the whole library shares — an entity other documents use, a new
 * version of a verdict scale, a label — are never applied silently: they are conflicts or are left
 * out, listed in the report, and applied only with explicit consent.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/main';
import { type TempLibrary, createdId, tempLibrary } from '../helpers/temp-library';
import { type Annotated, type Json, annotate, b64, handEdited, open, pack, span } from './helpers';

let checker: TempLibrary;
let reviewer: TempLibrary;
let ids: Annotated;
let otherDocumentId: string;
let otherClaimId: string;

const OTHER_TEXT = 'Kim Kardashian West met prison reform advocates in Washington on Tuesday.';

/** The entity of the shared document is also the claimant of a verified claim in another document here. */
beforeEach(async () => {
  checker = tempLibrary('factdesk-library-checker-');
  reviewer = tempLibrary('factdesk-library-reviewer-');
  ids = await annotate(checker);
  const { document } = await checker.importText(OTHER_TEXT, 'other.txt');
  otherDocumentId = document.id;
  await checker.call('mentions.create', { documentId: otherDocumentId, ...span(OTHER_TEXT, 'Kim Kardashian West'), type: 'person', entityId: ids.entityId });
  otherClaimId = createdId(await checker.call('claims.create', { documentId: otherDocumentId, ...span(OTHER_TEXT, OTHER_TEXT.slice(0, -1)) }));
  await checker.call('claims.update', { id: otherClaimId, claimantId: ids.entityId, verdictLabel: 'True', explanation: 'Photos of the meeting.' });
  await checker.call('claims.transition', { id: otherClaimId, to: 'researching' });
  await checker.call('claims.transition', { id: otherClaimId, to: 'in review' });
  await checker.call('claims.transition', { id: otherClaimId, to: 'verified', confirmSelfReview: true });
  await reviewer.call('settings.update', { userName: 'Ben Reviewer' });
  await open(reviewer, (await pack(checker, ids.documentId)).content);
});
afterEach(() => {
  checker.close();
  reviewer.close();
});

const otherClaim = async () => (await checker.call('documents.get', { id: otherDocumentId })).claims[0]!;
const entityName = async () => (await checker.call('documents.get', { id: otherDocumentId })).entities[0]!.name;
const openWith = (content: string, acceptLibraryChanges: boolean) =>
  checker.call('exchange.open', { fileName: 'from-ben.factdesk.json', dataBase64: b64(content), acceptLibraryChanges });

describe('an entity other documents use', () => {
  it('renamed and retyped in a file: a conflict, not a silent rewrite of the other document’s verified claim', async () => {
    await reviewer.call('entities.update', { id: ids.entityId, name: 'Evil Corp', type: 'organization' });
    const file = (await pack(reviewer, ids.documentId)).content;

    const preview = await checker.call('exchange.preview', { fileName: 'from-ben.factdesk.json', dataBase64: b64(file) });
    expect(preview.libraryChanges).toEqual([
      'Entity "Kim Kardashian West" (used in 1 other document): name → "Evil Corp", type → "organization" — kept as a conflict to resolve.'
    ]);
    const report = await open(checker, file);
    expect(report.libraryChangesAccepted).toBe(false);
    expect(report.conflicts.remaining).toBe(2);
    expect(await entityName()).toBe('Kim Kardashian West');
    expect(await otherClaim()).toMatchObject({ status: 'verified', claimantId: ids.entityId });
    const conflicts = await checker.call('exchange.conflicts', { documentId: ids.documentId });
    expect(conflicts.map((c) => [c.recordType, c.field, c.mine, c.theirs])).toEqual([
      ['entity', 'name', 'Kim Kardashian West', 'Evil Corp'],
      ['entity', 'type', 'person', 'organization']
    ]);
  });

  it('is changed when the user consents, and the report says it was', async () => {
    await reviewer.call('entities.update', { id: ids.entityId, name: 'Kim Kardashian' });
    const report = await openWith((await pack(reviewer, ids.documentId)).content, true);
    expect(report.libraryChanges).toEqual(['Entity "Kim Kardashian West" (used in 1 other document): name → "Kim Kardashian" — applied.']);
    expect(report.conflicts.remaining).toBe(0);
    expect(await entityName()).toBe('Kim Kardashian');
  });

  it('used by no other document merges as before', async () => {
    await checker.call('mentions.delete', { id: (await checker.call('documents.get', { id: otherDocumentId })).mentions[0]!.id });
    await checker.call('claims.update', { id: otherClaimId, claimantId: null });
    await reviewer.call('entities.update', { id: ids.entityId, description: 'American media personality' });
    const report = await open(checker, (await pack(reviewer, ids.documentId)).content);
    expect(report).toMatchObject({ libraryChanges: [], conflicts: { remaining: 0 } });
  });
});

describe('verdict scales and labels from a file', () => {
  /** The reviewer's file, with a version 999 of the default scale (ratings inverted) and the Person label restyled. */
  async function hostileFile(): Promise<string> {
    const file: Json = JSON.parse((await pack(reviewer, ids.documentId)).content);
    const scale = file.verdictScales.find((s: Json) => s.id === 'default');
    file.verdictScales.push({
      ...scale,
      version: 999,
      labels: scale.labels.map((l: Json) => ({ ...l, value: l.value === null ? null : 6 - l.value }))
    });
    const person = file.labelSet.find((l: Json) => l.key === 'person');
    Object.assign(person, { name: 'Suspect', color: '#000000' });
    return handEdited(file);
  }

  it('a new version of a scale new verdicts would use, and a changed label, are left out without consent', async () => {
    const report = await open(checker, await hostileFile());
    expect(report.libraryChanges).toEqual([
      'Label "Person" #2f6fde → "Suspect" #000000: not applied, this library keeps its own.',
      'Verdict scale "Default five-point scale": version 999 from the file would replace version 1 for new verdicts (True 1, Mostly true 2, Half true 3, Mostly false 4, False 5, Misleading, Unverifiable, Not a factual claim): not added.'
    ]);
    expect(report.scalesAdded).toEqual([]);
    await checker.call('claims.update', { id: otherClaimId, verdictLabel: 'False' });
    const claim = await otherClaim();
    expect(claim.verdict).toMatchObject({ scaleId: 'default', scaleVersion: 1, label: 'False' });
    const labels = await checker.call('labels.list', {});
    expect(labels.find((l) => l.key === 'person')).toMatchObject({ name: 'Person', color: '#2f6fde' });
  });

  it('are applied with consent given on the command line', async () => {
    const file = join(checker.dir, 'from-ben.factdesk.json');
    writeFileSync(file, await hostileFile());
    const out: string[] = [];
    const status = await runCli(['open', file, '--accept-library-changes', '--data', checker.dir], { out: (t) => out.push(t), err: () => {} }, {}, checker.dir);
    expect(status).toBe(0);
    expect(out.join('\n')).toContain('changes to the whole library (applied):');
    await checker.call('claims.update', { id: otherClaimId, verdictLabel: 'False' });
    expect((await otherClaim()).verdict).toMatchObject({ scaleVersion: 999 });
  });
});
