// Derived views for components. zustand compares selector results by reference, so each
// selector is memoized on the inputs it reads: the frame (which only changes when a
// trace entry is crossed) rather than the raw cursor time.

import type { Job } from '../engine/api/types';
import type { LogEntry } from '../worker/compact';
import type { RunData } from '../worker/runData';
import { computeIndexGrid, podViewOf, statusView, type IndexGrid, type PodView, type StatusView } from './derive';
import { upperBound, type EventSet, type Frame } from './fold';
import { memo } from './memo';
import { endMsOf } from './playbackSlice';
import { countNonTerminal } from './podGroups';
import type { AppState } from './store';

export type { LogEntry } from '../worker/compact';

const EMPTY_FRAME: Frame = {
  podPos: 0,
  eventPos: 0,
  jobPos: 0,
  jobs: [],
  pods: { count: 0, ids: new Int32Array(0), tr: new Int32Array(0) },
  events: { count: 0, rows: new Int32Array(0) },
};

export const selectFrame = (s: AppState): Frame => s.run?.index.frameAt(s.cursorMs) ?? EMPTY_FRAME;

export const selectRunData = (s: AppState): RunData | null => s.run?.data ?? null;

export const selectJob = (s: AppState): Job | null => selectFrame(s).jobs[0] ?? null;

export const selectPodCount = (s: AppState): number => selectFrame(s).pods.count;

/** Pods drawn as cards up to this many; above it the Pods panel draws a canvas. */
export const POD_CARD_LIMIT = 200;

const podViews = memo((frame: Frame, data: RunData | null): PodView[] => {
  if (!data) return [];
  const out: PodView[] = [];
  for (let k = 0; k < frame.pods.count; k++) out.push(podViewOf(data, frame.pods.ids[k] ?? 0, frame.pods.tr[k] ?? 0));
  return out;
});
/** Every pod at the cursor as a view object (use only below POD_CARD_LIMIT-ish counts). */
export const selectPodViews = (s: AppState): PodView[] => podViews(selectFrame(s), selectRunData(s));

const nonTerminal = memo((frame: Frame, data: RunData | null): number => (data ? countNonTerminal(data, frame.pods) : 0));
/** Pods at the cursor not in a terminal phase (active + terminating). */
export const selectNonTerminalCount = (s: AppState): number => nonTerminal(selectFrame(s), selectRunData(s));

const status = memo((job: Job | null): StatusView | null => (job ? statusView(job) : null));
export const selectStatus = (s: AppState): StatusView | null => status(selectJob(s));

/** The DOM grid shows up to this many indexes (a DOM node each, re-rendered on every frame); above it the Indexes panel draws a heatmap. */
export const INDEX_GRID_MAX = 256;
const grid = memo((job: Job | null, frame: Frame, data: RunData | null): IndexGrid | null =>
  job && data && job.spec.completionMode === 'Indexed' ? computeIndexGrid(job, data, frame.pods) : null,
);
export const selectIndexGrid = (s: AppState): IndexGrid | null => grid(selectJob(s), selectFrame(s), selectRunData(s));

export const selectEvents = (s: AppState): EventSet => selectFrame(s).events;

/** One Event row as `kubectl describe` lists it. */
export interface EventRow {
  name: string;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  component: string;
  count: number;
  /** lastTimestamp as epoch ms, or null. */
  lastMs: number | null;
}

export function eventRow(data: RunData, r: number): EventRow {
  const str = (k: Int32Array) => data.strings[k[r] ?? -1] ?? '';
  const last = data.eLastMs[r] ?? -1;
  return {
    name: data.eventNames[data.eKey[r] ?? -1] ?? '',
    type: ((data.eFlags[r] ?? 0) & 2) !== 0 ? 'Warning' : 'Normal',
    reason: str(data.eReason),
    message: str(data.eMessage),
    component: str(data.eComponent),
    count: data.eCount[r] ?? 1,
    lastMs: last < 0 ? null : last,
  };
}

const log = memo((data: RunData | null, position: number): LogEntry[] => data?.log.slice(0, position) ?? []);
/** The "why" and action entries up to the cursor. */
export const selectWhyLog = (s: AppState): LogEntry[] => {
  const entries = s.run?.data.log ?? [];
  return log(selectRunData(s), upperBound(entries.length, (i) => entries[i]?.timeMs ?? 0, s.cursorMs));
};

/** Job conditions with status True at the cursor, as "Type" strings (for the live region). */
const trueConditions = memo((job: Job | null): string =>
  (job?.status.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type).join(', '),
);
export const selectTrueConditions = (s: AppState): string => trueConditions(selectJob(s));

export const selectEndMs: (s: AppState) => number = endMsOf;
