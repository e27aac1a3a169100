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

// The folders of src/ in layers, lowest first: a module imports from its own layer or lower,
// never higher (CONTRIBUTING.md has the picture). The pure core (the first two layers) never
// reaches for the browser or Node either.
const LAYERS = [
  ['protocol', 'i18n', 'connection'],
  ['calls', 'settings', 'rest'],
  ['platform', 'storage'],
  ['background', 'ui'],
  ['popup', 'options', 'dial', 'offscreen'],
];
const PURE_LAYERS = 2;

function layerRules() {
  return LAYERS.flatMap((folders, level) =>
    folders.map((folder) => {
      const higher = LAYERS.slice(level + 1).flat();
      const patterns = [{ group: higher.map((name) => `../${name}/*`), message: `${folder}/ sits below ${higher.join(', ')}: import downwards only (eslint.config.js LAYERS).` }];
      const pure = level < PURE_LAYERS;
      if (pure) patterns.push({ group: ['webextension-polyfill', '*/browser-api', 'node:*', 'fs', 'path', 'ws'], message: 'The pure core imports no browser or Node API.' });
      return {
        files: [`src/${folder}/**`],
        rules: {
          'no-restricted-imports': ['error', { paths: [zodClassic], patterns: patterns.filter((p) => p.group.length > 0) }],
          ...(pure ? { 'no-restricted-globals': ['error', 'chrome', 'browser', 'window', 'document', 'localStorage'] } : {}),
        },
      };
    }),
  );
}

// One storage layer: items are declared in src/storage/ (area, key, schema, fallback, queue) and
// only src/storage/area.ts calls the browser's storage API.
const storageOnlyThroughItems = {
  selector: "MemberExpression[property.name='storage'][object.name=/^(browser|chrome)$/]",
  message: 'Use a storage item (src/storage/items.ts and its siblings); only src/storage/area.ts touches browser.storage.',
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
  ...layerRules(),
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/storage/area.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...textOnly, storageOnlyThroughItems],
    },
  },
);
