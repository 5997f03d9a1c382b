import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';
import { INDEXED_JOB, SMALL_JOB } from './scenarios';

test('loads offline: named panels, the default run, no external request, no error', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await expect(page).toHaveTitle('Job Playground');
  for (const name of ['Scenario', 'Time controls', 'Pods', 'Status', 'Conditions', 'Events', 'Indexes', 'kubectl']) {
    await expect(app.region(name)).toBeVisible();
  }
  await app.waitForRun();
  await app.waitForEditor();
  await expect(app.region('Pods').getByTestId('pods.card').first()).toBeVisible();
  await app.screenshot('01-loaded');
  app.expectClean();
});

test('default scenario plays to Complete with one failed pod', async ({ page }) => {
  const app = await PlaygroundPage.open(page);
  await app.setSpeed(100);
  await app.button('Play').click();
  await expect.poll(() => app.cursorMs()).toBeGreaterThan(0);
  await expect(app.condition('Complete')).toHaveAttribute('data-status', 'True', { timeout: 15_000 });
  await expect(app.statusCounter('succeeded')).toHaveText('3');
  await expect(app.statusCounter('failed')).toHaveText('1');
  await expect(page.getByTestId('live')).toContainText('Complete');
  // Playing stops by itself at the end of the run.
  await expect(app.button('Play')).toBeVisible();
  await expect(app.region('Events').getByTestId('events.row').first()).toBeVisible();
  await app.screenshot('02-complete');
  app.expectClean();
});

test('an invalid scenario shows its errors and keeps the previous run', async ({ page }) => {
  const app = await PlaygroundPage.open(page, SMALL_JOB);
  await expect(app.region('Pods').getByTestId('pods.card')).toHaveCount(2);
  await app.setScenario(SMALL_JOB.replace('  actions: []', '  actions: []\n  seed: "x"'));
  await expect(page.getByTestId('problems.item').first()).toBeVisible();
  await expect(page.getByTestId('problems')).toContainText(/line \d+, column \d+/);
  // The same errors are markers in the editor.
  await expect
    .poll(() => page.evaluate(() => window.__monaco?.editor.getModelMarkers({ owner: 'scenario' }).length ?? 0))
    .toBeGreaterThan(0);
  await expect(app.region('Pods').getByTestId('pods.card')).toHaveCount(2);
  await app.screenshot('03-invalid');
  app.expectClean();
});

test('failing a pod at the cursor adds an action and counts the failure', async ({ page }) => {
  const app = await PlaygroundPage.open(page, SMALL_JOB);
  await app.button('+10 s').click();
  await expect(app.statusCounter('failed')).toHaveText('0');
  const card = app.region('Pods').getByTestId('pods.card').first();
  await expect(card).toHaveAttribute('data-phase', 'Running');
  const name = (await card.locator('.pod-name').textContent()) ?? '';
  await card.getByLabel(`Exit code for ${name}`).fill('42');
  await card.getByRole('button', { name: `Fail pod ${name}` }).click();
  await expect(app.statusCounter('failed')).toHaveText('1');
  await expect(app.region('Pods').locator('[data-phase="Failed"]').getByTestId('pods.exitCode')).toHaveText('42');
  await app.waitForEditor();
  expect(await app.editorText()).toMatch(/- at: 10\n\s+failPod: \{ name: \S+, exitCode: 42 \}/);
  app.expectClean();
});

test('suspend and resume the Job', async ({ page }) => {
  const app = await PlaygroundPage.open(page, SMALL_JOB);
  await app.button('+10 s').click();
  await app.button('Suspend').click();
  await expect(app.region('Status').getByText('Suspended', { exact: true })).toBeVisible();
  await app.button('+10 s').click();
  await expect(app.statusCounter('active')).toHaveText('0');
  await app.button('Resume').click();
  await app.button('+10 s').click();
  await expect(app.statusCounter('active')).toHaveText('2');
  await app.waitForEditor();
  const text = await app.editorText();
  expect(text).toContain('suspend: true');
  expect(text).toContain('suspend: false');
  await app.screenshot('05-resumed');
  app.expectClean();
});

test('undo brings back the future that acting while scrubbed back discarded', async ({ page }) => {
  const app = await PlaygroundPage.open(page, SMALL_JOB);
  await app.button('+10 s').click();
  await app.button('+10 s').click();
  await app.button('Suspend').click();
  await expect(app.region('Status').getByText('Suspended', { exact: true })).toBeVisible();
  await page.getByTestId('time.timeline').fill('5000');
  await app.button('Suspend').click();
  await expect(page.getByTestId('notice')).toContainText('1 later action');
  await app.button('Undo').click();
  await app.waitForEditor();
  await expect.poll(() => app.editorText()).toContain('at: 20');
  app.expectClean();
});

test('the scenario text is autosaved and survives a reload', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.setScenario(`${SMALL_JOB}# autosave-marker\n`);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('job-playground.scenario.v1') ?? '')).toContain('autosave-marker');
  await page.reload();
  await app.waitForEditor();
  await expect.poll(() => app.editorText()).toContain('autosave-marker');
  app.expectClean();
});

test('switching the language translates the UI and is remembered', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await page.getByTestId('toolbar.lang').selectOption('zh-CN');
  await expect(app.region('状态')).toBeVisible();
  await expect(app.button('播放')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.reload();
  await expect(app.region('时间控制')).toBeVisible();
  await app.screenshot('08-zh-CN');
  app.expectClean();
});

test('keyboard: space plays, arrows step, ? opens the help; indexed grid and dark theme', async ({ page }) => {
  const app = await PlaygroundPage.open(page, INDEXED_JOB);
  await expect(app.region('Indexes').getByTestId('indexes.cell')).toHaveCount(4);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => app.cursorMs()).toBeGreaterThan(0);
  await page.keyboard.press('End');
  await expect(app.region('Indexes').locator('[data-state="completed"]')).toHaveCount(4);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await app.button('Theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.screenshot('09-indexed-dark');
  app.expectClean();
});

test('the kubectl console answers from the state at the cursor through the worker', async ({ page }) => {
  const app = await PlaygroundPage.open(page, SMALL_JOB);
  await app.button('+10 s').click();
  const console = app.region('kubectl');
  await console.getByLabel('kubectl command').fill('get pods');
  await console.getByRole('button', { name: 'Run' }).click();
  await expect(console.getByTestId('console.output')).toContainText('NAME');
  await expect(console.getByTestId('console.output')).toContainText('Running');
  await console.getByLabel('kubectl command').fill('get jobs');
  await console.getByRole('button', { name: 'Run' }).click();
  await expect(console.getByTestId('console.output')).toContainText('demo');
  await app.screenshot('10-kubectl');
  app.expectClean();
});
