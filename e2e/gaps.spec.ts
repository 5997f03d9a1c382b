// The playground gaps: deadline/backoff/TTL windows, per-index backoff, the
// over-parallelism badge, idle skipping, kubectl history, Add condition and Patch.

import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';
import { SMALL_JOB, jobScenario } from './scenarios';

test('deadline and TTL windows are labelled with their numbers', async ({ page }) => {
  const app = await PlaygroundPage.open(page, jobScenario('e2e-windows', 'activeDeadlineSeconds: 30\nttlSecondsAfterFinished: 20', 'defaults: {startupSeconds: 1, durationSeconds: 10}'));
  const windows = app.region('Conditions').getByTestId('conditions.windows');
  await expect(windows.locator('[data-kind="deadline"]')).toContainText('deadline 30 s');
  await expect(windows.locator('[data-kind="ttl"]')).toContainText(/TTL 20 s → deleted at 0:3\d/);
  await expect(app.region('Conditions').getByTestId('conditions.chart')).toBeVisible();
  await app.region('Conditions').screenshot({ path: 'reports/screenshots/gaps-windows.png' });
  app.expectClean();
});

test('an Indexed Job with backoffLimitPerIndex shows an index waiting for its backoff', async ({ page }) => {
  const app = await PlaygroundPage.open(
    page,
    jobScenario('e2e-blpi', 'completions: 3\nparallelism: 3\ncompletionMode: Indexed\nbackoffLimitPerIndex: 2', 'defaults: {startupSeconds: 1, durationSeconds: 60}\nrules:\n  - {index: "1", durationSeconds: 5, exitCode: 1}'),
  );
  await app.button('+10 s').click();
  const cell = app.region('Indexes').locator('[data-testid="indexes.cell"][data-state="backoff"]');
  await expect(cell).toHaveCount(1);
  await expect(cell).toContainText(/failed \ds ago/);
  await expect(app.region('Indexes').getByTestId('indexes.nextIn')).toContainText(/next pod within \d+s/);
  await app.region('Indexes').screenshot({ path: 'reports/screenshots/gaps-index-backoff.png' });
  app.expectClean();
});

test('more pods than parallelism while a deleted pod terminates', async ({ page }) => {
  const app = await PlaygroundPage.open(
    page,
    jobScenario('e2e-over', 'completions: 2\nparallelism: 2\npodReplacementPolicy: TerminatingOrFailed', 'defaults: {startupSeconds: 1, durationSeconds: 90, terminationSeconds: 60}', '\n    - {at: 10, deletePod: {}}'),
  );
  await expect(app.region('Pods').getByTestId('pods.overParallelism')).toHaveCount(0);
  for (let i = 0; i < 3; i++) await app.button('+10 s').click();
  await expect(app.region('Pods').getByTestId('pods.overParallelism')).toContainText('3 pods > parallelism 2 (terminating pods still running)');
  await expect(app.region('Pods').getByTestId('pods.group.terminating').getByTestId('pods.card')).toHaveCount(1);
  await app.region('Pods').screenshot({ path: 'reports/screenshots/gaps-over-parallelism.png' });
  app.expectClean();
});

test('playback skips long idle waits and says so', async ({ page }) => {
  const app = await PlaygroundPage.open(page, jobScenario('e2e-backoff-delays', 'backoffLimit: 7', 'defaults: {startupSeconds: 0, durationSeconds: 1, exitCode: 1}'));
  await expect(page.getByTestId('time.skipIdle')).toBeChecked();
  await app.button('+1 min').click();
  await app.setSpeed(10);
  await app.button('Play').click();
  await expect(page.getByTestId('time.skipNote')).toContainText(/Skipped \d+m \d+s of idle time/, { timeout: 15_000 });
  await app.button('Pause').click();
  // Off: the same stretch plays in full.
  await page.getByTestId('time.skipIdle').uncheck();
  await expect(page.getByTestId('time.skipNote')).toHaveText('');
  app.expectClean();
});

test('the kubectl console recalls earlier commands with Up and Down, also after a reload', async ({ page }) => {
  const app = await PlaygroundPage.open(page, SMALL_JOB);
  const input = page.getByTestId('console.input');
  for (const cmd of ['get jobs', 'get pods -o wide']) {
    await input.fill(cmd);
    await input.press('Enter');
  }
  await expect(page.getByTestId('console.output')).toContainText('$ kubectl get pods -o wide');
  await input.fill('desc');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('get pods -o wide');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('get jobs');
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('desc');
  await page.reload();
  await app.waitForRun();
  await page.getByTestId('console.input').press('ArrowUp');
  await expect(page.getByTestId('console.input')).toHaveValue('get pods -o wide');
  app.expectClean();
});

test('Add condition and Patch become scenario actions at the cursor', async ({ page }) => {
  const app = await PlaygroundPage.open(page, SMALL_JOB);
  await app.button('+10 s').click();
  const card = app.region('Pods').getByTestId('pods.card').first();
  await card.getByTestId('pods.addCondition').click();
  const dialog = page.getByTestId('pods.conditionDialog');
  await dialog.getByLabel('Condition type').fill('ConfigIssue');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await app.waitForEditor();
  await expect.poll(() => app.editorText()).toMatch(/setPodCondition: \{ name: \S+, type: ConfigIssue, status: "True" \}/);
  await page.getByTestId('status.patch').click();
  const patch = page.getByTestId('status.patchDialog');
  await patch.getByLabel('Patch (JSON)').fill('{"spec": ');
  await patch.getByRole('button', { name: 'Apply patch' }).click();
  await expect(patch.getByTestId('status.patchError')).toContainText('Not valid JSON');
  await patch.getByLabel('Patch (JSON)').fill('{"spec": {"parallelism": 1}}');
  await patch.getByRole('button', { name: 'Apply patch' }).click();
  await expect.poll(() => app.editorText()).toMatch(/patchJob: \{ type: merge, patch: \{ spec: \{ parallelism: 1 \} \} \}/);
  app.expectClean();
});
