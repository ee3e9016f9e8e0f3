// Lint rules, including the layer boundaries of the architecture: a file's folder says what it
// may import. Breaking a boundary is a lint error, not a review comment.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

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
    files: ['main/domain/**/*.ts'],
    rules: restrict(
      [
        'node:*',
        'fs',
        'path',
        'electron',
        'kysely',
        'better-sqlite3',
        '**/db/**',
        '**/services/**',
        '**/api/**',
      ],
      'main/domain is pure logic: no Node, Electron, database or service imports.',
    ),
  },
  {
    files: ['db/**/*.ts'],
    rules: restrict(['electron', '**/main/**'], 'db/ may import kysely, better-sqlite3 and node:* only.'),
  },
  {
    files: ['main/services/**/*.ts'],
    rules: restrict(
      ['electron', '**/api/**', '**/electron/**', '**/web/**', '**/cli/**'],
      'services use domain and db only.',
    ),
  },
  {
    files: ['main/api/**/*.ts'],
    rules: restrict(
      ['electron', '**/electron/**', '**/web/**', '**/cli/**', 'node:fs', 'node:http'],
      'api is plain functions; ports are injected.',
    ),
  },
  {
    files: ['main/web/**/*.ts', 'main/cli/**/*.ts'],
    rules: restrict(['electron', '**/electron/**'], 'the web server and the CLI run without Electron.'),
  },
  {
    files: ['preload/**/*.ts'],
    rules: restrict(
      ['**/services/**', '**/db/**', '**/domain/**', 'node:*'],
      'preload forwards channels and nothing else.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        ['node:*', 'electron', '**/services/**', '**/db/**', '**/electron/**', '**/web/**', '**/cli/**'],
        'the renderer talks to the app through window.huike and imports only the contract types and pure domain helpers.',
      ),
    },
  },
);
