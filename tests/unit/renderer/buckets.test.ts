import { describe, expect, it } from 'vitest';
import { bucketByBlock, rebucket } from '../../../src/renderer/lib/text/annotations';
import type { Block, Claim, Gap, Mention } from '../../../src/shared/domain';

const blocks: Block[] = Array.from({ length: 6 }, (_, i) => ({ start: i * 100, end: i * 100 + 90, kind: 'paragraph', index: i }));

const mention = (id: string, start: number, end: number, type = 'person') => ({ id, start, end, type }) as Mention;
const claim = (id: string, start: number, end: number) => ({ id, start, end }) as Claim;
const gaps: Gap[] = [];

describe('rebucket', () => {
  const mentions = [mention('a', 5, 10), mention('b', 105, 110), mention('c', 210, 220), mention('d', 410, 415)];
  const claims = [claim('k', 80, 130)];
  const first = rebucket(null, { blocks, mentions, claims, gaps });

  it('buckets like bucketByBlock the first time', () => {
    expect(first.buckets).toEqual(bucketByBlock(blocks, { mentions, claims, gaps }, []));
    expect(first.buckets[0].claims).toEqual(claims);
    expect(first.buckets[1].claims).toEqual(claims);
  });

  it('after an edit rebuilds only the buckets of the blocks it touched, with the same result as a full pass', () => {
    const retyped = { ...mentions[2], type: 'location' };
    const added = mention('e', 512, 520);
    const next = [mentions[0], mentions[1], retyped, added]; // d removed, c changed, e added
    const after = rebucket(first, { blocks, mentions: next, claims, gaps });
    expect(after.buckets).toEqual(bucketByBlock(blocks, { mentions: next, claims, gaps }, []));
    for (const untouched of [0, 1, 3]) expect(after.buckets[untouched]).toBe(first.buckets[untouched]);
    for (const touched of [2, 4, 5]) expect(after.buckets[touched]).not.toBe(first.buckets[touched]);
    // Nothing changed: the very same buckets.
    expect(rebucket(after, { blocks, mentions: next, claims, gaps }).buckets).toBe(after.buckets);
  });

  it('finds a record appended, one put first, and none in a mere reordering', () => {
    const appended = [...mentions, mention('e', 512, 520)];
    const afterAppend = rebucket(first, { blocks, mentions: appended, claims, gaps });
    expect(afterAppend.buckets).toEqual(bucketByBlock(blocks, { mentions: appended, claims, gaps }, []));
    expect(afterAppend.buckets[5]).not.toBe(first.buckets[5]);
    for (const untouched of [0, 1, 2, 3, 4]) expect(afterAppend.buckets[untouched]).toBe(first.buckets[untouched]);

    const prepended = [mention('f', 305, 309), ...mentions];
    const afterPrepend = rebucket(first, { blocks, mentions: prepended, claims, gaps });
    expect(afterPrepend.buckets).toEqual(bucketByBlock(blocks, { mentions: prepended, claims, gaps }, []));
    expect(afterPrepend.buckets[3]).not.toBe(first.buckets[3]);
    expect(afterPrepend.buckets[5]).toBe(first.buckets[5]);

    const swapped = [mentions[1], mentions[0], mentions[2], mentions[3]];
    expect(rebucket(first, { blocks, mentions: swapped, claims, gaps }).buckets).toBe(first.buckets);
  });

  it('a claim across two blocks touches both', () => {
    const longer = [claim('k', 80, 230)];
    const after = rebucket(first, { blocks, mentions, claims: longer, gaps });
    expect(after.buckets).toEqual(bucketByBlock(blocks, { mentions, claims: longer, gaps }, []));
    expect(after.buckets[2].claims).toEqual(longer);
    expect(after.buckets[3]).toBe(first.buckets[3]);
  });
});
