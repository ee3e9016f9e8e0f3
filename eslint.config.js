// Lint rules, including the layer boundaries of the architecture (README, "Layers"): a file's
// folder says what it may import. Breaking a boundary is a lint error, not a review comment.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

/** Every layer, by folder. The first pattern a file matches decides its type. */
const ELEMENTS = [
  // Where the CLI, the web server and Electron find the data folder: the one service they may use.
  { type: 'paths', pattern: 'main/services/app-paths.ts', mode: 'full' },
  { type: 'shared', pattern: 'main/shared/**', mode: 'full' },
  { type: 'domain', pattern: 'main/domain/**', mode: 'full' },
  { type: 'services', pattern: 'main/services/**', mode: 'full' },
  { type: 'api', pattern: 'main/api/**', mode: 'full' },
  { type: 'electron', pattern: 'main/electron/**', mode: 'full' },
  { type: 'cli', pattern: 'main/cli/**', mode: 'full' },
  { type: 'web', pattern: 'main/web/**', mode: 'full' },
  { type: 'db', pattern: 'db/**', mode: 'full' },
  { type: 'preload', pattern: 'preload/**', mode: 'full' },
  { type: 'renderer', pattern: 'renderer/**', mode: 'full' },
  { type: 'checks', pattern: '{tests,bench}/**', mode: 'full' },
];

/** Which layer may import which (value imports; `import type` may also reach the listed types). */
const LAYER_RULES = [
  { from: ['shared'], allow: ['shared'] },
  { from: ['domain'], allow: ['domain', 'shared'] },
  { from: ['db'], allow: ['db'] },
  { from: ['services', 'paths'], allow: ['services', 'paths', 'domain', 'shared', 'db'] },
  { from: ['api'], allow: ['api', 'services', 'paths', 'domain', 'shared'] },
  // The front doors reach the app through the API only: no database, no services.
  { from: ['electron'], allow: ['electron', 'api', 'paths', 'shared'] },
  { from: ['cli', 'web'], allow: ['cli', 'web', 'api', 'paths', 'domain', 'shared'] },
  { from: ['preload'], allow: ['preload', 'api', 'electron'] },
  // The renderer runs shared pure code; everything else of main it knows as types only.
  { from: ['renderer'], allow: ['renderer', 'shared'] },
  { from: ['renderer'], allow: ['api', 'domain'], importKind: 'type' },
  { from: ['checks'], allow: ['*'] },
];

const SQL = ['better-sqlite3', 'kysely'];
const EXTERNAL_RULES = [
  {
    from: ['shared', 'domain', 'api', 'electron', 'cli', 'web', 'preload', 'renderer'],
    disallow: SQL,
    message: 'Only db/ and main/services talk to SQLite; go through an API channel or a service.',
  },
  {
    from: ['shared', 'domain', 'services', 'paths', 'api', 'cli', 'web', 'db', 'renderer'],
    disallow: ['electron'],
    message: 'Only main/electron and the preload may import Electron: everything else runs in plain Node.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', require: 'readonly', __dirname: 'readonly' },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/include': ['main/**', 'db/**', 'preload/**', 'renderer/**', 'tests/**', 'bench/**'],
      'import/resolver': {
        typescript: {
          project: ['tsconfig.node.json', 'tsconfig.web.json', 'bench'],
          noWarnOnMultipleProjects: true,
        },
      },
    },
    rules: {
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          message: '${file.type} may not import ${dependency.type} (eslint.config.js, LAYER_RULES).',
          rules: LAYER_RULES,
        },
      ],
      'boundaries/external': ['error', { default: 'allow', rules: EXTERNAL_RULES }],
      // A file no element pattern covers would escape every rule above.
      'boundaries/no-unknown-files': 'error',
    },
  },
  {
    files: ['main/domain/**/*.ts', 'main/shared/**/*.ts'],
    rules: restrict(
      ['node:*', 'fs', 'path', 'os', 'crypto'],
      'main/domain and main/shared are pure logic: no Node built-ins.',
    ),
  },
  {
    files: ['main/api/**/*.ts'],
    rules: restrict(['node:fs', 'node:http'], 'api is plain functions; ports are injected.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(['node:*'], 'the renderer runs in the browser: no Node built-ins.'),
    },
  },
);
