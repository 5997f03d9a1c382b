// Derived views for components. zustand compares selector results by reference, so each
// selector is memoized on the inputs it reads: the frame (which only changes when a
// watch entry is crossed) rather than the raw cursor time.

import type { Job, KubeEvent } from '../engine/api/types';
import type { ActionEntry, WhyEntry } from '../engine/sim/trace';
import { computeIndexGrid, podView, statusView, type IndexCell, type PodView, type StatusView } from './derive';
import type { Frame } from './fold';
import type { AppState, RunView } from './store';

/** Caches the last result by reference equality of its inputs. */
function memo<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let lastResult: R;
  return (...args: A) => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((a, i) => Object.is(a, args[i]))) return lastResult;
    lastArgs = args;
    lastResult = fn(...args);
    return lastResult;
  };
}

const EMPTY_FRAME: Frame = { position: 0, objects: new Map(), jobs: [], pods: [], events: [] };

export const selectFrame = (s: AppState): Frame => s.run?.index.frameAt(s.cursorMs) ?? EMPTY_FRAME;

export const selectJob = (s: AppState): Job | null => selectFrame(s).jobs[0] ?? null;

const podViews = memo((frame: Frame, run: RunView | null): PodView[] =>
  frame.pods.map((p) => podView(p, run?.podSummaries ?? new Map())),
);
export const selectPodViews = (s: AppState): PodView[] => podViews(selectFrame(s), s.run);

const status = memo((job: Job | null): StatusView | null => (job ? statusView(job) : null));
export const selectStatus = (s: AppState): StatusView | null => status(selectJob(s));

export const INDEX_GRID_MAX = 2000;
const grid = memo((job: Job | null, frame: Frame): { cells: IndexCell[]; total: number } | null =>
  job && job.spec.completionMode === 'Indexed' ? computeIndexGrid(job, frame.pods, INDEX_GRID_MAX) : null,
);
export const selectIndexGrid = (s: AppState) => grid(selectJob(s), selectFrame(s));

export const selectEvents = (s: AppState): KubeEvent[] => selectFrame(s).events;

/** How many trace entries (of any type) happened at or before the cursor. */
function tracePosition(run: RunView | null, cursorMs: number): number {
  const trace = run?.result.trace ?? [];
  let lo = 0;
  let hi = trace.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((trace[mid]?.timeMs ?? Infinity) <= cursorMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type LogEntry = WhyEntry | ActionEntry;
const log = memo((run: RunView | null, position: number): LogEntry[] =>
  (run?.result.trace.slice(0, position) ?? []).filter((e): e is LogEntry => e.type === 'why' || e.type === 'action'),
);
export const selectWhyLog = (s: AppState): LogEntry[] => log(s.run, tracePosition(s.run, s.cursorMs));

/** Job conditions with status True at the cursor, as "Type" strings (for the live region). */
const trueConditions = memo((job: Job | null): string =>
  (job?.status.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type).join(', '),
);
export const selectTrueConditions = (s: AppState): string => trueConditions(selectJob(s));

export const selectEndMs = (s: AppState): number => s.run?.result.endMs ?? 0;
