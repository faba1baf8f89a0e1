import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/shared/domain';
import { FIRST_SCREEN_CHARS, firstScreenSections, sectionsOf } from '../../../src/renderer/lib/text/sections';

/** `count` paragraphs of `length` characters, one blank line between them. */
const paragraphs = (count: number, length: number): Block[] =>
  Array.from({ length: count }, (_, i) => ({ start: i * (length + 2), end: i * (length + 2) + length, kind: 'paragraph', index: i }));

describe('the first screen of the document view', () => {
  const sections = sectionsOf(paragraphs(200, 400));

  it('is the sections that start within the window height, the first always among them', () => {
    for (const height of [1, 500, 900, 1440, 5000]) {
      const first = firstScreenSections(sections, height);
      expect(first.length).toBeGreaterThan(0);
      expect(first).toEqual(sections.slice(0, first.length));
      expect(first.at(-1)!.top).toBeLessThan(height);
      if (first.length < sections.length) expect(sections[first.length].top).toBeGreaterThanOrEqual(height);
    }
  });

  it('leaves the second section of a usual article for later in a 900 px window, and draws every highlight of the first', () => {
    const first = firstScreenSections(sections, 900);
    expect(first).toHaveLength(1);
    expect(sections.length).toBeGreaterThan(1);
    // Its annotations are all drawn at once: drawing stops only past the end of the text it lists.
    expect(FIRST_SCREEN_CHARS).toBeGreaterThan(first[0].end);
  });
});
