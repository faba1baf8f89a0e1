import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempLibrary, createdId, tempLibrary } from '../helpers/temp-library';
import { type Annotated, type Json, annotate, b64, handEdited, open, pack, span } from './helpers';

let a: TempLibrary;
let b: TempLibrary;
let ids: Annotated;

beforeEach(async () => {
  a = tempLibrary('factdesk-a-');
  b = tempLibrary('factdesk-b-');
  ids = await annotate(a);
  await b.call('settings.update', { userName: 'Ben Reviewer' });
});
afterEach(() => {
  a.close();
  b.close();
});

describe('which local document a file lands in', () => {
  it('merges into the library copy of the same text even under another document id', async () => {
    const { document } = await b.importText(ids.text, 'same-story.txt');
    const report = await open(b, (await pack(a, ids.documentId)).content);
    expect(report).toMatchObject({ outcome: 'merged', matchedBy: 'hash', textDiffers: false, document: { id: document.id }, anchoring: { exact: 3 } });
    expect((await b.call('documents.list', {})).map((d) => d.id)).toEqual([document.id]);
  });

  it('brings a trashed copy back out of the trash', async () => {
    await open(b, (await pack(a, ids.documentId)).content);
    await b.call('documents.delete', { id: ids.documentId });
    const report = await open(b, (await pack(a, ids.documentId)).content);
    expect(report).toMatchObject({ matchedBy: 'id', document: { id: ids.documentId, deletedAt: null } });
  });

  it('re-anchors a file for the same document whose text was corrected, keeping spans already placed here', async () => {
    await open(b, (await pack(a, ids.documentId)).content);
    createdId(await a.call('mentions.create', { documentId: ids.documentId, ...span(ids.text, 'Alice Marie Johnson'), type: 'person' }));
    const file: Json = JSON.parse((await pack(a, ids.documentId)).content);
    // The sender's copy of the article gained a sentence at the top (as a correction would).
    const corrected = `Correction appended 🛠️ on Thursday. ${file.document.text}`;
    const shift = [...'Correction appended 🛠️ on Thursday. '].length;
    file.document.text = corrected;
    file.document.sha256 = createHash('sha256').update(corrected).digest('hex');
    file.document.blocks = [];
    for (const record of [...file.mentions, ...file.claims]) {
      record.target.selector[1].start += shift;
      record.target.selector[1].end += shift;
    }
    const report = await open(b, handEdited(file));
    expect(report).toMatchObject({ matchedBy: 'id', textDiffers: true, anchoring: { exact: 1, fuzzy: 0, orphaned: 0 }, records: { added: 1 } });
    const view = await b.call('documents.get', { id: ids.documentId });
    expect(view.document.text).toBe(ids.text);
    expect(view.mentions.map((m) => [m.exact, m.start])).toEqual([
      ['𝔘nited', span(ids.text, '𝔘nited').start],
      ['Kim Kardashian West', span(ids.text, 'Kim Kardashian West').start],
      ['Alice Marie Johnson', span(ids.text, 'Alice Marie Johnson').start]
    ]);
  });

  it('adds the labels the file uses and this library lacks, and with consent a newer scale version', async () => {
    a.db.prepare("INSERT INTO label_types (key, name, color, hotkey, position) VALUES ('law', 'Law', '#123456', '1', 99)").run();
    await a.call('mentions.create', { documentId: ids.documentId, ...span(ids.text, 'White House'), type: 'law' });
    await a.call('scales.save', { id: 'default', name: 'Default', labels: [{ label: 'True', value: 2 }, { label: 'False', value: 1 }] });
    await a.call('claims.update', { id: ids.claimId, verdictLabel: 'False' });
    const content = (await pack(a, ids.documentId)).content;
    // A newer version of a scale this library has would change what new verdicts are given on: consent first.
    const report = await b.call('exchange.open', { fileName: 'a.factdesk.json', dataBase64: b64(content), acceptLibraryChanges: true });
    expect(report.labelsAdded).toEqual(['Law']);
    expect(report.scalesAdded).toEqual(['Default (version 2)']);
    const law = (await b.call('labels.list', {})).find((l) => l.key === 'law');
    expect(law).toEqual({ key: 'law', name: 'Law', color: '#123456', hotkey: '' }); // "1" is Person's hotkey here
    const claim = (await b.call('documents.get', { id: ids.documentId })).claims[0];
    expect(claim!.verdict).toEqual({ scaleId: 'default', scaleVersion: 2, label: 'False' });
  });
});
