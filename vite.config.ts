/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { cspHeader, cspMetaContent, securityHeaders } from './src/app/csp.ts';

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

/**
 * The embeddable player may be framed by the sites listed in JP_EMBED_FRAME_ANCESTORS
 * (space-separated origins, e.g. "https://docs.example.com"; default: same origin only).
 * The app itself keeps frame-ancestors 'self'. Static hosts set the same two headers.
 */
function embedFrameAncestors(): Plugin {
  const ancestors = process.env.JP_EMBED_FRAME_ANCESTORS?.trim() || "'self'";
  return {
    name: 'job-playground:embed-frame-ancestors',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (/^\/embed\.html(\?|$)/.test(req.url ?? '')) {
          const set = res.setHeader.bind(res);
          set('Content-Security-Policy', cspHeader(ancestors));
          // The global preview headers are applied later; keep the embed's own policy.
          res.setHeader = ((name: string, value: number | string | readonly string[]) =>
            name.toLowerCase() === 'content-security-policy' ? res : set(name, value)) as typeof res.setHeader;
        }
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), cspMeta(), embedFrameAncestors()],
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
