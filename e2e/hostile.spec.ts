// Hostile input through the UI: markup, script, javascript: URLs, bidi overrides and
// zero-width characters, very long strings — in the scenario (metadata, Job name,
// labels, annotations, container names and images, pod condition reasons/messages,
// actions), in kubectl console input and output, in events and the "why" log, in
// scenario errors and the API's 422 text. Nothing may open a dialog or create an
// element; every string must be visible as text. Oversized and alias-bomb texts give a
// clear error while the previous run stays on screen.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SMALL_JOB } from './scenarios';
import { injectedElements, openRecorded, setScenario, type Recorder } from './securityKit';

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures', 'hostile-ui');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

async function expectInert(page: Page, rec: Recorder): Promise<void> {
  expect(rec.dialogs, 'dialogs opened by injected script').toEqual([]);
  expect(await injectedElements(page), 'elements created from hostile text').toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), 'injected script ran').toBeUndefined();
  expect(rec.pageErrors, 'page errors').toEqual([]);
  expect(await rec.violations(), 'CSP violations').toEqual([]);
}

async function kubectl(page: Page, command: string): Promise<void> {
  const region = page.getByRole('region', { name: 'kubectl', exact: true });
  await region.getByLabel('kubectl command').fill(command);
  await region.getByRole('button', { name: 'Run' }).click();
}

const consoleOut = (page: Page) => page.getByRole('region', { name: 'kubectl', exact: true }).getByTestId('console.output');

test('hostile text the API accepts is shown as text in panels, the why log and the console', async ({ page }) => {
  const rec = await openRecorded(page, fixture('accepted.yaml'));
  await expect(page.getByTestId('problems.item')).toHaveCount(0);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  const why = page.getByRole('region', { name: 'Events', exact: true });
  await expect(why).toContainText('HOSTILE-11<script>alert(1)</script>');
  await expect(why).toContainText('pods "<img src=x onerror=alert(1)>" not found');

  await kubectl(page, 'describe job demo');
  const out = consoleOut(page);
  await expect(out).toContainText('HOSTILE-3 <img src=x onerror=alert(1)>');
  await expect(out).toContainText('HOSTILE-4 "><svg onload=alert(1)><b data-hostile=1>bold</b>');
  await expect(out).toContainText('note: <b>HOSTILE-10</b><img/src=x/onerror=alert(1)>');
  await expect(out).toContainText('busybox:HOSTILE-7<img/src=x/onerror=alert(1)>');
  await expect(out).toContainText('HOSTILE-5 \u202Eevil\u202C zero\u200Bwidth');
  await kubectl(page, 'get pods -o yaml');
  await expect(out).toContainText('HOSTILE-8<img src=x onerror=alert(1)>');
  await expect(out).toContainText('HOSTILE-9 "><svg onload=alert(1)>');
  await expect(out).toContainText('<iframe src=javascript:alert(1)></iframe>');
  // Hostile console input is echoed and answered as text.
  await kubectl(page, `get pod '"><svg onload=alert(1)><script>window.__xss=1</script>'`);
  await expect(out).toContainText(`$ kubectl get pod '"><svg onload=alert(1)><script>window.__xss=1</script>'`);
  await kubectl(page, 'annotate job demo x=javascript:alert(1)');
  await expect(out).toContainText('annotated');
  await expectInert(page, rec);
});

test('hostile values the API refuses are echoed as text in the problems list', async ({ page }) => {
  const rec = await openRecorded(page, fixture('rejected.yaml'));
  const problems = page.getByTestId('problems');
  await expect(problems).toContainText('The Job "<img src=x onerror=alert(1)>" is invalid');
  await expect(problems).toContainText('Invalid value: "\\"><svg onload=alert(1)>"');
  await expect(problems).toContainText('containers[0].name: Invalid value: "<script>alert(1)</script>"');
  await expectInert(page, rec);
});

test('scenario errors with markup are text in the list and in the editor hover', async ({ page }) => {
  const rec = await openRecorded(page, fixture('invalid-keys.yaml'));
  const items = page.getByTestId('problems.item');
  await expect(items.filter({ hasText: 'spec."><svg onload=alert(1)>: unknown key' })).toHaveCount(1);
  await expect(items.filter({ hasText: 'not the string "<script>alert(1)</script>"' })).toHaveCount(1);
  // Monaco shows the marker message in a hover widget.
  await page.waitForFunction(() => (window.__monaco?.editor.getModelMarkers({ owner: 'scenario' }).length ?? 0) > 0);
  await page.evaluate(() => {
    const editor = window.__monaco?.editor.getEditors()[0];
    editor?.focus();
    editor?.setPosition({ lineNumber: 8, column: 4 });
    editor?.trigger('test', 'editor.action.showHover', {});
  });
  await expect(page.locator('.monaco-hover').filter({ hasText: 'unknown key' }).first()).toBeVisible();
  await expect(page.locator('.monaco-hover').filter({ hasText: '"><svg onload=alert(1)>' }).first()).toBeVisible();
  await expectInert(page, rec);
});

test('very long names and strings do not break the layout or the app', async ({ page }) => {
  const long = 'x'.repeat(20_000);
  const rec = await openRecorded(page, fixture('accepted.yaml').replace('"javascript:alert(1)"', `"${long}"`));
  await kubectl(page, 'describe job demo');
  await expect(consoleOut(page)).toContainText(`${'x'.repeat(100)}...`); // describe shortens, as kubectl does
  await kubectl(page, 'get job demo -o yaml');
  await expect(consoleOut(page)).toContainText(long);
  await kubectl(page, `get pod ${'y'.repeat(5_000)}`);
  await expect(consoleOut(page)).toContainText('not found');
  // A 300-character Job name is refused with the name echoed.
  await setScenario(page, SMALL_JOB.replace('name: demo', `name: ${'z'.repeat(300)}`));
  await expect(page.getByTestId('problems')).toContainText('z'.repeat(300));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'horizontal overflow of the page (px)').toBeLessThanOrEqual(0);
  await expectInert(page, rec);
});

test('a 2 MB paste shows a size error; the app keeps running and the previous run stays', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const rec = await openRecorded(page, SMALL_JOB);
  await expect(page.getByTestId('pods.card')).toHaveCount(2);
  const big = `${SMALL_JOB}# ${'x'.repeat(2.1 * 1024 * 1024)}\n`;
  await page.evaluate((t) => navigator.clipboard.writeText(t), big);
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await expect(page.getByTestId('problems')).toContainText('the scenario is too large: 2.1 MB; the limit is 2 MB', { timeout: 20_000 });
  await expect(page.getByTestId('pods.card')).toHaveCount(2);
  // Still responsive: the time controls move the cursor, and a valid text runs again.
  await page.getByRole('button', { name: '+10 s' }).click();
  await expect(page.getByTestId('status.active').locator('dd')).toHaveText('2');
  await setScenario(page, SMALL_JOB.replace('completions: 2', 'completions: 3').replace('parallelism: 2', 'parallelism: 3'));
  // Past 0:00 a Job edit waits for Apply or Restart; Restart runs it from the start.
  await page.getByRole('button', { name: 'Restart', exact: true }).click();
  await expect(page.getByTestId('pods.card')).toHaveCount(3);
  await expect(page.getByTestId('problems.item')).toHaveCount(0);
  await expectInert(page, rec);
});

test('a YAML alias bomb shows an error and the previous run stays', async ({ page }) => {
  const rec = await openRecorded(page, SMALL_JOB);
  await expect(page.getByTestId('pods.card')).toHaveCount(2);
  await setScenario(page, fixture('alias-bomb.yaml'));
  await expect(page.getByTestId('problems')).toContainText('too many aliases', { timeout: 20_000 });
  await expect(page.getByTestId('pods.card')).toHaveCount(2);
  await page.getByRole('button', { name: '+10 s' }).click();
  await expect(page.getByTestId('status.active').locator('dd')).toHaveText('2');
  await expectInert(page, rec);
});
