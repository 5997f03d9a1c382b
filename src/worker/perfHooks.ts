// Test/benchmark hooks (`window.__playgroundPerf`), installed only with `?testhooks`:
// load a scenario and wait for its run, seek and time it, play at a speed and count
// animation frames, and make the simulation worker crash or hang. bench/browser.ts and
// e2e/perf*.spec.ts / e2e/worker*.spec.ts drive the app through these.

import { selectEvents, selectFrame, selectIndexGrid, selectPodCount, selectPodViews, selectWhyLog, POD_CARD_LIMIT } from '../state/selectors';
import type { AppStore } from '../state/store';
import type { TestFault } from './protocol';
import type { SimClient } from './simClient';

export interface PerfHooks {
  /** Sets the scenario text and resolves when its run is on screen (or failed). */
  load(text: string): Promise<{ ok: boolean; workerMs: number; wallMs: number; endMs: number; error: string | null }>;
  /** Moves the cursor; returns [state ms, state + render + next frame ms]. */
  seek(ms: number): Promise<[number, number]>;
  /** Plays from `fromMs` at `speed` for `durationMs` and returns frames per second. */
  fps(speed: number, durationMs: number, fromMs?: number): Promise<number>;
  podCount(): number;
  endMs(): number;
  fault(f: TestFault): void;
  /** Cancels the run in progress (store.cancelRun). */
  cancel(): void;
  busy(): boolean;
}

declare global {
  interface Window {
    __playgroundPerf?: PerfHooks;
  }
}

const frame = () => new Promise<number>((r) => requestAnimationFrame((t) => r(t)));

export function installPerfHooks(store: AppStore, sim: SimClient): void {
  if (!new URLSearchParams(window.location.search).has('testhooks')) return;
  window.__playgroundPerf = {
    async load(text) {
      const t0 = performance.now();
      store.getState().setText(text);
      await store.getState().rerun();
      const s = store.getState();
      await frame();
      return { ok: s.runError === null && s.parseErrors.length === 0 && s.run !== null, workerMs: s.run?.elapsedMs ?? -1, wallMs: performance.now() - t0, endMs: s.run?.result.endMs ?? 0, error: s.runError?.text ?? s.parseErrors[0]?.message ?? null };
    },
    async seek(ms) {
      const t0 = performance.now();
      store.getState().setCursor(ms);
      const s = store.getState();
      // What the panels read at the cursor.
      selectFrame(s);
      selectIndexGrid(s);
      selectEvents(s);
      selectWhyLog(s);
      if (selectPodCount(s) <= POD_CARD_LIMIT) selectPodViews(s);
      const t1 = performance.now();
      await frame();
      return [t1 - t0, performance.now() - t0];
    },
    async fps(speed, durationMs, fromMs = 0) {
      store.getState().pause();
      store.getState().setCursor(fromMs);
      store.getState().setSpeed(speed);
      await frame();
      store.getState().play();
      const start = await frame();
      let frames = 0;
      let now = start;
      while (now - start < durationMs) {
        now = await frame();
        frames++;
      }
      store.getState().pause();
      return (frames * 1000) / (now - start);
    },
    podCount: () => selectPodCount(store.getState()),
    endMs: () => store.getState().run?.result.endMs ?? 0,
    fault: (f) => sim.testFault?.(f),
    cancel: () => store.getState().cancelRun(),
    busy: () => store.getState().busy,
  };
}
