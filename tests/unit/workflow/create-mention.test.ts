/** The rules of a new mention, checked on a real library: one function every path calls. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/main/errors';
import { runMutation } from '../../../src/main/store/history';
import { listMentions } from '../../../src/main/store/mentions';
import {
  type MentionTarget,
  type NewMention,
  DUPLICATE_MENTION,
  createMention,
  mentionSpanProblem,
  mentionTarget
} from '../../../src/main/workflow/create-mention';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';

/** A masked-name gap (a run of spaces where a name was) sits after "met". */
const TEXT = 'Officials said Jared Kushner met      at the White House.\n\nA second paragraph about Ivanka Trump.';
const at = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });
const GAP = { start: TEXT.indexOf('met') + 3, end: TEXT.indexOf('at the') };

let lib: TempLibrary;
let target: MentionTarget;
let ids = 0;
const context = () => ({ db: lib.db, clock: () => new Date('2026-02-03T04:05:06.000Z'), newId: () => `id-${(ids += 1)}`, user: 'Ana Checker' });

beforeEach(async () => {
  lib = tempLibrary('factdesk-create-mention-');
  const { document } = await lib.importText(TEXT);
  target = mentionTarget(lib.db, document.id);
});
afterEach(() => lib.close());

function create(fields: Partial<NewMention>, duplicate: 'refuse' | 'skip' = 'refuse') {
  const mention: NewMention = { ...at('Jared Kushner'), type: 'person', entityId: null, origin: 'manual', ...fields };
  return runMutation(context(), { documentId: target.documentId, action: 'mentions.create' }, (group) =>
    createMention(group, target, mention, { duplicate, newId: context().newId })
  ).value;
}

function refusal(fields: Partial<NewMention>): { code: string; message: string } {
  const before = lib.snapshot();
  try {
    create(fields);
  } catch (error) {
    expect(lib.snapshot()).toBe(before);
    if (error instanceof DomainError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the mention was created');
}

describe('creating a mention', () => {
  it('stores an accepted mention with its quote, the acting user and the clock of the change', () => {
    const id = create({ restoration: null });
    const [mention] = listMentions(lib.db, target.documentId);
    expect(mention).toMatchObject({
      id,
      ...at('Jared Kushner'),
      exact: 'Jared Kushner',
      prefix: 'Officials said ',
      suffix: expect.stringMatching(/^ met {6}at the White/),
      type: 'person',
      status: 'accepted',
      masked: false,
      restoration: null,
      author: 'Ana Checker',
      createdAt: '2026-02-03T04:05:06.000Z'
    });
  });

  it('keeps a masked mention on exactly one gap, with its restoration trimmed', () => {
    create({ ...GAP, masked: true, restoration: '  Donald Trump ' });
    expect(listMentions(lib.db, target.documentId)).toEqual([expect.objectContaining({ ...GAP, masked: true, restoration: 'Donald Trump' })]);
    expect(refusal({ ...GAP, start: GAP.start - 1, masked: true })).toEqual({
      code: 'invalid_input',
      message: 'A masked mention must cover exactly one masked-name gap.'
    });
  });

  it('refuses a span outside the text, an empty one and one that runs across paragraphs', () => {
    expect(refusal({ start: 0, end: TEXT.length + 1 })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('lies outside the text') });
    expect(refusal({ start: 5, end: 5 })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('the span is empty') });
    expect(refusal({ start: at('House.').start, end: at('A second').end })).toEqual({
      code: 'invalid_input',
      message: 'A name cannot run across paragraphs: select it within one paragraph.'
    });
  });

  it('refuses a label the library lacks, an entity it lacks, and a restoration on an unmasked name', () => {
    expect(refusal({ type: 'planet' })).toEqual({ code: 'invalid_input', message: '"planet" is not a label of this library.' });
    expect(refusal({ entityId: 'no-such-entity' })).toEqual({ code: 'not_found', message: 'No entity with id no-such-entity.' });
    expect(refusal({ restoration: 'Someone' })).toEqual({ code: 'invalid_input', message: 'Only a masked mention carries a restoration.' });
  });

  it('refuses the same span with the same label twice, or skips it when asked, and allows another label there', () => {
    create({});
    expect(refusal({})).toEqual({ code: 'conflict', message: DUPLICATE_MENTION });
    expect(create({}, 'skip')).toBeNull();
    expect(listMentions(lib.db, target.documentId)).toHaveLength(1);
    create({ type: 'organization' });
    expect(listMentions(lib.db, target.documentId).map((m) => m.type).sort()).toEqual(['organization', 'person']);
  });

  it('tells why a span cannot hold a mention without touching the library', () => {
    expect(mentionSpanProblem(target, { ...at('Ivanka Trump'), masked: false })).toBeNull();
    expect(mentionSpanProblem(target, { ...at('Ivanka Trump'), masked: true })).toBe('A masked mention must cover exactly one masked-name gap.');
    expect(mentionSpanProblem(target, { ...GAP, masked: true })).toBeNull();
  });

  it('refuses a document that is not in the library', () => {
    expect(() => mentionTarget(lib.db, 'no-such-document')).toThrow('No document with id no-such-document in the library.');
  });
});
