import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../src/shared/api/contract';
import { type TempLibrary, SAMPLE_FILE, createdId, tempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.close());

async function sampleWithUser(user = 'Ana Checker') {
  await lib.call('settings.update', { userName: user });
  const { document } = await lib.importFile(SAMPLE_FILE);
  const view = await lib.call('documents.get', { id: document.id });
  return { id: document.id, text: view.document.text };
}

describe('the API contract at runtime', () => {
  it('answers an unknown method and malformed input with structured errors and changes nothing', async () => {
    const before = lib.snapshot();
    expect(await lib.service.call('documents.nuke', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const bad = await lib.service.call('mentions.create', { documentId: 'x', start: -1, end: 'a', type: 'person', extra: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!bad.ok) {
      expect(bad.error.details).toEqual(expect.arrayContaining([expect.stringMatching(/^\/start: /), expect.stringMatching(/^\/end: /)]));
    }
    expect(await lib.service.call('documents.get', null)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(lib.snapshot()).toBe(before);
  });

  it('has a handler for every method in the contract', async () => {
    for (const method of METHOD_NAMES) {
      const result = await lib.service.call(method, { __probe: true });
      expect(result.ok ? 'ok' : result.error.code, method).not.toBe('unknown_method');
    }
  });
});

describe('documents', () => {
  it('imports the sample, lists it with counts and finds its 4 gaps', async () => {
    const { id, text } = await sampleWithUser();
    expect(text.startsWith('Reality TV star   paid a visit')).toBe(true);
    const view = await lib.call('documents.get', { id });
    expect(view.gaps).toHaveLength(4);
    expect(view.gaps.map((g) => text.slice(g.start - 8, g.end + 4))).toEqual([
      ' TV star   paid', 't to the   to m', 'resident   and ', ' Sheriff  , a '
    ]);
    expect(await lib.call('documents.list', {})).toEqual([
      expect.objectContaining({ id, title: expect.stringContaining('Reality TV star'), mentionCount: 0, claimCount: 0 })
    ]);
  });

  it('opens the existing document when the same text is imported again', async () => {
    const first = await lib.importFile(SAMPLE_FILE);
    const again = await lib.importText(
      (await lib.call('documents.get', { id: first.document.id })).document.text,
      'copy.txt'
    );
    expect(first.existing).toBe(false);
    expect(again).toMatchObject({ existing: true, document: { id: first.document.id } });
    expect(await lib.call('documents.list', {})).toHaveLength(1);
  });

  it('refuses empty, binary and non-base64 uploads naming the file, and stores nothing', async () => {
    const before = lib.snapshot();
    const cases: [string, string, string][] = [
      ['empty.txt', '', 'empty'],
      ['image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]).toString('base64'), 'binary'],
      ['bad.txt', '***not base64***', 'invalid_input'],
      ['slides.pptx', Buffer.from('hello').toString('base64'), 'unsupported']
    ];
    for (const [fileName, dataBase64, code] of cases) {
      const result = await lib.service.call('documents.import', { fileName, dataBase64 });
      expect(result).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(result.error.message).toContain(fileName);
    }
    expect(lib.snapshot()).toBe(before);
  });

  it('deletes a document into the trash, annotations kept for a restore', async () => {
    const { id, text } = await sampleWithUser();
    const start = text.indexOf('Brittany K. Barnett');
    await lib.call('mentions.create', { documentId: id, start, end: start + 19, type: 'person' });
    await lib.call('documents.delete', { id });
    expect(await lib.call('documents.list', {})).toEqual([]);
    expect(lib.db.prepare('SELECT count(*) AS n FROM mentions').get()).toEqual({ n: 1 });
    expect(await lib.service.call('documents.get', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await lib.call('trash.list', {})).map((d) => d.id)).toEqual([id]);
  });
});

describe('mentions and entities', () => {
  it('requires a user name before annotating', async () => {
    const { document } = await lib.importFile(SAMPLE_FILE);
    const result = await lib.service.call('mentions.create', { documentId: document.id, start: 0, end: 7, type: 'person' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/name/) } });
  });

  it('creates a mention with its quote context and author, allows nesting, refuses bad spans', async () => {
    const { id, text } = await sampleWithUser();
    const start = text.indexOf('Brittany K. Barnett');
    const changes = await lib.call('mentions.create', { documentId: id, start, end: start + 19, type: 'person' });
    expect(changes.mentions.upsert).toEqual([
      expect.objectContaining({
        id: createdId(changes),
        exact: 'Brittany K. Barnett',
        prefix: text.slice(start - 32, start),
        suffix: text.slice(start + 19, start + 51),
        author: 'Ana Checker',
        origin: 'manual',
        status: 'accepted'
      })
    ]);
    expect(changes.undo).toMatchObject({ canUndo: true, canRedo: false, undoAction: 'mentions.create' });
    await lib.call('mentions.create', { documentId: id, start: start + 12, end: start + 19, type: 'person' });

    const before = lib.snapshot();
    for (const input of [
      { documentId: id, start, end: start + 19, type: 'person' },
      { documentId: id, start: 5, end: 5, type: 'person' },
      { documentId: id, start: 0, end: text.length + 1, type: 'person' },
      { documentId: id, start: 0, end: 4, type: 'spaceship' },
      { documentId: 'nope', start: 0, end: 4, type: 'person' },
      { documentId: id, start: 0, end: 4, type: 'person', masked: true }
    ]) {
      expect((await lib.service.call('mentions.create', input)).ok, JSON.stringify(input)).toBe(false);
    }
    expect(lib.snapshot()).toBe(before);
  });

  it('turns a gap into a masked mention with a restoration and an entity link', async () => {
    const { id } = await sampleWithUser();
    const [gap] = (await lib.call('documents.get', { id })).gaps;
    const entity = createdId(await lib.call('entities.create', { documentId: id, name: 'Kim Kardashian West', type: 'person' }));
    const changes = await lib.call('mentions.create', {
      documentId: id, start: gap!.start, end: gap!.end, type: 'person', masked: true, restoration: 'Kim Kardashian West', entityId: entity
    });
    expect(changes.mentions.upsert[0]).toMatchObject({ masked: true, restoration: 'Kim Kardashian West', entityId: entity, exact: '   ' });
    const view = await lib.call('documents.get', { id });
    expect(view.entities.map((e) => e.name)).toEqual(['Kim Kardashian West']);
  });

  it('rejects spans that would split an astral character', async () => {
    await lib.call('settings.update', { userName: 'Ana' });
    const { document } = await lib.importText('Fans 😀 of 𝔘nity cheered.');
    const text = (await lib.call('documents.get', { id: document.id })).document.text;
    const emoji = text.indexOf('😀');
    expect(await lib.service.call('mentions.create', { documentId: document.id, start: emoji + 1, end: emoji + 6, type: 'other' })).toMatchObject({ ok: false });
    const u = text.indexOf('𝔘');
    const ok = await lib.call('mentions.create', { documentId: document.id, start: u, end: u + 6, type: 'other' });
    expect(ok.mentions.upsert[0]!.exact).toBe('𝔘nity');
  });
});

describe('claims, evidence and the workflow', () => {
  async function claimInReview() {
    const { id, text } = await sampleWithUser('Ana Checker');
    const start = text.indexOf('Trump has issued just a handful of pardons');
    const claimId = createdId(await lib.call('claims.create', { documentId: id, start, end: start + 42 }));
    await lib.call('claims.update', { id: claimId, verdictLabel: 'Mostly true', explanation: 'Pardon records.' });
    await lib.call('evidence.create', { claimId, relation: 'supports', title: 'DOJ pardons list', url: 'https://www.justice.gov/pardon' });
    await lib.call('claims.transition', { id: claimId, to: 'researching' });
    await lib.call('claims.transition', { id: claimId, to: 'in review' });
    return { id, claimId };
  }

  it('records the verdict with its scale and version and keeps evidence in order', async () => {
    const { id, claimId } = await claimInReview();
    const view = await lib.call('documents.get', { id });
    expect(view.claims[0]).toMatchObject({
      id: claimId, text: 'Trump has issued just a handful of pardons', status: 'in review',
      verdict: { scaleId: 'default', scaleVersion: 1, label: 'Mostly true' }, author: 'Ana Checker'
    });
    expect(view.evidence).toEqual([expect.objectContaining({ claimId, relation: 'supports', position: 0 })]);
    expect(await lib.service.call('claims.update', { id: claimId, verdictLabel: 'Pants on fire' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses every move the workflow does not allow', async () => {
    const { id, text } = await sampleWithUser('Ana Checker');
    const claimId = createdId(await lib.call('claims.create', { documentId: id, start: 0, end: 40 }));
    const refused = async (to: string, extra = {}) =>
      expect((await lib.service.call('claims.transition', { id: claimId, to, ...extra })).ok, to).toBe(false);
    await refused('in review');
    await refused('verified');
    await refused('changes requested', { comment: 'x' });
    await lib.call('claims.transition', { id: claimId, to: 'researching' });
    await refused('open');
    await refused('in review'); // no verdict yet
    await lib.call('claims.update', { id: claimId, verdictLabel: 'False' });
    await lib.call('claims.transition', { id: claimId, to: 'in review' });
    await refused('researching');
    await refused('verified'); // the checker may not approve without confirming self-review
    await refused('changes requested'); // needs a comment
    expect(text.length).toBeGreaterThan(40);
  });

  it('lets another user approve; the checker may only self-review after confirming', async () => {
    const { claimId } = await claimInReview();
    await lib.call('settings.update', { userName: 'Rui Reviewer' });
    const approved = await lib.call('reviews.create', { claimId, decision: 'approve', comment: 'Checked the list.' });
    expect(approved.claims.upsert[0]).toMatchObject({ status: 'verified' });
    expect(approved.reviews.upsert[0]).toMatchObject({ author: 'Rui Reviewer', decision: 'approve', selfReview: false });

    await lib.call('settings.update', { userName: 'Ana Checker' });
    const edited = await lib.call('claims.update', { id: claimId, explanation: 'Pardon records, updated.' });
    expect(edited.claims.upsert[0]).toMatchObject({ status: 'in review' });
    const self = await lib.call('claims.transition', { id: claimId, to: 'verified', confirmSelfReview: true });
    expect(self.claims.upsert[0]).toMatchObject({ status: 'verified' });
    expect(self.reviews.upsert[0]).toMatchObject({ author: 'Ana Checker', selfReview: true });
  });

  it('sends a verified claim back to review when its evidence changes', async () => {
    const { id, claimId } = await claimInReview();
    await lib.call('settings.update', { userName: 'Rui Reviewer' });
    await lib.call('reviews.create', { claimId, decision: 'approve' });
    await lib.call('settings.update', { userName: 'Ana Checker' });
    const evidenceId = (await lib.call('documents.get', { id })).evidence[0]!.id;
    const changes = await lib.call('evidence.update', { id: evidenceId, excerpt: 'New excerpt' });
    expect(changes.claims.upsert[0]).toMatchObject({ status: 'in review' });
  });
});

describe('history, undo and redo', () => {
  it('logs every change with user, before and after, and undoes/redoes a claim with its evidence', async () => {
    const { id, text } = await sampleWithUser();
    const start = text.indexOf('Brittany K. Barnett');
    const mention = createdId(await lib.call('mentions.create', { documentId: id, start, end: start + 19, type: 'person' }));
    await lib.call('mentions.update', { id: mention, type: 'organization' });
    const claimId = createdId(await lib.call('claims.create', { documentId: id, start: 0, end: 40 }));
    await lib.call('evidence.create', { claimId, relation: 'context', title: 'Source' });
    await lib.call('claims.delete', { id: claimId });
    expect((await lib.call('documents.get', { id })).claims).toEqual([]);

    const undone = await lib.call('history.undo', { documentId: id });
    expect(undone.claims.upsert.map((c) => c.id)).toEqual([claimId]);
    expect(undone.evidence.upsert).toHaveLength(1);
    await lib.call('history.undo', { documentId: id }); // evidence.create
    await lib.call('history.undo', { documentId: id }); // claims.create
    const typeUndone = await lib.call('history.undo', { documentId: id });
    expect(typeUndone.mentions.upsert[0]).toMatchObject({ id: mention, type: 'person' });
    const redone = await lib.call('history.redo', { documentId: id });
    expect(redone.mentions.upsert[0]).toMatchObject({ id: mention, type: 'organization' });
    expect(redone.undo).toMatchObject({ canUndo: true, canRedo: true, redoAction: 'claims.create' });

    // A new edit clears the redo stack.
    const after = await lib.call('mentions.update', { id: mention, type: 'location' });
    expect(after.undo.canRedo).toBe(false);

    const rows = lib.db.prepare("SELECT user, action, table_name, before_json, after_json FROM history WHERE record_id = ? ORDER BY seq").all(mention) as Record<string, string | null>[];
    expect(rows[0]).toMatchObject({ user: 'Ana Checker', action: 'mentions.create', table_name: 'mentions', before_json: null });
    expect(JSON.parse(rows[1]!.before_json!)).toMatchObject({ type: 'person' });
    expect(JSON.parse(rows[1]!.after_json!)).toMatchObject({ type: 'organization' });
  });

  it('says when there is nothing to undo or redo', async () => {
    const { id } = await sampleWithUser();
    expect(await lib.service.call('history.undo', { documentId: id })).toMatchObject({ ok: false, error: { code: 'nothing_to_undo' } });
    expect(await lib.service.call('history.redo', { documentId: id })).toMatchObject({ ok: false, error: { code: 'nothing_to_redo' } });
  });

  it('refuses to undo over a change made elsewhere, leaving the data as it was', async () => {
    const { id } = await sampleWithUser();
    const entity = createdId(await lib.call('entities.create', { documentId: id, name: 'Alice Marie Johnson', type: 'person' }));
    await lib.call('entities.update', { id: entity, description: 'Changed from the registry' });
    const before = lib.snapshot();
    expect(await lib.service.call('history.undo', { documentId: id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(lib.snapshot()).toBe(before);
  });
});
