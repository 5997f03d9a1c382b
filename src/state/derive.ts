// Views derived from the compact trace and from a frame: timeline markers, condition
// segments, pod cards, the per-index grid and the status counters. Pure functions over engine
// data; the UI only renders what these return.

import type { Job, JobCondition } from '../engine/api/types';
import { FLAG_DELETED, FLAG_DISRUPTED, FLAG_READY, FLAG_TERMINATING, PHASES, type JobEntry } from '../worker/compact';
import type { RunData } from '../worker/runData';
import type { PodSet } from './fold';

export interface Marker {
  timeMs: number;
  kind: 'podFailed' | 'condition';
  label: string;
}

export interface ConditionSegment {
  type: string;
  status: string;
  startMs: number;
  endMs: number;
  reason: string;
  message: string;
}

function conditionKey(c: JobCondition): string {
  return `${c.status}|${c.reason ?? ''}|${c.message ?? ''}`;
}

/** At most this many pod-failure markers (a 100k run can have thousands; the timeline cannot show them). */
export const MAX_POD_MARKERS = 300;

/** Pod failures and Job condition changes along the whole run (the timeline's markers). */
export function computeMarkers(data: RunData): Marker[] {
  const markers: Marker[] = [];
  const failedPhase = PHASES.indexOf('Failed');
  const wasFailed = new Uint8Array(data.podNames.length);
  let podMarkers = 0;
  for (let i = 0; i < data.pTime.length && podMarkers < MAX_POD_MARKERS; i++) {
    const id = data.pId[i] ?? 0;
    if ((data.pFlags[i] ?? 0) & FLAG_DELETED) continue;
    const failed = data.pPhase[i] === failedPhase;
    if (failed && !wasFailed[id]) {
      markers.push({ timeMs: data.pTime[i] ?? 0, kind: 'podFailed', label: data.podNames[id] ?? '' });
      podMarkers++;
    }
    wasFailed[id] = failed ? 1 : 0;
  }
  const conds = new Map<string, string>();
  for (const e of data.jobs) {
    if (e.deleted) continue;
    for (const c of e.job.status.conditions ?? []) {
      const k = `${e.job.metadata.name}/${c.type}`;
      const v = conditionKey(c);
      if (conds.get(k) !== v) markers.push({ timeMs: e.timeMs, kind: 'condition', label: `${c.type}=${c.status}` });
      conds.set(k, v);
    }
  }
  return markers.sort((a, b) => a.timeMs - b.timeMs);
}

/** One lane per condition type: the spans during which each (status, reason) held. */
export function computeConditionSegments(jobs: readonly JobEntry[], endMs: number): ConditionSegment[] {
  const open = new Map<string, ConditionSegment>();
  const done: ConditionSegment[] = [];
  for (const e of jobs) {
    const present = new Set<string>();
    const conditions = e.deleted ? [] : e.job.status.conditions ?? [];
    for (const c of conditions) {
      present.add(c.type);
      const cur = open.get(c.type);
      if (cur && cur.status === c.status && cur.reason === (c.reason ?? '') && cur.message === (c.message ?? '')) continue;
      if (cur) done.push({ ...cur, endMs: e.timeMs });
      open.set(c.type, { type: c.type, status: c.status, startMs: e.timeMs, endMs, reason: c.reason ?? '', message: c.message ?? '' });
    }
    for (const [type, seg] of open) {
      if (!present.has(type)) {
        done.push({ ...seg, endMs: e.timeMs });
        open.delete(type);
      }
    }
  }
  return [...done, ...open.values()].sort((a, b) => a.startMs - b.startMs || (a.type < b.type ? -1 : 1));
}

export interface PodView {
  name: string;
  phase: string;
  ready: boolean;
  index: number | null;
  attempt: number | null;
  exitCode: number | null;
  restarts: number;
  terminating: boolean;
  reason: string;
  disrupted: boolean;
}

/** The view of one pod from its latest transition `tr` (an index into the run's pod columns). */
export function podViewOf(data: RunData, id: number, tr: number): PodView {
  const flags = data.pFlags[tr] ?? 0;
  const index = data.podIndex[id] ?? -1;
  const exit = data.pExit[tr] ?? -1;
  return {
    name: data.podNames[id] ?? '',
    phase: PHASES[data.pPhase[tr] ?? 4] ?? 'Unknown',
    ready: (flags & FLAG_READY) !== 0,
    index: index < 0 ? null : index,
    attempt: data.podAttempt[id] ?? null,
    exitCode: exit < 0 ? null : exit,
    restarts: data.pRestarts[tr] ?? 0,
    terminating: (flags & FLAG_TERMINATING) !== 0,
    reason: data.strings[data.pReason[tr] ?? -1] ?? '',
    disrupted: (flags & FLAG_DISRUPTED) !== 0,
  };
}

export const INDEX_STATES = ['pending', 'running', 'completed', 'failed', 'backoff'] as const;
export type IndexState = (typeof INDEX_STATES)[number];

/** Marks "1,3-5" (status.completedIndexes / failedIndexes) with `value` in `out`. */
export function markIndexSet(text: string | undefined, out: Uint8Array, value: number): void {
  const s = text ?? '';
  let from = 0;
  while (from < s.length) {
    let comma = s.indexOf(',', from);
    if (comma < 0) comma = s.length;
    const part = s.slice(from, comma);
    from = comma + 1;
    const dash = part.indexOf('-');
    const a = Number(dash < 0 ? part : part.slice(0, dash));
    const b = dash < 0 ? a : Number(part.slice(dash + 1));
    if (part.trim() === '' || !Number.isInteger(a)) continue;
    const hi = Number.isInteger(b) ? Math.min(b, out.length - 1) : a;
    out.fill(value, Math.max(0, a), hi + 1);
  }
}

/** Expands "1,3-5" into a set (capped at `limit`). */
export function parseIndexSet(text: string | undefined, limit: number): Set<number> {
  const marks = new Uint8Array(Math.max(0, limit));
  markIndexSet(text, marks, 1);
  const out = new Set<number>();
  marks.forEach((m, i) => m && out.add(i));
  return out;
}

/**
 * The per-index grid of an Indexed Job: a state code (INDEX_STATES), the failed-pod count,
 * the ignored-failure count (the pods' job-index-ignored-failure-count annotation) and,
 * for an index waiting to be recreated after a failure, when its latest failed pod was
 * last written (-1 otherwise). "backoff" = pending, has failed pods, none alive, Job not
 * finished: the engine decides the wait; this only reports what the trace shows.
 */
export interface IndexGrid {
  total: number;
  states: Uint8Array;
  failures: Int32Array;
  ignored: Int32Array;
  failedAtMs: Float64Array;
}

function finished(job: Job): boolean {
  return (job.status.conditions ?? []).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

export function computeIndexGrid(job: Job, data: RunData, pods: PodSet): IndexGrid {
  const total = Math.max(0, job.spec.completions ?? 0);
  const states = new Uint8Array(total);
  const failures = new Int32Array(total);
  const ignored = new Int32Array(total);
  const failedAtMs = new Float64Array(total).fill(-1);
  const alive = new Uint8Array(total);
  const failed = PHASES.indexOf('Failed');
  const succeeded = PHASES.indexOf('Succeeded');
  for (let k = 0; k < pods.count; k++) {
    const id = pods.ids[k] ?? 0;
    const tr = pods.tr[k] ?? 0;
    const i = data.podIndex[id] ?? -1;
    if (i < 0 || i >= total) continue;
    ignored[i] = Math.max(ignored[i] ?? 0, data.podIgnored[id] ?? 0);
    const phase = data.pPhase[tr];
    if (phase === failed) {
      failures[i] = (failures[i] ?? 0) + 1;
      failedAtMs[i] = Math.max(failedAtMs[i] ?? -1, data.pTime[tr] ?? 0);
    } else if (phase !== succeeded) {
      alive[i] = 1;
      if (((data.pFlags[tr] ?? 0) & FLAG_TERMINATING) === 0) states[i] = 1;
    }
  }
  markIndexSet(job.status.failedIndexes, states, 3);
  markIndexSet(job.status.completedIndexes, states, 2);
  const waiting = !finished(job) && job.spec.suspend !== true;
  for (let i = 0; i < total; i++) {
    if (waiting && states[i] === 0 && (failures[i] ?? 0) > 0 && !alive[i]) states[i] = 4;
    else failedAtMs[i] = -1;
  }
  return { total, states, failures, ignored, failedAtMs };
}

export interface StatusView {
  active: number;
  ready: number;
  succeeded: number;
  failed: number;
  terminating: number;
  completions: number | null;
  backoffLimit: number;
  attemptsAllowed: number;
  startTime: string | null;
  completionTime: string | null;
  suspended: boolean;
  parallelism: number;
  indexed: boolean;
}

export function statusView(job: Job): StatusView {
  const s = job.status;
  const backoffLimit = job.spec.backoffLimit ?? 6;
  return {
    active: s.active ?? 0,
    ready: s.ready ?? 0,
    succeeded: s.succeeded ?? 0,
    failed: s.failed ?? 0,
    terminating: s.terminating ?? 0,
    completions: job.spec.completions ?? null,
    backoffLimit,
    attemptsAllowed: backoffLimit + 1,
    startTime: s.startTime ?? null,
    completionTime: s.completionTime ?? null,
    suspended: job.spec.suspend === true,
    parallelism: job.spec.parallelism ?? 1,
    indexed: job.spec.completionMode === 'Indexed',
  };
}
