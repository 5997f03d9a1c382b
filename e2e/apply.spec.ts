// Apply versus Restart: with the cursor past 0:00, a Job edit waits for the person;
// Apply records it as an `apply:` action at the cursor (kubectl apply on the live Job),
// Restart runs the edited Job from 0:00.

import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('Apply at the cursor records a kubectl apply; an immutable edit is refused as kubectl prints it', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.waitForRun();
  await app.waitForEditor();
  await app.button('+10 s').click();
  await expect.poll(() => app.cursorMs()).toBe(10_000);

  // An immutable change of the template: the hint appears, nothing runs until Apply.
  const edited = (await app.editorText()).replace('image: busybox:1.36', 'image: alpine:3.20');
  await app.setScenario(edited);
  await expect(page.getByTestId('editor.jobEdited')).toBeVisible();
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
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.waitForRun();
  await app.waitForEditor();
  await app.button('+10 s').click();
  await expect.poll(() => app.cursorMs()).toBe(10_000);
  const edited = (await app.editorText()).replace('parallelism: 2', 'parallelism: 3');
  await app.setScenario(edited);
  await expect(page.getByTestId('editor.jobEdited')).toBeVisible();
  await app.button('Restart').click();
  // A new run from 0:00 (it starts playing at once).
  await expect.poll(() => app.cursorMs()).toBeLessThan(10_000);
  expect(await app.editorText()).not.toContain('apply:');
  await expect(page.getByTestId('editor.jobEdited')).toBeHidden();
});
