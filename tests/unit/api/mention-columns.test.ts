import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type MentionFields, fromMentionColumns, toMentionColumns } from '../../../src/shared/api/mention-columns';
import { quoteAt } from '../../../src/shared/text/spans';
import { type TempLibrary, SAMPLE_FILE, createdId, tempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.close());

describe('documents.annotationColumns: mentions column by column', () => {
  it('carries exactly the stored mentions, in text order, in fewer bytes than the records', async () => {
    await lib.call('settings.update', { userName: 'Ana Checker' });
    const { document } = await lib.importFile(SAMPLE_FILE);
    const { text } = (await lib.call('documents.text', { id: document.id })).document;
    const entity = createdId(await lib.call('entities.create', { documentId: document.id, name: 'Reality', type: 'person' }));
    const at = (word: string) => text.indexOf(word);
    await lib.call('mentions.create', { documentId: document.id, start: at('visit'), end: at('visit') + 5, type: 'event' });
    await lib.call('mentions.create', { documentId: document.id, start: 0, end: 7, type: 'person', entityId: entity });
    const [gap] = (await lib.call('documents.get', { id: document.id })).gaps;
    await lib.call('mentions.create', { documentId: document.id, start: gap.start, end: gap.end, type: 'person', masked: true, restoration: 'Kim' });

    const records = (await lib.call('documents.get', { id: document.id })).mentions;
    const compact = await lib.call('documents.annotationColumns', { id: document.id });
    expect((await lib.call('documents.annotations', { id: document.id })).mentions).toEqual(records);
    expect(records).toHaveLength(3);
    expect(compact.mentions.start).toEqual([...records.map((m) => m.start)].sort((a, b) => a - b));
    expect(fromMentionColumns(compact.mentions, text)).toEqual(records);
    expect(compact.mentions.masked).toEqual(records.map((m) => (m.masked ? 1 : 0)));
    // The quotes are the text's at each span, and the author and label run on: sent as nulls.
    expect(compact.mentions.prefix).toEqual([null, null, null]);
    expect(compact.mentions.author).toEqual(['Ana Checker', null, null]);
    expect(JSON.stringify(compact.mentions).length).toBeLessThan(JSON.stringify(records).length * 0.6);
  });

  it('holds only the document’s own mentions, and none for a document without any', async () => {
    await lib.call('settings.update', { userName: 'Ana Checker' });
    const { document } = await lib.importFile(SAMPLE_FILE);
    const other = (await lib.importText('Another article about Kim Kardashian West.\n', 'other.txt')).document;
    const blank = (await lib.importText('A third article, left unmarked.\n', 'blank.txt')).document;
    await lib.call('mentions.create', { documentId: document.id, start: 0, end: 7, type: 'person' });
    await lib.call('mentions.create', { documentId: other.id, start: 22, end: 41, type: 'person' });

    const compact = await lib.call('documents.annotationColumns', { id: other.id });
    expect(compact.mentions.documentId).toBe(other.id);
    const otherText = (await lib.call('documents.text', { id: other.id })).document.text;
    expect(fromMentionColumns(compact.mentions, otherText)).toEqual((await lib.call('documents.annotations', { id: other.id })).mentions);
    expect(compact.mentions.id).toHaveLength(1);
    expect(fromMentionColumns((await lib.call('documents.annotationColumns', { id: blank.id })).mentions, '')).toEqual([]);
  });

  it('sends a quote that the text does not give at its span as it is stored, and every value that changes', () => {
    const text = 'Mayor Kim met the council. Kim said no.';
    const fields: MentionFields = {
      documentId: 'd',
      id: ['a', 'b', 'c'],
      start: [6, 27, 31],
      end: [9, 30, 35],
      exact: ['Kim', 'Kim', 'said'],
      // b's prefix was stored before an edit moved the text around it.
      prefix: [text.slice(0, 6), 'Mayor Kim met the council, ', text.slice(0, 31)],
      suffix: [text.slice(9), text.slice(30), text.slice(35)],
      type: ['person', 'person', 'other'],
      entityId: ['e1', null, null],
      origin: ['manual', 'manual', 'suggested'],
      status: ['accepted', 'accepted', 'accepted'],
      masked: [0, 0, 0],
      restoration: [null, null, null],
      author: ['Ana', 'Ana', 'Ben'],
      createdAt: ['2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z'],
      updatedAt: ['2024-01-01T00:00:00.000Z', '2024-01-03T00:00:00.000Z', '2024-01-03T00:00:00.000Z']
    };
    const columns = toMentionColumns(fields, text);
    expect(columns.prefix).toEqual([null, 'Mayor Kim met the council, ', null]);
    expect(columns.exact).toEqual([null, null, null]);
    expect(columns.type).toEqual(['person', null, 'other']);
    expect(columns.author).toEqual(['Ana', null, 'Ben']);
    expect(columns.updatedAt).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-03T00:00:00.000Z', null]);
    expect(columns.entityId).toEqual(['e1', null, null]);
    const records = fromMentionColumns(columns, text);
    expect(records.map((m) => [m.id, m.exact, m.prefix, m.suffix, m.type, m.origin, m.author, m.createdAt, m.updatedAt])).toEqual(
      fields.id.map((id, i) => [
        id,
        fields.exact[i],
        fields.prefix[i],
        fields.suffix[i],
        fields.type[i],
        fields.origin[i],
        fields.author[i],
        fields.createdAt[i],
        fields.updatedAt[i]
      ])
    );
  });

  it('gives back the quotes around astral characters exactly, sending none of them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', ' ', '😀', 'é', '\n'), { minLength: 1, maxLength: 120 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 })), { minLength: 1, maxLength: 8 }),
        (chars, picks) => {
          const text = chars.join('');
          // Spans on character boundaries: offsets where a character starts.
          const bounds = [0];
          for (const char of chars) bounds.push(bounds[bounds.length - 1] + char.length);
          const spans = picks.map(([at, length]) => {
            const from = at % (bounds.length - 1);
            return { start: bounds[from], end: bounds[Math.min(bounds.length - 1, from + 1 + length)] };
          });
          const quotes = spans.map((span) => quoteAt(text, span.start, span.end));
          const fields: MentionFields = {
            documentId: 'd',
            id: spans.map((_, i) => `m${i}`),
            start: spans.map((span) => span.start),
            end: spans.map((span) => span.end),
            exact: quotes.map((quote) => quote.exact),
            prefix: quotes.map((quote) => quote.prefix),
            suffix: quotes.map((quote) => quote.suffix),
            type: spans.map(() => 'person'),
            entityId: spans.map(() => null),
            origin: spans.map(() => 'manual'),
            status: spans.map(() => 'accepted'),
            masked: spans.map(() => 0),
            restoration: spans.map(() => null),
            author: spans.map(() => 'Ana'),
            createdAt: spans.map(() => '2024-01-01T00:00:00.000Z'),
            updatedAt: spans.map(() => '2024-01-01T00:00:00.000Z')
          };
          const columns = toMentionColumns(fields, text);
          expect([...columns.exact, ...columns.prefix, ...columns.suffix].every((value) => value === null)).toBe(true);
          const records = fromMentionColumns(columns, text);
          expect(records.map((m) => ({ exact: m.exact, prefix: m.prefix, suffix: m.suffix }))).toEqual(quotes);
        }
      ),
      { numRuns: 300 }
    );
  });
});
