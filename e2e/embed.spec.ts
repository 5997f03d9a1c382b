// Embeds: a read-only embed never downloads Monaco; click-to-load runs nothing until the
// click; the postMessage API answers an allowed origin and ignores any other
// (public/docs-example.html, served by the same preview server).

import { expect, test, type Page } from '@playwright/test';

const MONACO = /YamlEditor|editor\.worker|yaml\.worker|codicon|monaco/i;
const HEAVY = /sim\.worker|EmbedApp|ConditionChart|StatusPanel/;

function recordRequests(page: Page): { urls: string[]; errors: string[] } {
  const rec = { urls: [] as string[], errors: [] as string[] };
  page.on('request', (r) => rec.urls.push(r.url()));
  page.on('pageerror', (e) => rec.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && rec.errors.push(m.text()));
  return rec;
}

test('a read-only embed runs its example without requesting any Monaco chunk or worker', async ({ page }) => {
  const rec = recordRequests(page);
  await page.goto('/embed.html?example=backoff-limit-retries&panels=Pods,Status,Conditions,Events');
  await expect(page.getByTestId('embed.app')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Pods', exact: true })).toBeVisible();
  await expect(page.getByTestId('time.play')).toBeEnabled();
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await expect(page.locator('[data-testid="conditions.item"][data-type="Failed"]')).toHaveAttribute('data-status', 'True');
  await expect(page.getByText('backoffLimit: 2 allows 3 attempts')).toBeVisible();
  expect(rec.urls.filter((u) => MONACO.test(u))).toEqual([]);
  await expect(page.locator('.monaco-editor')).toHaveCount(0);
  expect(rec.errors).toEqual([]);
});

test('click-to-load: nothing heavy loads until the reader clicks', async ({ page }) => {
  const rec = recordRequests(page);
  await page.goto('/embed.html?example=backoff-limit-retries&click-to-load=1&lang=zh-CN');
  const load = page.getByTestId('embed.load');
  await expect(load).toContainText('点击加载 Job 模拟');
  await page.waitForTimeout(300);
  expect(rec.urls.filter((u) => HEAVY.test(u) || MONACO.test(u))).toEqual([]);
  await load.click();
  await expect(page.getByTestId('embed.app')).toBeVisible();
  await expect(page.getByTestId('time.play')).toBeEnabled();
  expect(rec.urls.some((u) => /sim\.worker/.test(u))).toBe(true);
  expect(rec.urls.filter((u) => MONACO.test(u))).toEqual([]);
  expect(rec.errors).toEqual([]);
});

test('postMessage: the allowed origin drives the embed; another origin and malformed messages do not', async ({ page }) => {
  const rec = recordRequests(page);
  await page.goto('/docs-example.html');
  const first = page.frameLocator('#embed-backoff');
  await expect(first.getByTestId('embed.load')).toBeVisible();
  // getState before loading: answered without loading anything.
  await page.getByRole('button', { name: 'Get state' }).click();
  await expect(page.getByTestId('docs.log')).toContainText('state: t=0 ms of 0 ms');
  // A seek from the (same, allowed) origin loads the player and moves its cursor.
  await page.getByRole('button', { name: 'Seek to 30 s' }).click();
  await expect(page.getByTestId('docs.log')).toContainText('state: t=30000 ms');
  await expect(first.getByTestId('time.clock')).toHaveAttribute('data-ms', '30000');
  await expect(page.getByTestId('docs.log')).toContainText(/condition at \d+ ms/);
  await expect(page.getByTestId('docs.log')).toContainText(/pods at \d+ ms/);

  // Malformed (unknown field) from the allowed origin: an error reply, nothing done.
  const reply = await page.evaluate(async () => {
    const f = document.getElementById('embed-backoff') as HTMLIFrameElement;
    return new Promise<unknown>((resolve) => {
      window.addEventListener('message', (e) => {
        const d = e.data as { id?: number };
        if (d?.id === 999) resolve(d);
      });
      f.contentWindow?.postMessage({ protocol: 'job-playground-embed', id: 999, type: 'seek', ms: 5, evil: true }, location.origin);
    });
  });
  expect(reply).toMatchObject({ type: 'error', message: 'seek: unexpected field "evil"' });
  await expect(first.getByTestId('time.clock')).toHaveAttribute('data-ms', '30000');

  // An embed that only trusts another origin ignores this page entirely.
  const answers = await page.evaluate(async () => {
    const f = document.createElement('iframe');
    f.src = 'embed.html?example=backoff-limit-retries&origins=https://docs.example.com';
    f.id = 'untrusting';
    document.body.appendChild(f);
    await new Promise((r) => f.addEventListener('load', r, { once: true }));
    const seen: unknown[] = [];
    window.addEventListener('message', (e) => e.source === f.contentWindow && seen.push(e.data));
    f.contentWindow?.postMessage({ protocol: 'job-playground-embed', id: 1, type: 'seek', ms: 30000 }, location.origin);
    f.contentWindow?.postMessage({ protocol: 'job-playground-embed', id: 2, type: 'getState' }, location.origin);
    await new Promise((r) => setTimeout(r, 1500));
    return seen;
  });
  expect(answers).toEqual([]);
  const untrusting = page.frameLocator('#untrusting');
  await expect(untrusting.getByTestId('time.play')).toBeEnabled();
  await expect(untrusting.getByTestId('time.clock')).toHaveAttribute('data-ms', '0');
  expect(rec.errors).toEqual([]);
});
