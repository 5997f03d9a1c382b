// Flat ESLint config. Besides the recommended TypeScript rules it enforces the
// architecture: the engine is pure (no DOM/timers/randomness/clock, no UI imports) and
// the UI never reaches into the engine's internals except through its public entry.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const engineGlobalsBan = [
  'window', 'document', 'self', 'navigator', 'localStorage', 'sessionStorage', 'fetch',
  'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'requestAnimationFrame',
  'postMessage', 'process', 'require',
].map((name) => ({ name, message: 'src/engine is pure: pass time, randomness and I/O in as arguments.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'reports/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts', 'src/engine/**/testdata/**', 'src/engine/**/testkit.ts'],
    rules: {
      'no-restricted-globals': ['error', ...engineGlobalsBan],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded random source (sim/random.ts).' },
        { object: 'Date', property: 'now', message: 'Use the virtual clock.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-*', 'zustand', 'monaco-*', '@monaco-editor/*', 'node:*', '**/ui/**', '**/state/**', '**/worker/**', '**/scenario/**', '**/cli/**'] },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
