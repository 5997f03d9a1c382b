// The app store (zustand, framework-free core). Created with its dependencies — the
// simulation client and the storage — so tests run it in Node with fakes. All writes go
// through the named actions below; components read through selectors.ts.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RunSummary, ScenarioError } from '../worker/protocol';
import type { RunData } from '../worker/runData';
import type { Progress, SimClient } from '../worker/simClient';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { computeConditionSegments, computeMarkers, type ConditionSegment, type Marker } from './derive';
import { TraceIndex } from './fold';
import { yieldTask } from './yieldTask';
import { computeWindows, type TimeWindow } from './windows';
import { jobChanged, recordApply } from './applyEdit';
import { loadSettings, loadText, saveSettings, saveText, type Lang, type Settings, type StorageLike, type Theme } from './persistence';
import { createConsoleSlice, type ConsoleSlice } from './consoleSlice';
import { createPlaybackSlice, type IdleSkip, type PlaybackActions } from './playbackSlice';
import { createHistorySlice, pushUndo, type HistoryActions } from './historySlice';

export interface RunView {
  /** The run's summary; `trace` holds its "why" and action entries. */
  result: RunSummary;
  /** The compact trace (pods, events, Jobs) the panels fold. */
  data: RunData;
  index: TraceIndex;
  markers: Marker[];
  segments: ConditionSegment[];
  /** Deadline, backoff and TTL windows (ConditionsPanel). */
  windows: TimeWindow[];
  warnings: string[];
  elapsedMs: number;
  /** Wall-clock epoch ms of t=0 (recovered from the first object's creationTimestamp). */
  clockStartMs: number;
}

export type Notice = { key: 'discarded'; count: number } | { key: 'editFailed'; text: string } | null;

export const SPEEDS = [1, 2, 5, 10, 30, 100, 300, 1000] as const;

export interface AppState extends ConsoleSlice, PlaybackActions, HistoryActions {
  text: string;
  /** The text of the latest run request (auto-apply skips texts already run). */
  lastRunText: string | null;
  parseErrors: ScenarioError[];
  runError: { kind: 'rejected' | 'error'; text: string } | null;
  run: RunView | null;
  busy: boolean;
  /** How far the run in progress has got (from the worker's progress messages). */
  progress: Progress | null;
  cursorMs: number;
  playing: boolean;
  speed: number;
  /** Collapse long idle waits while playing (a setting, on by default). */
  skipIdle: boolean;
  /** The latest idle stretch skipped while playing (for the "skipped … of idle time" note). */
  idleSkip: IdleSkip | null;
  lang: Lang;
  theme: Theme;
  past: string[];
  future: string[];
  notice: Notice;

  setText(text: string): void;
  /**
   * kubectl apply at the cursor: a changed spec.job is recorded as an `apply:` action at
   * the cursor time (see applyEdit.ts); then the scenario is run.
   */
  apply(): Promise<void>;
  /** Runs the scenario text as it is, keeping the cursor. */
  rerun(): Promise<void>;
  /** Stops the run in progress; the previous run stays on screen. */
  cancelRun(): void;
  restart(): Promise<void>;
  setLang(lang: Lang): void;
  setTheme(theme: Theme): void;
  dismissNotice(): void;
}

export interface AppDeps {
  sim: SimClient;
  storage: StorageLike;
  /** Settings used when nothing is saved yet (e.g. theme from prefers-color-scheme). */
  defaults?: Partial<Settings>;
}

export type AppStore = StoreApi<AppState>;

export { endMsOf } from './playbackSlice';

function clockStartOf(data: RunData): number {
  for (const e of data.jobs) {
    const ts = Date.parse(e.job.metadata.creationTimestamp ?? '');
    if (!Number.isNaN(ts)) return ts - Math.floor(e.timeMs / 1000) * 1000;
  }
  return Date.parse('2025-01-01T00:00:00Z');
}

/** `index`: the seek index when the client already built it while the trace streamed in. */
export function makeRunView(result: RunSummary, data: RunData, warnings: string[], elapsedMs: number, index?: TraceIndex): RunView {
  const clockStartMs = clockStartOf(data);
  return {
    clockStartMs,
    result,
    data,
    index: index ?? new TraceIndex(data),
    markers: computeMarkers(data),
    segments: computeConditionSegments(data.jobs, result.endMs),
    windows: computeWindows(data.jobs, data.log, clockStartMs),
    warnings,
    elapsedMs,
  };
}

export function createAppStore(deps: AppDeps): AppStore {
  const settings = loadSettings(deps.storage, { lang: 'en', theme: 'light', speed: 10, skipIdle: true, ...deps.defaults });
  let runSeq = 0;

  return createStore<AppState>()((set, get) => {
    const persistSettings = () => {
      const { lang, theme, speed, skipIdle } = get();
      saveSettings(deps.storage, { lang, theme, speed, skipIdle });
    };
    return {
      text: loadText(deps.storage) ?? DEFAULT_SCENARIO,
      lastRunText: null,
      parseErrors: [],
      runError: null,
      run: null,
      busy: false,
      progress: null,
      cursorMs: 0,
      playing: false,
      speed: settings.speed,
      skipIdle: settings.skipIdle,
      idleSkip: null,
      lang: settings.lang,
      theme: settings.theme,
      past: [],
      future: [],
      notice: null,
      ...createConsoleSlice(deps.sim, set, get, deps.storage),

      setText(text) {
        if (text === get().text) return;
        set({ text });
        saveText(deps.storage, text);
      },

      async apply() {
        const { run, lastRunText, text, cursorMs, past } = get();
        if (run !== null && lastRunText !== null && cursorMs > 0 && jobChanged(lastRunText, text)) {
          const edit = recordApply(lastRunText, text, Math.round(cursorMs));
          if (!edit.ok) {
            set({ notice: { key: 'editFailed', text: edit.error } });
            return;
          }
          set({
            past: pushUndo(past, lastRunText),
            future: [],
            playing: false,
            notice: edit.discarded > 0 ? { key: 'discarded', count: edit.discarded } : null,
          });
          get().setText(edit.text);
        }
        await get().rerun();
      },

      async rerun() {
        const id = ++runSeq;
        const text = get().text;
        set({ busy: true, lastRunText: text, progress: null });
        const res = await deps.sim.run(text, { onProgress: (progress) => id === runSeq && set({ progress }) });
        if (id !== runSeq) return; // a newer run superseded this one
        set({ progress: null });
        if (res.type === 'result') {
          const first = get().run === null;
          const view = makeRunView(res.summary, res.data, res.warnings, res.elapsedMs, res.index);
          // Rendering a big run is a task of its own (see yieldTask.ts).
          await yieldTask();
          if (id !== runSeq) return;
          const cursorMs = first ? 0 : Math.min(get().cursorMs, res.summary.endMs);
          set({ run: view, parseErrors: [], runError: null, busy: false, cursorMs, idleSkip: null });
        } else if (res.type === 'cancelled') {
          set({ busy: false });
        } else if (res.type === 'invalid') {
          set({ parseErrors: res.errors, runError: null, busy: false });
        } else if (res.type === 'rejected') {
          set({ parseErrors: [], runError: { kind: 'rejected', text: res.text }, busy: false });
        } else {
          set({ runError: { kind: 'error', text: res.message }, busy: false });
        }
      },

      cancelRun() {
        if (get().busy) deps.sim.cancel();
      },

      async restart() {
        set({ cursorMs: 0, playing: false });
        await get().rerun();
        if (get().run) set({ cursorMs: 0, playing: true });
      },

      ...createPlaybackSlice(set, get, persistSettings),

      ...createHistorySlice(set, get),

      setLang(lang) {
        set({ lang });
        persistSettings();
      },
      setTheme(theme) {
        set({ theme });
        persistSettings();
      },
      dismissNotice: () => set({ notice: null }),
    };
  });
}
