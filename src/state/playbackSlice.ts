// The cursor over the trace: play/pause at a speed (simulated ms per wall ms), step to
// the next or previous recorded time, jump, scrub. Moving the cursor never re-simulates.

import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from './store';

export interface PlaybackActions {
  setCursor(ms: number): void;
  stepForward(): void;
  stepBack(): void;
  jumpBy(ms: number): void;
  jumpToEnd(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  /** Advances the cursor by `realMs` of wall time at the current speed (driven by rAF). */
  tick(realMs: number): void;
}

export function endMsOf(s: Pick<AppState, 'run'>): number {
  return s.run?.result.endMs ?? 0;
}

export function createPlaybackSlice(
  set: StoreApi<AppState>['setState'],
  get: StoreApi<AppState>['getState'],
  persistSettings: () => void,
): PlaybackActions {
  const clamp = (ms: number) => Math.max(0, Math.min(Math.round(ms), endMsOf(get())));
  return {
    setCursor: (ms) => set({ cursorMs: clamp(ms) }),
    stepForward() {
      const { run, cursorMs } = get();
      const next = run?.index.nextTime(cursorMs);
      set({ playing: false, cursorMs: clamp(next ?? endMsOf(get())) });
    },
    stepBack() {
      const { run, cursorMs } = get();
      const prev = run?.index.prevTime(cursorMs);
      set({ playing: false, cursorMs: clamp(prev ?? 0) });
    },
    jumpBy: (ms) => set({ cursorMs: clamp(get().cursorMs + ms) }),
    jumpToEnd: () => set({ playing: false, cursorMs: endMsOf(get()) }),
    play() {
      if (!get().run) return;
      if (get().cursorMs >= endMsOf(get())) set({ cursorMs: 0 });
      set({ playing: true });
    },
    pause: () => set({ playing: false }),
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    setSpeed(speed) {
      set({ speed: Math.max(1, Math.min(1000, speed)) });
      persistSettings();
    },
    tick(realMs) {
      const s = get();
      if (!s.playing || !s.run) return;
      const end = endMsOf(s);
      const next = s.cursorMs + realMs * s.speed;
      if (next >= end) set({ cursorMs: end, playing: false });
      else set({ cursorMs: next });
    },
  };
}
