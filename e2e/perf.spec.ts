// Rendering at scale: above 200 pods the Pods panel is a canvas with a text summary and a
// hover tooltip; above 256 indexes the Indexes panel is a zoomable heatmap with a
// tooltip; Events are virtualized; seeking is fast. Uses the ?testhooks perf hooks.
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';
import { SMALL_JOB } from './scenarios';

const WIDE = SMALL_JOB.replace('completions: 2', 'completions: 5000\n      completionMode: Indexed')
  .replace('parallelism: 2', 'parallelism: 500')
  .replace('e2e-small', 'e2e-wide');

test('thousands of pods and indexes: canvas pods, heatmap with hover, virtual events, fast seek', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new PlaygroundPage(page);
  await page.goto('/?testhooks');
  await app.waitForRun();
  const res = await page.evaluate((text) => window.__playgroundPerf!.load(text), WIDE);
  expect(res.ok, res.error ?? '').toBe(true);
  await page.evaluate(() => window.__playgroundPerf!.seek(5000));

  const pods = app.region('Pods');
  await expect(pods.getByTestId('pods.canvas')).toBeVisible();
  await expect(pods.getByTestId('pods.card')).toHaveCount(0);
  await expect(pods.getByTestId('pods.summary')).toContainText('Running 500');
  await pods.getByTestId('pods.canvas').hover({ position: { x: 3, y: 3 } });
  await expect(pods.getByTestId('pods.tooltip')).toContainText(/e2e|demo-/);

  const indexes = app.region('Indexes');
  const heatmap = indexes.getByRole('img', { name: /5000 indexes/ });
  await expect(heatmap).toBeVisible();
  await heatmap.hover({ position: { x: 1, y: 1 } });
  await expect(indexes.getByTestId('indexes.tooltip')).toContainText('Index 0: Running, 0 failed pods');
  await indexes.getByRole('button', { name: 'Zoom in' }).click();
  await heatmap.hover({ position: { x: 1, y: 1 } });
  await expect(indexes.getByTestId('indexes.tooltip')).toContainText('Index 0');

  // Events: 500+ in the frame, only a window of rows in the DOM.
  const rows = app.region('Events').getByTestId('events.row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(60);

  // Seeking anywhere is a fold from a checkpoint, never a re-simulation.
  const end = await page.evaluate(() => window.__playgroundPerf!.endMs());
  const times: number[] = [];
  for (const f of [0.9, 0.1, 0.5, 0.75, 0.3]) times.push((await page.evaluate((ms) => window.__playgroundPerf!.seek(ms), Math.round(end * f)))[0]);
  expect(Math.max(...times)).toBeLessThan(50);
  await page.evaluate((ms) => window.__playgroundPerf!.seek(ms), end);
  await expect(heatmap).toHaveAttribute('aria-label', /Completed 5000/);
  await app.screenshot('perf-canvas');
  expect(app.pageErrors).toEqual([]);
  expect(app.externalRequests).toEqual([]);
});
