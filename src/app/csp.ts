// The Content-Security-Policy of the built app (docs/security.md). One source of truth:
// vite.config.ts puts `cspMetaContent()` into the built index.html as a <meta> tag (so a
// plain static host enforces it) and `cspHeader()` into the `vite preview` headers
// (the only way to deliver `frame-ancestors`, which browsers ignore in a <meta> tag).
// Pure data: imported by the Vite config in Node, never by the app bundle.

/**
 * Why each source is there:
 * - script-src 'self': every script is a bundled file; index.html has no inline script
 *   and nothing evaluates strings (no eval, no new Function, no inline handlers).
 * - worker-src 'self': the simulation worker, Monaco's editor worker and the YAML worker
 *   are bundled files created from URLs (monacoSetup.ts supplies getWorker, so Monaco
 *   never falls back to its blob: worker factory).
 * - style-src 'unsafe-inline': Monaco creates <style> elements at run time (themes,
 *   decorations, token colours) and sets style="" attributes; there is no static host
 *   way to give those a nonce. Inline styles cannot run script.
 * - img-src data: the `data:,` favicon and data-URI images inside Monaco's CSS.
 * - font-src 'self': Monaco's codicon font is a bundled file.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['worker-src', "'self'"],
  ['connect-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/**
 * Who may frame the app. Only an HTTP header can say this; 'self' until embeds get
 * their configurable allow-list (docs/security.md, "Embedding").
 */
export const FRAME_ANCESTORS = "'self'";

function join(directives: ReadonlyArray<readonly [string, string]>): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** The policy for the <meta http-equiv> tag (no frame-ancestors: ignored, and warned about, there). */
export function cspMetaContent(): string {
  return join(CSP_DIRECTIVES);
}

/** The full policy for the Content-Security-Policy response header. */
export function cspHeader(frameAncestors: string = FRAME_ANCESTORS): string {
  return join([...CSP_DIRECTIVES, ['frame-ancestors', frameAncestors]]);
}

/** Response headers for `vite preview` and the documented static-hosting setup. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': cspHeader(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
