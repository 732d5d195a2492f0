// The house rules a change is checked against (`npm run lint`, run by `npm test`).
// Formatting is prettier's (eslint-config-prettier turns off the rules it owns).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'coverage/**',
      'node_modules/**',
      'tools/neo4j/target/**',
      'test-artifacts/**',
      'bench/results/**',
      'web/public/**',
      '.neo4j/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    languageOptions: {
      globals: { ...globals.node },
      // type-graphql reads an @Args() parameter's class from the decorator metadata tsc emits,
      // which needs a value import: with these the type-imports rule leaves such imports alone.
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    settings: {
      // no-cycle follows an import only into a file it can parse.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: 'tsconfig.json',
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-duplicates': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
          'newlines-between': 'never',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      'sort-imports': ['error', { ignoreDeclarationSort: true, ignoreCase: true }],
    },
  },
  {
    // The one import circle, safe because each plan reaches the others only inside thunks
    // (fields: () => …) called after all three modules have loaded; test/plan-cycle.spec.ts
    // loads each first and checks the fields resolve.
    files: ['src/{region/region,practice/practice,observation/observation}.plan.ts'],
    rules: { 'import-x/no-cycle': 'off' },
  },
  {
    // Lines within prettier's width, comments and strings included (a long string is split into a
    // '…' + '…' concatenation). Prettier breaks code but never a comment or a string, hence this.
    // Template literals are exempt (Cypher and GraphQL text, whose lines are the text's own), as are
    // URLs and regular expressions, which cannot be split.
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts', 'bench/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    ignores: ['**/*.spec.ts', 'test/**'],
    rules: {
      'max-len': [
        'error',
        {
          code: 100,
          comments: 100,
          ignoreUrls: true,
          ignoreRegExpLiterals: true,
          ignoreTemplateLiterals: true,
        },
      ],
    },
  },
  {
    // Tests and the bench read JSON answers whose shape the assertions themselves check.
    files: ['test/**', 'bench/**', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // CommonJS entry points and config read by Node and Jest as they are.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
