// Export downloads (Blob + a[download]: no request leaves the page) and Import of a
// `kubectl get job -o yaml` paste.

import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';
import { SMALL_JOB } from './scenarios';

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test('export: final Job, scenario file, kubectl script and kind+KWOK recipe download with their contents', async ({ page }) => {
  const app = await PlaygroundPage.open(page, SMALL_JOB);
  await app.button('Export').click();
  const job = await download(page, 'export.job');
  expect(job.name).toBe('demo-job.yaml');
  expect(job.text).toContain('kind: Job');
  expect(job.text).toMatch(/succeeded: 2/);
  const scenario = await download(page, 'export.scenario');
  expect(scenario.name).toBe('e2e-small.scenario.yaml');
  expect(scenario.text).toContain('kind: Scenario');
  const script = await download(page, 'export.script');
  expect(script.name).toBe('e2e-small-replay.sh');
  expect(script.text).toMatch(/^#!\/usr\/bin\/env bash/);
  expect(script.text).toContain('kubectl');
  const kwok = await download(page, 'export.kwok');
  expect(kwok.text).toContain('kind create cluster');
  app.expectClean();
});

test('import: a pasted kubectl get job -o yaml becomes a new scenario; a bad paste says why', async ({ page }) => {
  const app = await PlaygroundPage.open(page, SMALL_JOB);
  await app.button('Import').click();
  await page.getByTestId('import.text').fill('kind: Pod\nmetadata: {name: x}\n');
  await page.getByRole('button', { name: 'Import as a new scenario' }).click();
  await expect(page.getByTestId('import.error')).toContainText('expected kind: Job');
  const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: imported
  namespace: default
  uid: 0b1c2d3e-aaaa-bbbb-cccc-000000000001
  resourceVersion: "12345"
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
status:
  active: 1
`;
  await page.getByTestId('import.text').fill(job);
  await page.getByRole('button', { name: 'Import as a new scenario' }).click();
  await expect(page.getByTestId('session.bar')).toHaveAttribute('data-source', 'import');
  await expect.poll(() => app.editorText()).toContain('name: imported');
  expect(await app.editorText()).not.toContain('resourceVersion');
  app.expectClean();
});
