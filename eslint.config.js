// One lint config for the whole workspace (flat config, type-aware).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '**/.turbo/**',
      '**/.bench-out/**',
      '**/test-results/**',
      '**/*.config.js',
      '**/*.config.ts',
      '**/fixtures/**',
      'apps/studio/public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name=/^(describe|it|test)$/][callee.property.name='only']",
          message: 'Focused tests are not allowed.',
        },
      ],
    },
  },
  {
    // The compiler is environment-agnostic: no DOM, no React, no TF.js.
    files: ['packages/compiler/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', '@xyflow/*', '@tensorflow/*', 'node:*', 'fs', 'path'],
              message: 'The compiler must stay environment-agnostic.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
      ],
    },
  },
  {
    files: [
      'packages/compiler/src/**/*.test.ts',
      'packages/compiler/bench/**/*.ts',
      'packages/compiler/test/**/*.ts',
    ],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
  {
    // The server imports the compiler and the runtime, never the studio.
    files: ['apps/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@unet-studio/studio', '**/studio/src/**'],
              message: 'The server never imports the studio.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/studio/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
