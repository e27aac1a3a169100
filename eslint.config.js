// Lint: typed TypeScript rules plus the house rules that protect agents.
import tseslint from 'typescript-eslint';

// zod classic is not tree-shakable: one import puts ~32 KB gzip into every bundle.
const zodClassic = { name: 'zod', message: "import * as z from 'zod/mini' keeps the bundles small" };

// Every wire field is rendered as text; markup from the PBX must never become DOM.
const textOnly = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Render wire data as text; dangerouslySetInnerHTML is forbidden.',
  },
  {
    selector: "AssignmentExpression[left.property.name='innerHTML']",
    message: 'Render wire data as text; innerHTML is forbidden.',
  },
];

// One storage layer: items are declared in src/storage/ (area, key, schema, fallback, queue) and
// only src/storage/area.ts calls the browser's storage API.
const storageOnlyThroughItems = {
  selector: "MemberExpression[property.name='storage'][object.name=/^(browser|chrome)$/]",
  message: 'Use a storage item from src/storage/items.ts; only src/storage/area.ts touches browser.storage.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...textOnly],
    },
  },
  {
    files: ['src/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [zodClassic] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/storage/area.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...textOnly, storageOnlyThroughItems],
    },
  },
  {
    // The pure core must not reach for the browser or Node. (This replaces the src/** rule
    // above for these files, so it repeats the zod entry.)
    files: ['src/protocol/**', 'src/calls/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [zodClassic], patterns: ['webextension-polyfill', '*/browser-api', 'node:*', 'fs', 'path', 'ws'] },
      ],
      'no-restricted-globals': ['error', 'chrome', 'browser', 'window', 'document', 'localStorage'],
    },
  },
);
