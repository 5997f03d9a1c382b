// Drives the store's cursor while playing: one tick per animation frame with the real
// elapsed time (the store multiplies by the speed). Nothing runs while paused.

import { useEffect } from 'react';
import { useApp, useAppStore } from './store';

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
    const id = setTimeout(() => void store.getState().apply(), lastRunText === null ? 0 : delayMs);
    return () => clearTimeout(id);
  }, [text, lastRunText, store, delayMs]);
}

