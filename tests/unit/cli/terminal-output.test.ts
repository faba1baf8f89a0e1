import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/main';
import { terminalJson, visibleText } from '../../../src/main/cli/terminal-text';
import { tempLibrary, type TempLibrary } from '../helpers/temp-library';

/** A title that writes the clipboard (OSC 52), clears the screen and reverses the rest of the line. */
const HOSTILE_TITLE = 'Clipboard \x1b]52;c;ZXZpbA==\x07 and \x1b[2J cleared \u202Etxt.exe \x9b31m';
const HOSTILE_NAME = 'Jane \x1b[8mhidden\x1b[0m \u2066Doe\u2069';
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let lib: TempLibrary;
let documentId: string;

async function cli(args: string[], terminal = false) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli([...args, '--data', lib.dir], { out: (t) => out.push(t), err: (t) => err.push(t), terminal }, {}, lib.dir);
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  lib = tempLibrary('factdesk-terminal-');
  const text = `${HOSTILE_TITLE}\n\nThe council said on Monday that ${HOSTILE_NAME} had approved the budget of 12 million euros for the new bridge.\n`;
  await lib.call('settings.update', { userName: 'Test Checker' });
  documentId = (await lib.importText(text, 'hostile.txt')).document.id;
  const entityId = (await lib.call('entities.create', { documentId, name: HOSTILE_NAME, type: 'person' })).createdId!;
  const start = text.indexOf(HOSTILE_NAME);
  await lib.call('mentions.create', { documentId, start, end: start + HOSTILE_NAME.length, type: 'person', entityId });
  await lib.call('claims.create', { documentId, start: text.indexOf('The council'), end: text.indexOf(' for the new') });
});

afterAll(() => lib.close());

describe('visibleText and terminalJson', () => {
  it('shows one-byte controls as \\xNN and bidirectional controls as <U+XXXX>, keeping tabs and line breaks', () => {
    expect(visibleText('a\x1b[2Jb\x07\u202Ec\u2066d\x9b\x7f\te\nf\r')).toBe('a\\x1b[2Jb\\x07<U+202E>c<U+2066>d\\x9b\\x7f\te\nf\\x0d');
    expect(visibleText('Zoë — “quoted” 東京 😀')).toBe('Zoë — “quoted” 東京 😀');
  });

  it('writes JSON with no raw control character that parses back to the exact value', () => {
    const value = { title: HOSTILE_TITLE, names: [HOSTILE_NAME, '\u061c\u200e\u200f\x7f'] };
    const json = terminalJson(value);
    expect(json).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('the CLI prints untrusted text safely', () => {
  it('list and show print titles and entity names with their controls made visible', async () => {
    const list = await cli(['list']);
    expect(list.status).toBe(0);
    expect(list.stdout).not.toMatch(RAW_CONTROL);
    expect(list.stdout).toContain('Clipboard \\x1b]52;c;ZXZpbA==\\x07 and \\x1b[2J cleared <U+202E>txt.exe \\x9b31m');

    const show = await cli(['show', documentId]);
    expect(show.status).toBe(0);
    expect(show.stdout).not.toMatch(RAW_CONTROL);
    expect(show.stdout).toContain('person: Jane \\x1b[8mhidden\\x1b[0m <U+2066>Doe<U+2069> (1 mention)');
  });

  it('--json stays exact JSON: the same title and names, with no raw control character', async () => {
    const list = await cli(['list', '--json']);
    expect(list.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(list.stdout)[0].title).toBe(HOSTILE_TITLE);
    const show = await cli(['show', documentId, '--json']);
    expect(show.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(show.stdout).entities[0].name).toBe(HOSTILE_NAME);
  });

  it('an error naming a hostile file or command shows its controls', async () => {
    writeFileSync(join(lib.dir, 'bad\x1b[2J.exe'), 'x');
    const refused = await cli(['import', 'bad\x1b[2J.exe']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('.exe" files are not supported');
    expect(refused.stderr).not.toMatch(RAW_CONTROL);
    const unknown = await cli(['\u202Etsil']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "<U+202E>tsil"');
  });

  it('exported content keeps its exact bytes into a pipe and shows its controls on a terminal', async () => {
    const piped = await cli(['export', documentId, '--format', 'md']);
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('\x07 and \x1b');
    expect(piped.stdout).toContain('\u202Etxt.exe');
    const shown = await cli(['export', documentId, '--format', 'md'], true);
    expect(shown.status).toBe(0);
    expect(shown.stdout).not.toMatch(RAW_CONTROL);
    expect(shown.stdout).toContain('\\x07 and \\x1b');
    expect(shown.stdout).toContain('<U+202E>txt.exe');
  });
});
