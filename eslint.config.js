// Lint: typed TypeScript rules plus the house rules that protect agents.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          // Every wire field is rendered as text; markup from the PBX must never become DOM.
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render wire data as text; dangerouslySetInnerHTML is forbidden.',
        },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Render wire data as text; innerHTML is forbidden.',
        },
      ],
    },
  },
  {
    // The pure core must not reach for the browser or Node.
    files: ['src/protocol/**', 'src/calls/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['webextension-polyfill', '*/browser-api', 'node:*', 'fs', 'path', 'ws'] },
      ],
      'no-restricted-globals': ['error', 'chrome', 'browser', 'window', 'document', 'localStorage'],
    },
  },
);
