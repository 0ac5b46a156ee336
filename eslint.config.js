import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/',
      '**/dist-vendors/',
      'bench/.build/',
      'storybook-static/',
      '.tsbuild/',
      'bench/results/',
      'api/',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Code that puppeteer runs in the page.
    files: ['test/fixtures/**', 'test/e2e/**', 'scripts/storybook-smoke.js', 'bench/run.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Named exports only (the house style); configuration files are the exception,
  // since their tools read the default export.
  {
    files: ['**/*.ts'],
    ignores: ['**/*.config.ts', 'stories/.storybook/*.ts', 'stories/**/*.stories.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports only.' },
      ],
    },
  },
  {
    // Type tests declare values only to check their types.
    files: ['test/types/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      '@typescript-eslint/no-unused-vars': 'off',
      '@typescript-eslint/no-meaningless-void-operator': 'off',
    },
  },
  prettier,
);
