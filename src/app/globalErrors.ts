// Errors that escape React: `window` error events and unhandled promise rejections.
// They are recorded in a tiny external store that the app shows as a banner. When the
// page would otherwise be blank (React never mounted, or unmounted the tree after an
// uncaught error) a plain-DOM rescue view is drawn instead: never a white page. All
// text goes through textContent, never innerHTML.

import { copyText, crashTexts, describeError, reload, rescueText } from './rescue';

export interface GlobalError {
  message: string;
  seq: number;
}

let current: GlobalError | null = null;
let seq = 0;
const listeners = new Set<() => void>();

export function subscribeGlobalError(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function getGlobalError(): GlobalError | null {
  return current;
}

export function clearGlobalError(): void {
  current = null;
  for (const l of listeners) l();
}

/** Benign reports that are not failures of the app. */
const IGNORED = [/ResizeObserver loop/i];

function report(message: string): void {
  if (IGNORED.some((re) => re.test(message))) return;
  current = { message, seq: ++seq };
  for (const l of listeners) l();
  // Let React finish (or fail) the render this error came from before judging the page.
  window.setTimeout(renderStaticViewIfBlank, 0);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** The rescue view without React, for when React is gone. */
export function renderStaticViewIfBlank(): void {
  const root = document.getElementById('root');
  if (!current || !root || root.childElementCount > 0) return;
  const t = crashTexts();
  const text = rescueText();
  const view = el('div', undefined, { class: 'crash-view', role: 'alert', 'data-testid': 'crash.view' });
  const area = el('textarea', undefined, { readonly: '', rows: '12', 'aria-label': t.scenario, 'data-testid': 'crash.text' });
  area.value = text;
  const status = el('p', '', { role: 'status', 'data-testid': 'crash.status' });
  const copy = el('button', t.copy, { type: 'button', 'data-testid': 'crash.copy' });
  copy.addEventListener('click', () => {
    void copyText(text, area).then((ok) => {
      status.textContent = ok ? t.copied : t.copyFailed;
    });
  });
  const again = el('button', t.reload, { type: 'button', 'data-testid': 'crash.reload' });
  again.addEventListener('click', reload);
  const actions = el('div', undefined, { class: 'crash-actions' });
  actions.append(copy, again);
  view.append(el('h1', t.title), el('p', t.lead), el('pre', current.message, { 'data-testid': 'crash.message' }), actions, status, area);
  root.append(view);
}

let installed = false;

/** Installs the window listeners once (imported first by App.tsx). */
export function installGlobalErrorHandlers(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('error', (e: ErrorEvent) => {
    // Resource load errors (a missing chunk) arrive without an error object.
    report(e.error !== undefined && e.error !== null ? describeError(e.error) : e.message || 'a script or resource failed to load');
  });
  window.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
    report(describeError(e.reason));
  });
}
