// The pods canvas follows a theme switch: its colours come from the theme's CSS variables,
// which must already be the new theme's when the canvas redraws.
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';
import { jobScenario } from './scenarios';

const MANY_PODS = jobScenario('e2e-many-pods', 'completions: 300\nparallelism: 300', 'defaults:\n  startupSeconds: 1\n  durationSeconds: 20');

test('the pods canvas redraws in the new theme\'s colours when the theme is switched', async ({ page }) => {
  const app = await PlaygroundPage.open(page, MANY_PODS);
  const canvas = page.getByTestId('pods.canvas');
  await expect(canvas).toBeVisible();
  await page.keyboard.press('End');
  const pixels = () => canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const light = await pixels();
  await app.button('Theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(pixels).not.toBe(light);
  // The same colours as a canvas first drawn in the dark theme.
  const switched = await pixels();
  await page.reload();
  await app.waitForRun();
  await page.keyboard.press('End');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(pixels).toBe(switched);
  app.expectClean();
});
