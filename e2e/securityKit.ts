// Shared helpers for the security, hostile-input, error-view and determinism tests:
// opening the app with a seeded scenario and optional `?testhooks`, and a recorder of
// everything that would break the security promise — CSP violations (as events in the
// page and as console reports from the page and its workers), requests leaving
// localhost, dialogs (alert/confirm/prompt opened by injected script), page errors.

import { expect, type ConsoleMessage, type Page } from '@playwright/test';
import { LOCAL, seedDraft } from './pages/PlaygroundPage';

export { setScenario, waitForEditor } from './pages/PlaygroundPage';
const CSP_TEXT = /Content[- ]Security[- ]Policy|Refused to (load|execute|apply|create|connect|evaluate|frame)/i;

export interface Recorder {
  external: string[];
  cspConsole: string[];
  dialogs: string[];
  pageErrors: string[];
  consoleErrors: string[];
  /** The `securitypolicyviolation` events seen in the document so far. */
  violations(): Promise<string[]>;
}

/** Starts recording; call before the first navigation. */
export async function record(page: Page): Promise<Recorder> {
  const rec: Omit<Recorder, 'violations'> = { external: [], cspConsole: [], dialogs: [], pageErrors: [], consoleErrors: [] };
  const onConsole = (where: string) => (m: ConsoleMessage) => {
    if (CSP_TEXT.test(m.text())) rec.cspConsole.push(`${where}: ${m.text()}`);
    if (m.type() === 'error') rec.consoleErrors.push(`${where}: ${m.text()}`);
  };
  page.on('console', onConsole('page'));
  page.on('worker', (w) => w.on('console', onConsole(`worker ${w.url()}`)));
  page.on('request', (r) => {
    if (!LOCAL.test(r.url())) rec.external.push(r.url());
  });
  page.on('pageerror', (e) => rec.pageErrors.push(e.message));
  page.on('dialog', (d) => {
    rec.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return {
    ...rec,
    violations: () => page.evaluate(() => [...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])]),
  };
}

/** Opens the app (with `?testhooks` unless told otherwise), the scenario seeded into the autosave once. */
export async function open(page: Page, scenario?: string, opts: { hooks?: boolean } = {}): Promise<void> {
  if (scenario !== undefined) await seedDraft(page, scenario);
  await page.goto(opts.hooks === false ? '/' : '/?testhooks');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Starts recording, opens the app with `?testhooks` (the scenario seeded, if given) and waits for the first run. */
export async function openRecorded(page: Page, scenario?: string): Promise<Recorder> {
  const rec = await record(page);
  await open(page, scenario);
  await settled(page);
  return rec;
}

/** Waits until no run is in flight and a run (or its error) is on screen. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__playground?.idle() === true);
}

/** Elements that hostile text would create if it were ever parsed as HTML. */
export async function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], script:not([src]), iframe, object, embed, a[href^="javascript:" i], [data-hostile]')) {
      found.push(el.outerHTML.slice(0, 120));
    }
    return found;
  });
}
