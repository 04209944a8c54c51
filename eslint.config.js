// Lint: module boundaries on imports (no deep imports into other packages), file-size limits, no non-null assertions.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.tools/**',
      '.nx/**',
      'tmp/**',
      '**/*.d.ts',
      'apps/cli/templates/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.js'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2024, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@agentcore/*/src', '@agentcore/*/src/**', '@agentcore/*/dist', '@agentcore/*/dist/**'],
              message: 'Import packages through their public entry point only.',
            },
            {
              group: ['**/apps/cli/**', '@agentcore/cli', '@agentcore/cli/**'],
              message: 'Nothing imports the CLI app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/test/**', '**/test-helpers/**'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
);
