// The cursor over the trace: play/pause at a speed (simulated ms per wall ms), step to
// the next or previous recorded time, jump, scrub. Moving the cursor never re-simulates.
// While playing, long idle stretches (nothing recorded for more than IDLE_WALL_MS of wall
// time at the current speed) are collapsed to IDLE_LEAD_MS before the next entry.

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
  setSkipIdle(on: boolean): void;
}

/** One collapsed idle stretch: the cursor jumped from `fromMs` to `toMs`. */
export interface IdleSkip {
  fromMs: number;
  toMs: number;
}

/** An idle stretch is skipped when playing it would show nothing for this long (wall ms). */
export const IDLE_WALL_MS = 5000;
/** The cursor lands this long (simulated) before the next entry, so the change is seen. */
export const IDLE_LEAD_MS = 1000;

/**
 * Where the cursor should jump from `cursorMs` when the next recorded time (or the end)
 * is further away than IDLE_WALL_MS of wall time at `speed`; null to play normally.
 */
export function idleTarget(cursorMs: number, nextMs: number | null, endMs: number, speed: number): number | null {
  const target = (nextMs ?? endMs) - IDLE_LEAD_MS;
  return target - cursorMs > IDLE_WALL_MS * Math.max(1, speed) ? target : null;
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
    setCursor: (ms) => set({ cursorMs: clamp(ms), idleSkip: null }),
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
    setSkipIdle(on) {
      set({ skipIdle: on, idleSkip: null });
      persistSettings();
    },
    setSpeed(speed) {
      set({ speed: Math.max(1, Math.min(1000, speed)) });
      persistSettings();
    },
    tick(realMs) {
      const s = get();
      if (!s.playing || !s.run) return;
      const end = endMsOf(s);
      const skipTo = s.skipIdle ? idleTarget(s.cursorMs, s.run.index.nextTime(s.cursorMs), end, s.speed) : null;
      if (skipTo !== null) return set({ cursorMs: skipTo, idleSkip: { fromMs: s.cursorMs, toMs: skipTo } });
      const next = s.cursorMs + realMs * s.speed;
      if (next >= end) set({ cursorMs: end, playing: false });
      else set({ cursorMs: next });
    },
  };
}
