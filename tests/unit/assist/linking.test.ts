import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempLibrary, createdId, tempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
beforeEach(async () => {
  lib = tempLibrary('factdesk-linking-');
  await lib.call('settings.update', { userName: 'Ana Checker' });
});
afterEach(() => lib.close());

const TEXT = 'Acme Corp said on Monday that Acme Corp will hire. Acme Corp denied it. Acme is a brand of Acme Corp.';

/** The spans of every occurrence of `needle` in `text`. */
const spans = (text: string, needle: string) => [...text.matchAll(new RegExp(needle, 'g'))].map((m) => ({ start: m.index, end: m.index + needle.length }));

async function article(text = TEXT, name = 'acme.txt') {
  const { document } = await lib.importText(text, name);
  return document.id;
}

const entitiesNamed = async (name: string) => (await lib.call('entities.list', { query: name })).filter((e) => e.name === name);
const mentionsOf = async (id: string) => (await lib.call('documents.get', { id })).mentions;

describe('accepting suggestions links them to the registry', () => {
  it('links every accepted mention of a name to one entity, made once, and undo takes it back', async () => {
    const id = await article();
    const acme = spans(TEXT, 'Acme Corp').map((s) => ({ ...s, type: 'organization' }));
    const changes = await lib.call('assist.acceptEntities', { documentId: id, suggestions: acme });
    const [entity, ...more] = await entitiesNamed('Acme Corp');
    expect(more).toEqual([]);
    expect(entity).toMatchObject({ type: 'organization' });
    expect(changes.entities.upsert.map((e) => e.id)).toEqual([entity!.id]);
    expect((await mentionsOf(id)).map((m) => m.entityId)).toEqual(acme.map(() => entity!.id));

    await lib.call('history.undo', { documentId: id });
    expect(await mentionsOf(id)).toEqual([]);
    expect(await entitiesNamed('Acme Corp')).toEqual([]);
  });

  it('links to an existing entity of that name and type (sent with the change), and keeps an entity the suggestion names', async () => {
    const id = await article();
    const existing = createdId(await lib.call('entities.create', { name: 'acme corp', type: 'organization' }));
    const brand = createdId(await lib.call('entities.create', { name: 'Acme brand', type: 'work' }));
    const [first] = spans(TEXT, 'Acme Corp');
    const [acme] = spans(TEXT, 'Acme is').map((s) => ({ start: s.start, end: s.start + 4 }));
    const changes = await lib.call('assist.acceptEntities', {
      documentId: id,
      suggestions: [
        { ...first!, type: 'organization' },
        { ...acme!, type: 'work', entityId: brand }
      ]
    });
    expect(changes.entities.upsert.map((e) => e.id).sort()).toEqual([existing, brand].sort());
    expect((await mentionsOf(id)).map((m) => [m.exact, m.entityId])).toEqual([
      ['Acme Corp', existing],
      ['Acme', brand]
    ]);
    expect(await entitiesNamed('Acme Corp')).toEqual([]);
  });

  it('a Person and an Organization of the same text are two entities', async () => {
    const id = await article('Jordan met Jordan officials. Jordan said so.');
    const [person, country] = spans('Jordan met Jordan officials. Jordan said so.', 'Jordan');
    await lib.call('assist.acceptEntities', { documentId: id, suggestions: [{ ...person!, type: 'person' }, { ...country!, type: 'location' }] });
    expect((await entitiesNamed('Jordan')).map((e) => e.type).sort()).toEqual(['location', 'person']);
  });
});

describe('label all occurrences links them to the registry', () => {
  it('links an unlinked mention and every occurrence to one entity, in this document and others; one undo here', async () => {
    const id = await article();
    const other = await article('Acme Corp again.', 'other.txt');
    const [first] = spans(TEXT, 'Acme Corp');
    const source = createdId(await lib.call('mentions.create', { documentId: id, ...first!, type: 'organization' }));
    const outcome = await lib.call('assist.propagate', { mentionId: source, scope: 'library' });
    expect(outcome.total).toBe(4);
    const [entity, ...more] = await entitiesNamed('Acme Corp');
    expect(more).toEqual([]);
    expect(outcome.changes.entities.upsert.map((e) => e.id)).toEqual([entity!.id]);
    expect((await mentionsOf(id)).map((m) => m.entityId)).toEqual([entity!.id, entity!.id, entity!.id, entity!.id]);
    expect((await mentionsOf(other)).map((m) => m.entityId)).toEqual([entity!.id]);

    await lib.call('history.undo', { documentId: id });
    expect((await mentionsOf(id)).map((m) => [m.id, m.entityId])).toEqual([[source, null]]);
    expect(await entitiesNamed('Acme Corp')).toEqual([]);
  });

  it('makes no entity when there is nothing to label', async () => {
    const id = await article('Acme Corp once.');
    const source = createdId(await lib.call('mentions.create', { documentId: id, start: 0, end: 9, type: 'organization' }));
    expect((await lib.call('assist.propagate', { mentionId: source, scope: 'document' })).total).toBe(0);
    expect(await entitiesNamed('Acme Corp')).toEqual([]);
    expect((await mentionsOf(id))[0]!.entityId).toBeNull();
  });
});

describe('link all unlinked mentions of this text', () => {
  async function marked() {
    const id = await article();
    const ids: string[] = [];
    for (const span of spans(TEXT, 'Acme Corp')) ids.push(createdId(await lib.call('mentions.create', { documentId: id, ...span, type: 'organization' })));
    const [acme] = spans(TEXT, 'Acme is');
    const otherType = createdId(await lib.call('mentions.create', { documentId: id, start: acme!.start, end: acme!.start + 4, type: 'organization' }));
    return { id, ids, otherText: otherType };
  }

  it('links every unlinked mention of the same text and type to the registry entity of that name, in one undo step', async () => {
    const { id, ids, otherText } = await marked();
    const other = await article('Acme Corp elsewhere.', 'other.txt');
    const elsewhere = createdId(await lib.call('mentions.create', { documentId: other, start: 0, end: 9, type: 'organization' }));
    const person = ids[3]!;
    await lib.call('mentions.update', { id: person, type: 'person' });

    const changes = await lib.call('mentions.linkSameText', { id: ids[0]! });
    const [entity] = await entitiesNamed('Acme Corp');
    expect(changes.mentions.upsert.map((m) => m.id).sort()).toEqual(ids.slice(0, 3).sort());
    expect(changes.entities.upsert).toEqual([entity]);
    expect(changes.undo.undoAction).toBe('mentions.linkSameText');
    const after = new Map((await mentionsOf(id)).map((m) => [m.id, m.entityId]));
    expect(after.get(person)).toBeNull(); // another type
    expect(after.get(otherText)).toBeNull(); // another text
    expect((await mentionsOf(other)).find((m) => m.id === elsewhere)!.entityId).toBeNull(); // another document

    await lib.call('history.undo', { documentId: id });
    expect((await mentionsOf(id)).every((m) => m.entityId === null)).toBe(true);
    expect(await entitiesNamed('Acme Corp')).toEqual([]);
  });

  it("from a linked mention, links the others to that mention's entity", async () => {
    const { id, ids } = await marked();
    const chosen = createdId(await lib.call('entities.create', { name: 'Acme Corporation Inc.', type: 'organization' }));
    await lib.call('mentions.update', { id: ids[1]!, entityId: chosen });
    const changes = await lib.call('mentions.linkSameText', { id: ids[1]! });
    expect(changes.mentions.upsert.map((m) => m.id).sort()).toEqual([ids[0]!, ids[2]!, ids[3]!].sort());
    expect((await mentionsOf(id)).filter((m) => m.exact === 'Acme Corp').map((m) => m.entityId)).toEqual(ids.map(() => chosen));
    expect(await entitiesNamed('Acme Corp')).toEqual([]);
  });

  it('refuses a masked gap, or a text with nothing left to link, and changes nothing', async () => {
    const { ids } = await marked();
    await lib.call('mentions.linkSameText', { id: ids[0]! });
    const before = lib.snapshot();
    expect(await lib.service.call('mentions.linkSameText', { id: ids[0]! })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Every mention of “Acme Corp” is already linked.' }
    });
    expect(await lib.service.call('mentions.linkSameText', { id: 'nope' })).toMatchObject({ ok: false });

    const masked = await article('The visit of      was confirmed.', 'masked.txt');
    const gap = (await lib.call('documents.get', { id: masked })).gaps[0]!;
    const gapMention = createdId(await lib.call('mentions.create', { documentId: masked, ...gap, type: 'person', masked: true }));
    const withGap = lib.snapshot();
    expect(await lib.service.call('mentions.linkSameText', { id: gapMention })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(lib.snapshot()).toBe(withGap);
    expect(withGap).not.toBe(before);
  });
});
