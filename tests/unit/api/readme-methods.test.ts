import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../src/shared/api/contract';

describe('README', () => {
  it('documents every API method of the contract', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');
    expect(METHOD_NAMES.filter((method) => !readme.includes(`\`${method}\``))).toEqual([]);
  });

  it('starts with the install/start command and the test command', () => {
    const head = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8').split('\n').slice(0, 8).join('\n');
    expect(head).toContain('npm install && npm start');
    expect(head).toContain('npm run web');
    expect(head).toContain('npm test');
  });
});
