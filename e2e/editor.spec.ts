// The scenario editor: schema hover docs in the UI language, completion of enum values,
// the API's rejection as markers on the right line, and cancelling a long run.
import { expect, test, type Page } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';
import { SMALL_JOB } from './scenarios';

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** Puts the cursor inside `needle` (at `offset` characters into it) and runs a Monaco action. */
async function runAt(page: Page, needle: string, offset: number, action: string): Promise<void> {
  await page.evaluate(
    ({ needle, offset, action }) => {
      const ed = window.__monaco?.editor.getEditors()[0];
      const model = ed?.getModel();
      if (!ed || !model) throw new Error('no editor');
      const match = model.findMatches(needle, false, false, true, null, false)[0];
      if (!match) throw new Error(`no ${needle}`);
      const pos = { lineNumber: match.range.startLineNumber, column: match.range.startColumn + offset };
      ed.focus();
      ed.setPosition(pos);
      ed.revealPositionInCenter(pos);
      ed.trigger('e2e', action, {});
    },
    { needle, offset, action },
  );
}

async function apiMarkers(page: Page): Promise<Array<{ line: number; message: string }>> {
  return page.evaluate(() => (window.__monaco?.editor.getModelMarkers({ owner: 'api' }) ?? []).map((m) => ({ line: m.startLineNumber, message: m.message })));
}

test('hover over backoffLimit shows its doc in English, then in Chinese', async ({ page }) => {
  const app = await PlaygroundPage.open(page, SMALL_JOB);
  await app.waitForEditor();
  const hover = page.locator('.monaco-hover:not(.hidden)');
  await expect(async () => {
    await runAt(page, 'backoffLimit', 3, 'editor.action.showHover');
    await expect(hover).toContainText('backoffLimit + 1', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await expect(hover).toContainText('min(10·2^(k−1), 600)');
  await page.keyboard.press('Escape');

  await page.getByTestId('toolbar.lang').selectOption('zh-CN');
  await expect(async () => {
    await runAt(page, 'backoffLimit', 3, 'editor.action.showHover');
    await expect(hover).toContainText('失败 Pod 数一旦超过该值', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  app.expectClean();
});

test('completion offers Indexed for completionMode', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto(SMALL_JOB);
  await app.waitForEditor();
  await app.setScenario(SMALL_JOB.replace('      completions: 2', '      completionMode: \n      completions: 2'));
  const suggest = page.locator('.suggest-widget.visible');
  await expect(async () => {
    await runAt(page, 'completionMode: ', 'completionMode: '.length, 'editor.action.triggerSuggest');
    await expect(suggest.locator('.label-name', { hasText: /^Indexed$/ })).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await expect(suggest.locator('.label-name', { hasText: /^NonIndexed$/ })).toBeVisible();
});

test('the API rejection is a marker on the field line with the upstream message', async ({ page }) => {
  const app = await PlaygroundPage.open(page, SMALL_JOB);
  // Always: the pod default, which a Job rejects (upstream: Required value, T1 in job-api.md).
  const always = SMALL_JOB.replace('restartPolicy: Never', 'restartPolicy: Always');
  await app.setScenario(always);
  await app.button('Apply').click();
  await expect.poll(() => apiMarkers(page)).toEqual([{ line: lineOf(always, 'restartPolicy'), message: 'Required value: valid values: "OnFailure", "Never"' }]);

  // An unknown value: the pod-level and the Job-level NotSupported causes, both on that line.
  const unknown = SMALL_JOB.replace('restartPolicy: Never', 'restartPolicy: Sometimes').replace('completions: 2', 'completions: -1');
  await app.setScenario(unknown);
  await app.button('Apply').click();
  const line = lineOf(unknown, 'restartPolicy');
  await expect.poll(() => apiMarkers(page)).toContainEqual({ line, message: 'Unsupported value: "Sometimes": supported values: "OnFailure", "Never"' });
  const markers = await apiMarkers(page);
  expect(markers.filter((m) => m.line === line).every((m) => m.message.startsWith('Unsupported value: "Sometimes"'))).toBe(true);
  expect(markers).toContainEqual({ line: lineOf(unknown, 'completions: -1'), message: 'Invalid value: -1: must be greater than or equal to 0' });

  // A valid Job clears them.
  await app.setScenario(SMALL_JOB);
  await app.button('Apply').click();
  await expect.poll(() => apiMarkers(page)).toEqual([]);
  app.expectClean();
});

test('a long run shows its progress and a Cancel button that stops it', async ({ page }) => {
  const huge = SMALL_JOB.replace('completions: 2', 'completions: 100000\n      completionMode: Indexed')
    .replace('parallelism: 2', 'parallelism: 2000')
    .replace('e2e-small', 'e2e-huge');
  const app = await PlaygroundPage.open(page, SMALL_JOB);
  await app.setScenario(huge);
  await app.button('Apply').click();
  const cancel = app.button('Cancel');
  await expect(cancel).toBeVisible();
  await expect(page.getByTestId('problems.progress')).toContainText(/events/);
  await cancel.click();
  await expect(cancel).toBeHidden();
  await expect(app.region('Pods').getByTestId('pods.card')).toHaveCount(2); // the previous run stays
  app.expectClean();
});

test('scenario errors and schema errors are markers on their own line', async ({ page }) => {
  const app = await PlaygroundPage.open(page, SMALL_JOB);
  const text = SMALL_JOB.replace('  actions: []', '  actions: []\n  seed: "x"').replace('completions: 2', 'completions: 2\n      completionMode: Sometimes');
  await app.setScenario(text);
  const markers = (owner: string) =>
    page.evaluate((o) => (window.__monaco?.editor.getModelMarkers({}) ?? []).filter((m) => m.owner === o).map((m) => m.startLineNumber), owner);
  // The worker's scenario check (spec.seed must be an integer) …
  await expect.poll(() => markers('scenario')).toEqual([lineOf(text, 'seed: "x"')]);
  // … and monaco-yaml's schema check (the completionMode enum, the seed type), each where the problem is.
  await expect.poll(async () => (await markers('yaml')).sort((a, b) => a - b)).toEqual([lineOf(text, 'completionMode: Sometimes'), lineOf(text, 'seed: "x"')]);
});
