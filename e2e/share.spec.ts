// Share links: the round trip (copy → open in a new page → same scenario and cursor, the
// draft untouched), a malformed link (a clear message, the draft loaded and intact).

import { expect, test } from '@playwright/test';
import { SCENARIO_KEY as DRAFT_KEY } from '../src/state/persistence';
import { PlaygroundPage, seedDraft } from './pages/PlaygroundPage';
import { SMALL_JOB } from './scenarios';

const draftOf = (page: import('@playwright/test').Page) => page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY);

test('share round trip: the link opens the same scenario at the same cursor, the draft stays saved', async ({ page, context }) => {
  const app = await PlaygroundPage.open(page, SMALL_JOB);
  await app.button('+10 s').click();
  await expect.poll(() => app.cursorMs()).toBe(10_000);
  await app.button('Share').click();
  const link = await page.getByTestId('share.link').inputValue();
  expect(link.startsWith(`${new URL(page.url()).origin}/#s=1.`)).toBe(true);
  await expect(page.getByTestId('share.status')).toContainText(`${link.length} characters`);
  await expect(page.getByTestId('share.long')).toHaveCount(0);

  // The reader has a draft of their own: the link must not overwrite it.
  await page.evaluate((k) => localStorage.setItem(k, 'my own draft: keep me'), DRAFT_KEY);
  const other = await context.newPage();
  const reader = new PlaygroundPage(other);
  await other.goto(link);
  await reader.waitForRun();
  await expect.poll(() => reader.cursorMs()).toBe(10_000);
  await expect(reader.region('Pods').getByTestId('pods.card')).toHaveCount(2);
  await expect(other.getByTestId('session.bar')).toHaveAttribute('data-source', 'link');
  await reader.waitForEditor();
  expect(await reader.editorText()).toContain('name: demo');
  expect(await draftOf(other)).toBe('my own draft: keep me');

  // Back to my draft: the draft returns and the link leaves the address.
  await other.getByTestId('session.back').click();
  await expect.poll(() => reader.editorText()).toBe('my own draft: keep me');
  expect(new URL(other.url()).hash).toBe('');
  reader.expectClean();
  app.expectClean();
});

test('a malformed share link says so and loads the saved draft untouched', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await seedDraft(page, SMALL_JOB);
  await page.goto('/#s=1.dnot-a-real-payload');
  await expect(page.getByTestId('share.error')).toContainText('could not be opened');
  await expect(page.getByTestId('share.error')).toContainText('invalid share link');
  await app.waitForRun();
  await expect(page.getByTestId('session.bar')).toHaveCount(0);
  await app.waitForEditor();
  expect(await app.editorText()).toBe(SMALL_JOB);
  expect(await draftOf(page)).toBe(SMALL_JOB);
  app.expectClean();
});
