import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Runtime boundaries (docs/ARCHITECTURE.md, "Layers"), enforced with no-restricted-imports:
 * - src/shared   pure TypeScript: no Node, Electron or SQLite, nothing from the other src/ areas;
 * - src/renderer browser only: no Node, Electron or SQLite, nothing from src/main;
 * - src/preload  sandboxed: only `electron` and src/shared.
 * A relative import leaves its area after climbing one folder more than the file is deep,
 * so the rules are generated per folder depth; that keeps them exact (a renderer file may
 * still import its own `./main`, only `src/main` is out of bounds).
 */
const MAX_DEPTH = 8;
const SOURCE_EXTENSIONS = '{ts,mts,js,mjs,svelte}';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const hostModules = ['electron', 'better-sqlite3', ...nodeBuiltins];

const boundaries = {
  shared: {
    why: 'src/shared is pure TypeScript shared by every runtime: no Node, Electron, SQLite or DOM (docs/ARCHITECTURE.md, Layers)',
    forbiddenAreas: ['main', 'renderer', 'preload'],
    forbidHostModules: true,
    onlyElectron: false,
  },
  renderer: {
    why: 'src/renderer runs in a sandboxed page and reaches data only through the API client (docs/ARCHITECTURE.md, Layers)',
    forbiddenAreas: ['main'],
    forbidHostModules: true,
    onlyElectron: false,
  },
  preload: {
    why: 'src/preload is a sandboxed preload: it may import only electron and src/shared (docs/ARCHITECTURE.md, Layers)',
    forbiddenAreas: ['main', 'renderer'],
    forbidHostModules: false,
    onlyElectron: true,
  },
};

function boundaryConfig(area, depth) {
  const { why, forbiddenAreas, forbidHostModules, onlyElectron } = boundaries[area];
  const toSrc = `(?:\\.\\./){${depth + 1}}(?:\\.\\./src/)?`;
  const patterns = [
    {
      regex: `^${toSrc}(?:${forbiddenAreas.join('|')})(?:/|$)`,
      message: `${why}.`,
    },
  ];
  const paths = [];
  if (forbidHostModules) {
    paths.push(...hostModules.map((name) => ({ name, message: `${why}.` })));
    patterns.push({ regex: '^(?:node:|electron/|better-sqlite3/)', message: `${why}.` });
  }
  if (onlyElectron) {
    patterns.push({ regex: '^(?!electron$)[^./]', message: `${why}.` });
  }
  return {
    name: `factdesk/boundary/${area}/depth-${depth}`,
    files: [`src/${area}/${'*/'.repeat(depth)}*.${SOURCE_EXTENSIONS}`],
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  };
}

const boundaryConfigs = Object.keys(boundaries).flatMap((area) =>
  Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => boundaryConfig(area, depth)),
);

const sqlElsewhere = 'SQL belongs in src/main/store: call a function of the store module of the table.';
/** Statement-shaped text: the same signs tests/unit/store/sql-placement.test.ts looks for. */
const SQL_TEXT =
  '/\\b(SELECT\\s.*\\bFROM\\b|INSERT\\s+(OR\\s+\\w+\\s+)?INTO\\b|UPDATE\\s+\\w+\\s+SET\\b|DELETE\\s+FROM\\b|(CREATE|DROP)\\s+(TABLE|INDEX|TRIGGER|VIEW|VIRTUAL\\s+TABLE)\\b|ALTER\\s+TABLE\\b|PRAGMA\\s+\\w+|BEGIN\\s+IMMEDIATE\\b)/';

export default defineConfig(
  { name: 'factdesk/ignores', ignores: ['out/', 'node_modules/', 'test-results/', 'playwright-report/', 'dist/', '**/*.generated.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    name: 'factdesk/node-globals',
    files: ['**/*.{js,mjs,cjs,ts,mts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'factdesk/renderer-globals',
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'factdesk/renderer-without-api-schemas',
    files: ['src/renderer/**'],
    rules: {
      // The method modules hold the API's zod schemas; the renderer takes only their types (values it
      // needs live in zod-free modules such as src/shared/api/file-limits.ts), so it never loads zod.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/shared/api/methods/*', '**/shared/api/contract', '**/shared/api/define'],
              allowTypeImports: true,
              message: 'The renderer imports only types from the API schema modules (they bring zod).',
            },
          ],
        },
      ],
    },
  },
  {
    name: 'factdesk/preload-globals',
    files: ['src/preload/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    name: 'factdesk/e2e-globals',
    // Code passed to page.evaluate() runs in the browser.
    files: ['tests/e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    name: 'factdesk/svelte-typescript',
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      // TypeScript and svelte-check already report undefined names, with types in view.
      'no-undef': 'off',
      // SvelteKit-only rule: this app has no SvelteKit router.
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    name: 'factdesk/svelte-state-modules',
    files: ['**/*.svelte.ts', '**/*.svelte.js'],
    rules: {
      // In state modules this rule reports every Map/Set built inside an exported class or
      // function, including local temporaries and the copy-then-assign updates that $state.raw
      // relies on. It stays on in components, where it reports instances that are mutated.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    name: 'factdesk/pragmatic',
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // SQL lives in src/main/store only (one module per table); tests/unit/store/sql-placement.test.ts
    // scans the sources for the same signs, comments and prose included.
    name: 'factdesk/sql-in-store',
    files: ['src/**/*.{ts,mts,js,mjs,svelte}'],
    ignores: ['src/main/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'better-sqlite3', message: sqlElsewhere }],
          patterns: [{ regex: '(?:^|/)store/statements$', message: sqlElsewhere }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: `Literal[value=${SQL_TEXT}]`, message: sqlElsewhere },
        { selector: `TemplateElement[value.raw=${SQL_TEXT}]`, message: sqlElsewhere },
        {
          selector: "CallExpression[callee.property.name=/^(prepare|exec|pragma|iterate|transaction)$/][callee.object.name=/(db|Db|database|Database)$/]",
          message: sqlElsewhere,
        },
        {
          selector: "CallExpression[callee.property.name=/^(prepare|exec|pragma|iterate|transaction)$/][callee.object.property.name=/(db|Db|database|Database)$/]",
          message: sqlElsewhere,
        },
      ],
    },
  },
  ...boundaryConfigs,
);
