// Time windows drawn next to the Job conditions: the activeDeadlineSeconds window, the
// pod-failure backoff waits and the TTL-after-finished countdown. Nothing here models the
// controller: every window is read off what the engine recorded — the Job objects'
// spec/status timestamps, the "why" entries that state "next pod in Ns", and the Job's
// DELETED watch event.

import type { Job } from '../engine/api/types';
import type { JobEntry, LogEntry } from '../worker/compact';

export type WindowKind = 'deadline' | 'backoff' | 'ttl';

export interface TimeWindow {
  kind: WindowKind;
  startMs: number;
  endMs: number;
  /** The configured or announced length in seconds (the number shown in the label). */
  seconds: number;
  /** TTL only: when the Job's DELETED watch event happened (null: not within the run). */
  deletedAtMs?: number | null;
}

/** Simulated ms of an RFC 3339 timestamp (null when absent or unparseable). */
function simMs(timestamp: string | undefined, clockStartMs: number): number | null {
  const t = Date.parse(timestamp ?? '');
  return Number.isNaN(t) ? null : t - clockStartMs;
}

/** activeDeadlineSeconds windows: one per (startTime, activeDeadlineSeconds) the Job held. */
export function deadlineWindows(jobs: readonly JobEntry[], clockStartMs: number): TimeWindow[] {
  const out: TimeWindow[] = [];
  let open: TimeWindow | null = null;
  let key = '';
  for (const e of jobs) {
    const ads = e.deleted ? undefined : e.job.spec.activeDeadlineSeconds;
    const start = e.deleted ? null : simMs(e.job.status.startTime, clockStartMs);
    const k = ads === undefined || start === null ? '' : `${start}|${ads}`;
    if (k === key) continue;
    // The window was re-based (resume resets startTime), removed, or the Job is gone:
    // what was drawn so far ends here.
    if (open) open.endMs = Math.min(open.endMs, Math.max(open.startMs, e.timeMs));
    open = null;
    key = k;
    if (ads !== undefined && start !== null) {
      open = { kind: 'deadline', startMs: start, endMs: start + ads * 1000, seconds: ads };
      out.push(open);
    }
  }
  return out;
}

const NEXT_IN = /next (?:pod )?in (\d+(?:\.\d+)?)s\b/;

/** Backoff waits announced by the controller's "why" entries (rules backoff, backoff.perIndex). */
export function backoffWindows(log: readonly LogEntry[]): TimeWindow[] {
  const out: TimeWindow[] = [];
  let global: TimeWindow | null = null;
  for (const e of log) {
    // A Job-wide wait ends early when the controller creates pods again (a success resets
    // the pod-failure backoff): the engine logs that creation as `manageJob.create`.
    if (e.type === 'why' && e.rule === 'manageJob.create' && global && e.timeMs >= global.startMs && e.timeMs < global.endMs) {
      global.endMs = e.timeMs;
      global = null;
      continue;
    }
    if (e.type !== 'why' || (e.rule !== 'backoff' && e.rule !== 'backoff.perIndex')) continue;
    const m = NEXT_IN.exec(e.text);
    const seconds = m ? Number(m[1]) : NaN;
    if (!Number.isFinite(seconds)) continue;
    const endMs = e.timeMs + Math.round(seconds * 1000);
    const prev = out[out.length - 1];
    // Later syncs during the same wait repeat it with the remaining time: same end, one window.
    if (prev && Math.abs(prev.endMs - endMs) < 1000 && e.timeMs <= prev.endMs) continue;
    if (prev && e.timeMs < prev.endMs) prev.endMs = e.timeMs;
    const win: TimeWindow = { kind: 'backoff', startMs: e.timeMs, endMs, seconds };
    out.push(win);
    global = e.rule === 'backoff' ? win : null;
  }
  return out;
}

function finishedAt(job: Job): string | undefined {
  return job.status.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')?.lastTransitionTime;
}

/** The TTL-after-finished countdown: finish time + ttlSecondsAfterFinished, and when the Job was deleted. */
export function ttlWindows(jobs: readonly JobEntry[], clockStartMs: number): TimeWindow[] {
  let win: TimeWindow | null = null;
  let name = '';
  for (const e of jobs) {
    if (e.deleted) {
      if (win && e.job.metadata.name === name && win.deletedAtMs === null) win.deletedAtMs = e.timeMs;
      continue;
    }
    const ttl = e.job.spec.ttlSecondsAfterFinished;
    const start = simMs(finishedAt(e.job), clockStartMs);
    if (ttl === undefined || start === null) continue;
    if (win && win.startMs === start && win.seconds === ttl) continue;
    name = e.job.metadata.name ?? '';
    win = { kind: 'ttl', startMs: start, endMs: start + ttl * 1000, seconds: ttl, deletedAtMs: null };
  }
  return win ? [win] : [];
}

/** Every window of a run, in start order. */
export function computeWindows(jobs: readonly JobEntry[], log: readonly LogEntry[], clockStartMs: number): TimeWindow[] {
  return [...deadlineWindows(jobs, clockStartMs), ...backoffWindows(log), ...ttlWindows(jobs, clockStartMs)].sort((a, b) => a.startMs - b.startMs);
}
