// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import autoImports from './.wxt/eslint-auto-imports.mjs';

/**
 * Vigie's linter, run by `npm test` with zero warnings allowed. Besides the usual checks, it keeps the
 * project's layering, so that the structure a newcomer reads in the README stays true:
 * - pages (components/) read through the store's reader, never IndexedDB or the store's internals;
 * - lib/ is logic: it never imports a page, a component or an entry point;
 * - the hub shares only the model and the packs with the extension.
 */
export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'public/**', '**/*.min.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.recommended,
  importX.flatConfigs.typescript,
  autoImports,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })] },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      'import-x/order': ['error', { groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']], pathGroups: [{ pattern: '@/**', group: 'internal' }], alphabetize: { order: 'asc', caseInsensitive: true }, 'newlines-between': 'never' }],
      'import-x/no-duplicates': 'error',
      'import-x/no-named-as-default-member': 'off',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './components', from: './lib/store', except: ['./reader.ts'], message: 'Pages read through lib/store/reader.ts; the background alone writes.' },
            { target: './lib', from: ['./components', './entrypoints'], message: 'lib/ is logic: pages import it, not the other way round.' },
            { target: './hub', from: './lib', except: ['./model', './packs', './fiches'], message: 'The hub shares only the model, the packs and the fiches’ Markdown with the extension.' },
            { target: './hub', from: ['./components', './entrypoints'] },
          ],
        },
      ],
      'no-restricted-imports': 'off',
      // `import('…').Type` in a type position is how a test names a type it never imports at run time.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // A default export named like one of its members (preact's preset) is the library's own naming.
      'import-x/no-named-as-default': 'off',
    },
  },
  {
    // Tests handle raw envelopes, SQL rows and browser answers before (or in order to) check them.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['components/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'idb', message: 'Pages read through lib/store/reader.ts.' }] }] },
  },
);
