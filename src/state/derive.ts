// Views derived from the trace and from a frame: timeline markers, condition segments,
// pod cards, the per-index grid and the status counters. Pure functions over engine
// data; the UI only renders what these return.

import { JOB_COMPLETION_INDEX, type Job, type JobCondition, type Pod } from '../engine/api/types';
import type { PodSummary } from '../engine/sim/result';
import type { TraceEntry } from '../engine/sim/trace';

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

/** Pod failures and Job condition changes along the whole run (the timeline's markers). */
export function computeMarkers(trace: readonly TraceEntry[]): Marker[] {
  const markers: Marker[] = [];
  const podPhase = new Map<string, string>();
  const conds = new Map<string, string>();
  for (const e of trace) {
    if (e.type !== 'watch' || e.event === 'DELETED') continue;
    const o = e.object;
    if (o.kind === 'Pod') {
      const name = o.metadata.name ?? '';
      const phase = o.status.phase;
      if (phase === 'Failed' && podPhase.get(name) !== 'Failed') markers.push({ timeMs: e.timeMs, kind: 'podFailed', label: name });
      podPhase.set(name, phase);
    } else if (o.kind === 'Job') {
      for (const c of o.status.conditions ?? []) {
        const k = `${o.metadata.name}/${c.type}`;
        const v = conditionKey(c);
        if (conds.get(k) !== v) markers.push({ timeMs: e.timeMs, kind: 'condition', label: `${c.type}=${c.status}` });
        conds.set(k, v);
      }
    }
  }
  return markers;
}

/** One lane per condition type: the spans during which each (status, reason) held. */
export function computeConditionSegments(trace: readonly TraceEntry[], endMs: number): ConditionSegment[] {
  const open = new Map<string, ConditionSegment>();
  const done: ConditionSegment[] = [];
  for (const e of trace) {
    if (e.type !== 'watch' || e.object.kind !== 'Job') continue;
    const present = new Set<string>();
    const conditions = e.event === 'DELETED' ? [] : e.object.status.conditions ?? [];
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

export function podIndex(p: Pod): number | null {
  const raw = p.metadata.labels?.[JOB_COMPLETION_INDEX] ?? p.metadata.annotations?.[JOB_COMPLETION_INDEX];
  if (raw === undefined) return null;
  const n = Number(raw);
  return Number.isInteger(n) ? n : null;
}

export function podView(p: Pod, summaries: ReadonlyMap<string, PodSummary>): PodView {
  const statuses = p.status.containerStatuses ?? [];
  let exitCode: number | null = null;
  for (const s of statuses) {
    const code = s.state.terminated?.exitCode ?? null;
    if (code !== null && (exitCode === null || code !== 0)) exitCode = code;
  }
  const name = p.metadata.name ?? '';
  const cond = (type: string) => (p.status.conditions ?? []).find((c) => c.type === type);
  return {
    name,
    phase: p.status.phase,
    ready: cond('Ready')?.status === 'True',
    index: podIndex(p),
    attempt: summaries.get(name)?.attempt ?? null,
    exitCode,
    restarts: statuses.reduce((n, s) => n + s.restartCount, 0),
    terminating: p.metadata.deletionTimestamp !== undefined,
    reason: p.status.reason ?? '',
    disrupted: cond('DisruptionTarget')?.status === 'True',
  };
}

/** Expands "1,3-5" (status.completedIndexes / failedIndexes) into a set. */
export function parseIndexSet(text: string | undefined, limit: number): Set<number> {
  const out = new Set<number>();
  for (const part of (text ?? '').split(',')) {
    if (part.trim() === '') continue;
    const [a, b] = part.split('-').map((x) => Number(x));
    if (a === undefined || !Number.isInteger(a)) continue;
    const hi = b !== undefined && Number.isInteger(b) ? b : a;
    for (let i = a; i <= Math.min(hi, limit - 1); i++) out.add(i);
  }
  return out;
}

export type IndexState = 'completed' | 'failed' | 'running' | 'pending';

export interface IndexCell {
  index: number;
  state: IndexState;
  failures: number;
}

/** The per-index grid of an Indexed Job (capped at `max` cells; the rest is summarized). */
export function computeIndexGrid(job: Job, pods: readonly Pod[], max: number): { cells: IndexCell[]; total: number } {
  const total = job.spec.completions ?? 0;
  const n = Math.min(total, max);
  const completed = parseIndexSet(job.status.completedIndexes, n);
  const failed = parseIndexSet(job.status.failedIndexes, n);
  const running = new Set<number>();
  const failures = new Map<number, number>();
  for (const p of pods) {
    const i = podIndex(p);
    if (i === null || i >= n) continue;
    if (p.status.phase === 'Failed') failures.set(i, (failures.get(i) ?? 0) + 1);
    else if (p.status.phase !== 'Succeeded' && p.metadata.deletionTimestamp === undefined) running.add(i);
  }
  const cells: IndexCell[] = [];
  for (let i = 0; i < n; i++) {
    const state: IndexState = completed.has(i) ? 'completed' : failed.has(i) ? 'failed' : running.has(i) ? 'running' : 'pending';
    cells.push({ index: i, state, failures: failures.get(i) ?? 0 });
  }
  return { cells, total };
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
