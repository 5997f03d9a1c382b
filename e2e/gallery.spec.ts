// The examples gallery: every example listed in the current language, loading one shows
// its "what to watch" and expect block, and the draft comes back with "Back to my draft".

import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';
import { SMALL_JOB } from './scenarios';

test('gallery: load an example, see what to watch, go back to the draft', async ({ page }) => {
  const app = await PlaygroundPage.open(page, SMALL_JOB);
  await app.button('Examples').click();
  const items = page.getByTestId('gallery.item');
  expect(await items.count()).toBeGreaterThanOrEqual(17);
  await app.button('Load example: backoffLimit: 2 allows 3 attempts').click();
  await expect(page.getByTestId('gallery.dialog')).not.toBeVisible();
  const bar = page.getByTestId('session.bar');
  await expect(bar).toContainText('Example: backoffLimit: 2 allows 3 attempts');
  await expect(page.getByTestId('session.watch')).toContainText('Three pods, not two');
  await page.getByText('What you should see (expect)').click();
  await expect(page.getByTestId('session.expect')).toContainText('podsCreated: 3');
  await expect.poll(() => app.editorText()).toContain('name: backoff-limit-retries');
  await app.waitForRun();
  await app.button('Jump to end').click();
  await expect(app.condition('Failed')).toHaveAttribute('data-status', 'True');
  // The draft stayed in its slot all along.
  expect(await page.evaluate(() => localStorage.getItem('job-playground.scenario.v1'))).toBe(SMALL_JOB);
  await page.getByTestId('session.back').click();
  await expect.poll(() => app.editorText()).toBe(SMALL_JOB);

  // In Chinese the gallery shows the translated titles.
  await page.getByTestId('toolbar.lang').selectOption('zh-CN');
  await page.getByTestId('toolbar.examples').click();
  await expect(page.getByTestId('gallery.dialog')).toContainText('backoffLimit: 2 允许 3 次尝试');
  app.expectClean();
});
