// Drives the store's cursor while playing: one tick per animation frame with the real
// elapsed time (the store multiplies by the speed). Nothing runs while paused.

import { useEffect } from 'react';
import { useApp, useAppStore } from './store';
import { jobChanged } from '../../state/applyEdit';

export function usePlayback(): void {
  const store = useAppStore();
  const playing = useApp((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    let last = performance.now();
    const frame = (now: number) => {
      // Clamp long gaps (a background tab) so the cursor does not leap ahead.
      store.getState().tick(Math.min(now - last, 250));
      last = now;
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [playing, store]);
}

/** Re-runs the simulation shortly after the user stops typing. */
export function useAutoApply(delayMs = 500): void {
  const store = useAppStore();
  const text = useApp((s) => s.text);
  const lastRunText = useApp((s) => s.lastRunText);
  useEffect(() => {
    if (text === lastRunText) return;
    // A changed Job waits for Apply (an update at the cursor) or Restart (a new run from 0).
    // (At 0:00 Apply and Restart are the same, so the edit runs as usual.)
    if (lastRunText !== null && store.getState().cursorMs > 0 && jobChanged(lastRunText, text)) return;
    const id = setTimeout(() => void store.getState().rerun(), lastRunText === null ? 0 : delayMs);
    return () => clearTimeout(id);
  }, [text, lastRunText, store, delayMs]);
}

