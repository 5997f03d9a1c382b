// Browser figures of the benchmark (the "Performance at the API's limits" issue), measured
// in Debian's Chromium against `vite preview` of dist/ through the ?testhooks page hooks
// (src/worker/perfHooks.ts). bench/bench.ts calls measureBrowser(); run alone with
// `node --import tsx bench/browser.ts` it prints the figures as JSON.

import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { lighthouse } from './browser/lighthouse';
import { ensureBuilt, ROOT, startPreview } from './browser/preview';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';

const ARGS = CHROMIUM_ARGS;

const scenario = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** gzip (level 9) size in KB of the JS files requested before the editor chunk. */
function initialJsGzipKB(jsUrls: string[]): number {
  let bytes = 0;
  for (const u of jsUrls) bytes += gzipSync(readFileSync(join(ROOT, 'dist', 'assets', basename(new URL(u).pathname))), { level: 9 }).length;
  return Math.round((bytes / 1024) * 10) / 10;
}

async function openPage(page: Page, url: string): Promise<string[]> {
  const js: string[] = [];
  let editorSeen = false;
  page.on('request', (r) => {
    const u = r.url();
    if (!u.endsWith('.js') || !u.includes('/assets/')) return;
    if (/YamlEditor-/.test(u)) editorSeen = true;
    else if (!editorSeen && !/worker/.test(u)) js.push(u);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __longtasks: number[] };
    w.__longtasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longtasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${url}?testhooks`);
  await page.waitForFunction(() => window.__playgroundPerf !== undefined && !window.__playgroundPerf.busy());
  await page.waitForRequest(/YamlEditor-.*\.js$/, { timeout: 30_000 }).catch(() => null);
  return js;
}

async function bigRun(page: Page): Promise<{ workerSeconds: number | null; longestMainThreadTaskMs: number; seekMs: number; seekRenderMs: number }> {
  await page.evaluate(() => ((window as unknown as { __longtasks: number[] }).__longtasks = []));
  const res = await page.evaluate((text) => window.__playgroundPerf!.load(text), scenario('bench/scenarios/indexed-100k.yaml'));
  const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __longtasks: number[] }).__longtasks));
  let seekMs = 0;
  let seekRenderMs = 0;
  let x = 12345;
  for (let i = 0; i < 10; i++) {
    x = (x * 1103515245 + 12345) % 2147483648; // deterministic "random" seeks
    const [state, total] = await page.evaluate((ms) => window.__playgroundPerf!.seek(ms), Math.floor((x / 2147483648) * res.endMs));
    seekMs = Math.max(seekMs, state);
    seekRenderMs = Math.max(seekRenderMs, total);
  }
  return { workerSeconds: res.ok ? res.workerMs / 1000 : null, longestMainThreadTaskMs: Math.round(longest), seekMs: Math.round(seekMs * 10) / 10, seekRenderMs: Math.round(seekRenderMs * 10) / 10 };
}

async function fps(page: Page, path: string): Promise<number | null> {
  const res = await page.evaluate((text) => window.__playgroundPerf!.load(text), scenario(path));
  if (!res.ok) return null;
  // Play through the start (pods created, started, ready) and the finishes at 60 s.
  const value = await page.evaluate(() => window.__playgroundPerf!.fps(30, 3000, 0));
  return Math.round(value * 10) / 10;
}

export async function measureBrowser(): Promise<Record<string, number | null>> {
  ensureBuilt();
  const server = await startPreview();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
  const out: Record<string, number | null> = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const js = await openPage(page, server.url);
    out.initialJsGzipKB = initialJsGzipKB(js);
    Object.assign(out, await bigRun(page));
    out.fps1k = await fps(page, 'bench/browser/scenarios/pods-1k.yaml');
    out.fps10k = await fps(page, 'bench/browser/scenarios/pods-10k.yaml');
    await page.close();
  } finally {
    await browser.close();
  }
  try {
    if (process.env.BENCH_NO_LIGHTHOUSE) {
      out.lighthouseDesktop = null;
      out.lighthouseMobile = null;
    } else {
      for (const preset of ['desktop', 'mobile'] as const) {
        const r = lighthouse(server.url, preset);
        if (r.error) console.error(`lighthouse ${preset}: ${r.error}`);
        out[preset === 'desktop' ? 'lighthouseDesktop' : 'lighthouseMobile'] = r.score;
      }
    }
  } finally {
    server.stop();
  }
  return out;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  measureBrowser().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
