// Worker robustness: a crash (uncaught error in the worker) and a hang (a busy loop) during
// a run. The supervisor restarts the worker, the last good run stays on screen, the
// scenario text is untouched and the problems area says what happened. Test faults exist
// only with ?testhooks (the hang guard is shortened with &hangMs).
import { expect, test, type Page } from '@playwright/test';
import { PlaygroundPage, seedDraft } from './pages/PlaygroundPage';
import { SMALL_JOB } from './scenarios';

/** Big enough that its run spans several worker slices. */
const LONG_JOB = SMALL_JOB.replace('completions: 2', 'completions: 30000').replace('parallelism: 2', 'parallelism: 3000').replace('e2e-small', 'e2e-long');

async function open(page: Page): Promise<PlaygroundPage> {
  const app = new PlaygroundPage(page);
  await seedDraft(page, SMALL_JOB);
  await page.goto('/?testhooks&hangMs=1500');
  await app.waitForRun();
  await expect(app.region('Pods').getByTestId('pods.card')).toHaveCount(2);
  return app;
}

for (const fault of ['crash', 'hang'] as const) {
  test(`a worker ${fault} during a run is recovered: message, last good run kept, text intact`, async ({ page }) => {
    const app = await open(page);
    const loading = page.evaluate((text) => window.__playgroundPerf!.load(text), LONG_JOB);
    await page.evaluate((f) => window.__playgroundPerf!.fault(f), fault);
    const res = await loading;
    expect(res.ok).toBe(false);
    const problems = page.getByTestId('problems');
    await expect(problems).toContainText(fault === 'crash' ? 'crashed' : 'stopped responding');
    await expect(problems).toContainText('last good run stays on screen');
    // The last good run is still on screen and the text is what was being run.
    await expect(app.region('Pods').getByTestId('pods.card')).toHaveCount(2);
    expect(await page.evaluate(() => window.__playground?.text() ?? localStorage.getItem('job-playground.scenario.v1'))).toContain('e2e-long');
    // The restarted worker runs the next request.
    const again = await page.evaluate((text) => window.__playgroundPerf!.load(text), SMALL_JOB.replace('e2e-small', 'e2e-again'));
    expect(again.ok).toBe(true);
    await expect(problems).not.toContainText('last good run stays on screen');
    expect(app.pageErrors, JSON.stringify(app.pageErrors)).toEqual([]);
    expect(app.externalRequests).toEqual([]);
  });
}

test('a run can be cancelled; the previous run stays', async ({ page }) => {
  const app = await open(page);
  const loading = page.evaluate((text) => window.__playgroundPerf!.load(text), LONG_JOB);
  await page.waitForFunction(() => window.__playgroundPerf!.busy());
  await page.evaluate(() => window.__playgroundPerf!.cancel());
  const res = await loading;
  expect(res.ok).toBe(true); // no error: the previous run is still the one on screen
  expect(await page.evaluate(() => window.__playgroundPerf!.busy())).toBe(false);
  await expect(app.region('Pods').getByTestId('pods.card')).toHaveCount(2);
  expect(app.pageErrors).toEqual([]);
});
