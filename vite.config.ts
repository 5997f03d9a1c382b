/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      // monaco-yaml -> monaco-worker-manager imports 'monaco-editor/esm/vs/editor/editor.worker.js',
      // but monaco-editor >= 0.56 has an exports map ("./*" -> "./esm/vs/*.js") that would turn it
      // into esm/vs/esm/vs/... Strip the prefix so the exports map resolves it.
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' },
    ],
  },
  optimizeDeps: { include: ['yaml', 'monaco-yaml/yaml.worker.js'] },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 5000 },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
