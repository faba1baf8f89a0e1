import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const STATE = join(import.meta.dirname, '..', '..', '..', 'src', 'renderer', 'lib', 'state');
const sources = readdirSync(STATE)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(STATE, name), 'utf8') }));

describe('the state classes', () => {
  it('are handed their API client: none imports the window’s own', () => {
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.filter(({ text }) => /from '\.\.\/api-client'/.test(text)).map(({ name }) => name)).toEqual([]);
  });

  it('keep their reactive state private: no public $state or $derived field', () => {
    const publicFields = sources.flatMap(({ name, text }) =>
      [...text.matchAll(/^ {2}(?:readonly )?([a-zA-Z]\w*)(?:<[^=\n]*>)?(?::[^=\n]+)? = \$(?:state|derived)/gm)].map((match) => `${name}: ${match[1]}`)
    );
    expect(publicFields).toEqual([]);
  });
});
