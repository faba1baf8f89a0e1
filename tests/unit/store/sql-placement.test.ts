/**
 * Every SQL statement lives in src/main/store: one module per table, the opener, migrations.
 * This scans the sources and fails on SQL text, a prepared statement, or a raw call on a
 * database handle anywhere else (eslint.config.js reports the same while editing).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const STORE = 'src/main/store/';
const SOURCE = /\.(?:ts|mts|js|mjs|svelte)$/;

/** What gives SQL away, each with the words a failure prints. */
const SIGNS: Array<{ what: string; pattern: RegExp }> = [
  {
    what: 'SQL text',
    pattern:
      /\b(?:SELECT\s[^;`'"]*?\bFROM\b|INSERT\s+(?:OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|(?:CREATE|DROP)\s+(?:TABLE|INDEX|TRIGGER|VIEW|VIRTUAL\s+TABLE)\b|ALTER\s+TABLE\b|PRAGMA\s+\w+|BEGIN\s+IMMEDIATE\b)/
  },
  { what: 'a prepared statement', pattern: /\bstatement\(/ },
  { what: 'the statement cache', pattern: /from\s+['"][./]*(?:store\/)?statements['"]/ },
  { what: 'a call on a database handle', pattern: /\b\w*(?:db|Db|database|Database)\s*\.\s*(?:prepare|exec|pragma|iterate|transaction)\s*\(/ },
  { what: 'the SQLite driver', pattern: /from\s+['"]better-sqlite3['"]/ }
];

interface Finding {
  file: string;
  line: number;
  what: string;
  text: string;
}

/** The SQL signs in one file's text, by line. */
function sqlSigns(file: string, text: string): Finding[] {
  return text.split('\n').flatMap((line, index) =>
    SIGNS.filter((sign) => sign.pattern.test(line)).map((sign) => ({ file, line: index + 1, what: sign.what, text: line.trim() }))
  );
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

describe('where SQL lives', () => {
  it('has no SQL outside src/main/store', () => {
    const files = sourceFiles('src').filter((file) => !file.startsWith(STORE));
    expect(files.length).toBeGreaterThan(100);
    const findings = files.flatMap((file) => sqlSigns(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.what}: ${f.text}`)).toEqual([]);
  });

  it('finds the store modules when it looks at them (the scan is not blind)', () => {
    const findings = sourceFiles('src/main/store').flatMap((file) => sqlSigns(file, readFileSync(join(ROOT, file), 'utf8')));
    const kinds = new Set(findings.map((f) => f.what));
    expect([...kinds].sort()).toEqual(['SQL text', 'a call on a database handle', 'a prepared statement', 'the SQLite driver', 'the statement cache'].sort());
  });

  it('reports a query written in a handler, a raw prepare, and the driver imported elsewhere', () => {
    const handler = [
      "import { statement } from '../../store/statements';",
      "const row = statement(ctx.db, 'SELECT id FROM claims WHERE id = ?').get(id);",
      'ctx.db.prepare(`DELETE FROM mentions WHERE id = ?`).run(id);',
      "import Database from 'better-sqlite3';",
      'db.exec("PRAGMA foreign_keys = ON");',
      "const sql = `INSERT INTO orphans (id) VALUES (?)`;"
    ].join('\n');
    const found = sqlSigns('src/main/api/handlers/example.ts', handler);
    expect(found.map((f) => [f.line, f.what])).toEqual([
      [1, 'the statement cache'],
      [2, 'SQL text'],
      [2, 'a prepared statement'],
      [3, 'SQL text'],
      [3, 'a call on a database handle'],
      [4, 'the SQLite driver'],
      [5, 'SQL text'],
      [5, 'a call on a database handle'],
      [6, 'SQL text']
    ]);
  });

  it('leaves regular expressions and prose alone', () => {
    const code = [
      "const match = /^(\\d{4})/.exec(iso);",
      '// Select the words from the first to the last.',
      "const label = 'Update the settings from the menu';",
      'const heading = HEADING.exec(tag);'
    ].join('\n');
    expect(sqlSigns('src/main/import/example.ts', code)).toEqual([]);
  });
});
