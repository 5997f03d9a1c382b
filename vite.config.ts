/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { cspMetaContent, securityHeaders } from './src/app/csp.ts';

/**
 * Puts the CSP <meta> tag into the built index.html only: the dev server needs inline
 * scripts (React refresh preamble, HMR client) that the policy would block.
 */
function cspMeta(): Plugin {
  return {
    name: 'job-playground:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: cspMetaContent() }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  plugins: [react(), cspMeta()],
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
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 5000,
    // Two pages: the app and the embeddable player (embed.html, src/embed/).
    rolldownOptions: { input: { main: 'index.html', embed: 'embed.html' } },
  },
  // The built app under its CSP, plus frame-ancestors (header-only; docs/security.md).
  preview: { headers: securityHeaders() },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
