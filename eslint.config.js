import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Network text is rendered as text only.' },
        { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Network text is rendered as text only.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Network text is rendered as text only.' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // Business logic never touches the extension APIs directly; only the wiring modules do (the
    // worker's listeners, the worker's storage areas, the views' ports).
    files: ['lib/**/*.ts', 'components/**/*.tsx'],
    ignores: ['lib/background/index.ts', 'lib/storage.ts', 'lib/ui/browser-ports.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'wxt/browser', message: 'Only wiring modules use browser.*' }] }],
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Only wiring modules use chrome.*' }, { name: 'browser', message: 'Only wiring modules use browser.*' }],
    },
  },
  {
    files: ['components/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'wxt/browser', message: 'Components only draw.' }],
          patterns: [{ group: ['**/storage', '**/lib/storage', 'zod', 'cheerio', 'cheerio/*'], message: 'Components only draw: no storage, zod or cheerio.' }],
        },
      ],
    },
  },
);
