// A CPU profile of the simulation worker running the 100,000-completion benchmark in the
// built app (Debian's Chromium, `vite preview`), for performance work on the browser path:
//   node --import tsx bench/profileWorker.ts [runs]
// writes bench/worker-<run>.cpuprofile (open it in Chromium's DevTools, Performance tab)
// and prints the worker's own time of each run. Not part of `npm run bench`.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ensureBuilt, ROOT, startPreview } from './browser/preview';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';

interface CdpReply {
  id?: number;
  result?: unknown;
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(process.argv[2] ?? 1) || 1);
  ensureBuilt();
  const server = await startPreview();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${server.url}?testhooks`);
    await page.waitForFunction(() => window.__playgroundPerf !== undefined && !window.__playgroundPerf.busy());
    // The worker is a target of its own: attach to it through the browser's session.
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'worker' && /sim\.worker/.test(t.url));
    if (!worker) throw new Error('the simulation worker is not running');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    let nextId = 1;
    const waiting = new Map<number, (v: unknown) => void>();
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message) as CdpReply;
      if (m.id !== undefined) waiting.get(m.id)?.(m.result);
    });
    const send = (method: string, params: object = {}): Promise<unknown> =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      });
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 1000 });
    const text = readFileSync(join(ROOT, 'bench/scenarios/indexed-100k.yaml'), 'utf8');
    for (let i = 0; i < runs; i++) {
      await send('Profiler.start');
      const res = await page.evaluate((t) => window.__playgroundPerf!.load(t), text);
      const { profile } = (await send('Profiler.stop')) as { profile: unknown };
      const out = join(ROOT, `bench/worker-${i}.cpuprofile`);
      writeFileSync(out, JSON.stringify(profile));
      console.log(`run ${i + 1}: worker ${res.workerMs} ms${res.ok ? '' : ` (failed: ${res.error})`}; profile ${out}`);
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
