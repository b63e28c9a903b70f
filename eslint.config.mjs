// npm run lint (part of npm test). A small rule set for what the type checker does not catch: promises nobody awaits
// and values typed `any` flowing into typed code. Unused locals, parameters and imports are tsc's job
// (noUnusedLocals, noUnusedParameters in tsconfig.json), so the TypeScript files do not repeat them here.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['**/node_modules/**', 'dist/**', 'coverage/**', '.infra/**'] },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // Type-aware: every file here belongs to tsconfig.json, which the project service finds and builds once.
    files: ['{apps,libs,test}/**/*.{ts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
    },
  },
  {
    // @types/jest types the asymmetric matchers (expect.any, expect.objectContaining, ...) as `any`, so every
    // expected object that uses one would be an "unsafe" assignment or argument. Specs only: the rest of the
    // no-unsafe family still holds there.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.faults-spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // The plain-JavaScript scripts, benchmarks and configs have no types to lean on: unused code only.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { ecmaVersion: 'latest' },
    rules: {
      'no-unused-vars': 'error',
    },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
