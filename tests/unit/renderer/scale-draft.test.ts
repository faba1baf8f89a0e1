import { describe, expect, it } from 'vitest';
import { draftLabel, draftOf, scaleDraftProblems, scaleInput } from '../../../src/renderer/lib/scale-draft';
import type { VerdictScale } from '../../../src/shared/domain';

const scale: VerdictScale = {
  id: 'default',
  name: 'Default',
  version: 3,
  labels: [
    { label: 'True', value: 5 },
    { label: 'False', value: 1 },
    { label: 'Misleading', value: null }
  ]
};

describe('verdict scale drafts', () => {
  it('edits a scale as a new version of it, or starts a new scale from its verdicts', () => {
    const edit = draftOf(scale, false);
    expect(edit).toMatchObject({ id: 'default', name: 'Default' });
    expect(edit.labels.map((l) => [l.label, l.value])).toEqual([['True', '5'], ['False', '1'], ['Misleading', '']]);
    expect(new Set(edit.labels.map((l) => l.key)).size).toBe(3);
    expect(draftOf(scale, true)).toMatchObject({ id: null, name: '' });
  });

  it('sends trimmed labels, integers, and null for verdicts off the scale', () => {
    const draft = { id: null, name: '  Newsroom ', labels: [draftLabel(' Correct ', ' 2 '), draftLabel('Satire', '')] };
    expect(scaleDraftProblems(draft)).toEqual([]);
    expect(scaleInput(draft)).toEqual({ name: 'Newsroom', labels: [{ label: 'Correct', value: 2 }, { label: 'Satire', value: null }] });
    expect(scaleInput(draftOf(scale, false))).toMatchObject({ id: 'default' });
  });

  it('says what stops a draft from being saved', () => {
    expect(scaleDraftProblems({ id: null, name: ' ', labels: [] })).toEqual(['Give the scale a name.', 'A scale needs at least one verdict.']);
    expect(
      scaleDraftProblems({
        id: null,
        name: 'X',
        labels: [draftLabel('True', '5'), draftLabel('true', '4'), draftLabel('', '3'), draftLabel('Half', '2.5'), draftLabel('Other', '5')]
      })
    ).toEqual([
      '“true” is listed twice.',
      'Verdict 3 has no label.',
      'The number of “Half” must be a whole number, or empty.',
      'The number 5 is given to two verdicts.'
    ]);
  });
});
