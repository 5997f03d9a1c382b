// Apply versus Restart: with the cursor past 0:00, a Job edit waits for the person;
// Apply records it as an `apply:` action at the cursor (kubectl apply on the live Job),
// Restart runs the edited Job from 0:00.

import { expect, test, type Page } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

/** The default scenario at 0:10 with `from` replaced by `to` in the editor: the Job edit waits for the person. */
async function editJobAt10s(page: Page, from: string, to: string): Promise<PlaygroundPage> {
  const app = await PlaygroundPage.open(page);
  await app.waitForEditor();
  await app.button('+10 s').click();
  await expect.poll(() => app.cursorMs()).toBe(10_000);
  await app.setScenario((await app.editorText()).replace(from, to));
  await expect(page.getByTestId('editor.jobEdited')).toBeVisible();
  return app;
}

test('Apply at the cursor records a kubectl apply; an immutable edit is refused as kubectl prints it', async ({ page }) => {
  // An immutable change of the template: the hint appears, nothing runs until Apply.
  const app = await editJobAt10s(page, 'image: busybox:1.36', 'image: alpine:3.20');
  await app.button('Apply').click();
  await expect.poll(() => app.editorText()).toContain('apply:');
  const text = await app.editorText();
  expect(text).toContain('at: 10');
  expect(text.indexOf('image: busybox:1.36')).toBeLessThan(text.indexOf('apply:'));
  await expect(page.getByTestId('editor.jobEdited')).toBeHidden();
  await app.button('+10 s').click();
  await expect(page.getByText(/The Job "demo" is invalid: spec\.template: Invalid value: .*field is immutable/).first()).toBeVisible();
  expect(app.externalRequests).toEqual([]);
});

test('Restart runs the edited Job from 0:00', async ({ page }) => {
  const app = await editJobAt10s(page, 'parallelism: 2', 'parallelism: 3');
  await app.button('Restart').click();
  // A new run from 0:00 (it starts playing at once).
  await expect.poll(() => app.cursorMs()).toBeLessThan(10_000);
  expect(await app.editorText()).not.toContain('apply:');
  await expect(page.getByTestId('editor.jobEdited')).toBeHidden();
});
