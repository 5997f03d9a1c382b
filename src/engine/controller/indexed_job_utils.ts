// Mirrors pkg/controller/job/indexed_job_utils.go: completion indexes, the interval
// string format of completedIndexes/failedIndexes, and index bookkeeping for manageJob.

import {
  JOB_COMPLETION_INDEX,
  JOB_INDEX_FAILURE_COUNT,
  JOB_INDEX_IGNORED_FAILURE_COUNT,
  type Job,
  type Pod,
} from '../api/types';
import { parseCompletionIndex } from '../api/pod_index';

export const UNKNOWN_COMPLETION_INDEX = -1;

/** A sorted list of disjoint, non-adjacent closed intervals [first, last]. */
export type OrderedIntervals = Array<[number, number]>;

export function isIndexedJob(job: Job): boolean {
  return job.spec.completionMode === 'Indexed';
}

export function hasBackoffLimitPerIndex(job: Job): boolean {
  return isIndexedJob(job) && job.spec.backoffLimitPerIndex !== undefined;
}

/** getCompletionIndex: the pod's completion-index annotation, or -1 when missing or invalid. */
export function getCompletionIndex(pod: Pod): number {
  return parseCompletionIndex(pod.metadata.annotations?.[JOB_COMPLETION_INDEX]);
}

/** A parsed completion index that names one of the Job's indexes: known and below completions. */
export function isValidCompletionIndex(ix: number, completions: number): boolean {
  return ix !== UNKNOWN_COMPLETION_INDEX && ix < completions;
}

function annotationInt(pod: Pod | undefined, key: string): number {
  const v = pod?.metadata.annotations?.[key];
  if (v === undefined || !/^\d+$/.test(v)) return 0;
  return Number(v);
}

export function getIndexFailureCount(pod: Pod | undefined): number {
  return annotationInt(pod, JOB_INDEX_FAILURE_COUNT);
}

export function getIndexIgnoredFailureCount(pod: Pod | undefined): number {
  return annotationInt(pod, JOB_INDEX_IGNORED_FAILURE_COUNT);
}

/** parseIndexesFromString: "1,3-5" → intervals; entries ≥ completions dropped, ranges clipped. */
export function parseIndexesFromString(s: string | undefined, completions: number): OrderedIntervals {
  const out: OrderedIntervals = [];
  if (s === undefined || s === '') return out;
  for (const part of s.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) continue;
    const first = Number(m[1]);
    let last = m[2] === undefined ? first : Number(m[2]);
    if (first >= completions) break;
    if (last >= completions) last = completions - 1;
    const prev = out[out.length - 1];
    if (prev && prev[1] + 1 >= first) prev[1] = Math.max(prev[1], last);
    else out.push([first, last]);
  }
  return out;
}

/** The interval string: runs of ≥3 as "a-b", runs of 2 as "a,b". */
export function formatIntervals(iv: OrderedIntervals): string {
  const parts: string[] = [];
  for (const [a, b] of iv) {
    if (a === b) parts.push(String(a));
    else if (b === a + 1) parts.push(`${a},${b}`);
    else parts.push(`${a}-${b}`);
  }
  return parts.join(',');
}

export function intervalsTotal(iv: OrderedIntervals): number {
  let n = 0;
  for (const [a, b] of iv) n += b - a + 1;
  return n;
}

export function intervalsHas(iv: OrderedIntervals, x: number): boolean {
  return intervalAt(iv, x) >= 0;
}

/** The position of the interval that holds x (binary search), or -1. */
function intervalAt(iv: OrderedIntervals, x: number): number {
  let lo = 0;
  let hi = iv.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const it = iv[mid] as [number, number];
    if (x < it[0]) hi = mid - 1;
    else if (x > it[1]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** withOrderedIndexes: merge a sorted list of new indexes into the intervals. */
export function withOrderedIndexes(iv: OrderedIntervals, newIndexes: number[]): OrderedIntervals {
  if (newIndexes.length === 0) return iv;
  const all: OrderedIntervals = [...iv.map((x) => [x[0], x[1]] as [number, number])];
  for (const i of newIndexes) all.push([i, i]);
  all.sort((x, y) => x[0] - y[0]);
  const out: OrderedIntervals = [];
  for (const [a, b] of all) {
    const prev = out[out.length - 1];
    if (prev && prev[1] + 1 >= a) prev[1] = Math.max(prev[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Job name part of the Indexed pod generateName: "<job>-<index>-", at most 58 characters. */
export function podGenerateNameWithIndex(jobName: string, index: number): string {
  const appendix = `-${index}-`;
  const max = 58;
  if (jobName.length + appendix.length > max) return jobName.slice(0, max - appendix.length) + appendix;
  return jobName + appendix;
}

/**
 * calculateSucceededIndexes: previous completedIndexes (clipped to completions) plus the
 * indexes of succeeded pods that still carry the tracking finalizer.
 */
export function calculateSucceededIndexes(
  job: Job,
  pods: Pod[],
  hasFinalizer: (p: Pod) => boolean,
): { prev: OrderedIntervals; current: OrderedIntervals } {
  const completions = job.spec.completions ?? 0;
  const prev = parseIndexesFromString(job.status.completedIndexes, completions);
  const fresh: number[] = [];
  for (const p of pods) {
    if (p.status.phase !== 'Succeeded' || !hasFinalizer(p)) continue;
    const ix = getCompletionIndex(p);
    if (isValidCompletionIndex(ix, completions) && !intervalsHas(prev, ix)) fresh.push(ix);
  }
  fresh.sort((a, b) => a - b);
  return { prev, current: withOrderedIndexes(prev, [...new Set(fresh)]) };
}

/** firstPendingIndexes: the `count` lowest indexes in [0, completions) that need a pod. */
export function firstPendingIndexes(
  count: number,
  completions: number,
  exclude: { succeeded: OrderedIntervals; failed: OrderedIntervals | null; busy: (ix: number) => boolean },
): number[] {
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) {
    if (exclude.busy(i)) continue;
    const at = intervalAt(exclude.succeeded, i);
    if (at >= 0) {
      // Skip the whole succeeded interval at once (big Jobs).
      i = (exclude.succeeded[at] as [number, number])[1];
      continue;
    }
    if (exclude.failed && intervalsHas(exclude.failed, i)) continue;
    out.push(i);
  }
  return out;
}
