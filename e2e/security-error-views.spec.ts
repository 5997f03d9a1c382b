// Error views, forced through the `?testhooks` crash hooks (src/app/testHooks.tsx): a
// panel's render crash stays in that panel; a crash of the whole shell shows the global
// view whose "copy scenario" button puts the (autosaved) scenario text on the clipboard;
// an error outside React shows a banner; never a white page.

import { expect, test, type Page } from '@playwright/test';
import { SMALL_JOB } from './scenarios';
import { open, openRecorded, settled } from './securityKit';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** React reports every caught render error on the console; only the forced ones are expected. */
function unexpected(errors: string[]): string[] {
  return errors.filter((e) => !/test crash in|TestCrash|The above error occurred/.test(e));
}

/** The rescue view shows `message` and the scenario `text`, copies the text, and its Reload brings the app back. */
async function rescueAndReload(page: Page, message: string, text: string): Promise<void> {
  const view = page.getByTestId('crash.view');
  await expect(view).toBeVisible();
  await expect(view.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
  await expect(view.getByTestId('crash.message')).toContainText(message);
  await expect(view.getByTestId('crash.text')).toHaveValue(text);
  await view.getByTestId('crash.copy').click();
  await expect(view.getByTestId('crash.status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  await view.getByTestId('crash.reload').click();
  await settled(page);
  await expect(page.getByTestId('crash.view')).toHaveCount(0);
}

test('a panel render crash shows that panel\'s error; the rest keeps working; Retry recovers', async ({ page }) => {
  const rec = await openRecorded(page, SMALL_JOB);
  await page.evaluate(() => window.__playground?.crashPanel('pods'));
  const pods = page.getByTestId('panel.pods');
  await expect(pods.getByRole('alert')).toContainText('This panel failed to render');
  await expect(pods.getByRole('alert')).toContainText('test crash in panel:pods');
  await expect(pods.getByTestId('pods.card')).toHaveCount(0);
  // Other panels still follow the cursor.
  await page.getByRole('button', { name: '+10 s' }).click();
  await expect(page.getByTestId('status.active').locator('dd')).toHaveText('2');
  const kubectl = page.getByRole('region', { name: 'kubectl', exact: true });
  await kubectl.getByLabel('kubectl command').fill('get pods');
  await kubectl.getByRole('button', { name: 'Run' }).click();
  await expect(kubectl.getByTestId('console.output')).toContainText('Running');
  // The probe throws once: Retry brings the panel back.
  await pods.getByRole('button', { name: 'Retry' }).click();
  await expect(pods.getByTestId('pods.card')).toHaveCount(2);
  await expect(page.getByTestId('crash.view')).toHaveCount(0);
  expect(rec.pageErrors).toEqual([]);
  expect(unexpected(rec.consoleErrors)).toEqual([]);
});

test('a crash of the editor region or the time controls stays in that region', async ({ page }) => {
  const rec = await openRecorded(page, SMALL_JOB);
  await page.evaluate(() => window.__playground?.crashPanel('time'));
  await expect(page.getByTestId('section.time.error')).toContainText('test crash in panel:time');
  await expect(page.getByTestId('status.active')).toBeVisible();
  await page.getByTestId('section.time.error').getByRole('button').click();
  await expect(page.getByTestId('time.clock')).toBeVisible();
  expect(unexpected(rec.consoleErrors)).toEqual([]);
});

test('a global crash shows the rescue view; "copy scenario" copies the text; reload brings the app back', async ({ page }) => {
  const marker = `${SMALL_JOB}# rescue-marker <b>kept</b>\n`;
  const rec = await openRecorded(page, marker);
  await page.evaluate(() => window.__playground?.crashApp());
  // The text is autosaved: reloading brings the playground back with it.
  await rescueAndReload(page, 'test crash in app', marker);
  await expect.poll(() => page.evaluate(() => window.__playground?.text())).toBe(marker);
  expect(rec.pageErrors).toEqual([]);
  expect(unexpected(rec.consoleErrors)).toEqual([]);
});

test('an error outside every boundary leaves the plain-DOM rescue view, never a white page', async ({ page }) => {
  const rec = await openRecorded(page, SMALL_JOB);
  await page.evaluate(() => window.__playground?.crashRoot());
  await rescueAndReload(page, 'test crash in root', SMALL_JOB);
  expect(rec.dialogs).toEqual([]);
});

test('an unhandled rejection shows the error banner over a working app', async ({ page }) => {
  const rec = await openRecorded(page, SMALL_JOB);
  await page.evaluate(() => window.__playground?.rejectUnhandled('forced <img src=x onerror=alert(1)> rejection'));
  const banner = page.getByTestId('crash.banner');
  await expect(banner).toContainText('An unexpected error occurred');
  await expect(banner.getByTestId('crash.message')).toHaveText('Error: forced <img src=x onerror=alert(1)> rejection');
  await banner.getByTestId('crash.copy').click();
  await expect(banner.getByTestId('crash.status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(SMALL_JOB);
  // The app underneath still works; the banner can be dismissed.
  await page.getByRole('button', { name: '+10 s' }).click();
  await expect(page.getByTestId('status.active').locator('dd')).toHaveText('2');
  await banner.getByTestId('crash.dismiss').click();
  await expect(banner).toHaveCount(0);
  expect(rec.dialogs).toEqual([]);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(rec.pageErrors).toEqual(['forced <img src=x onerror=alert(1)> rejection']);
});

test('without ?testhooks the hooks do not exist', async ({ page }) => {
  await open(page, SMALL_JOB, { hooks: false });
  await expect(page.getByTestId('problems.status')).toContainText(/ms/);
  expect(await page.evaluate(() => typeof window.__playground)).toBe('undefined');
});
