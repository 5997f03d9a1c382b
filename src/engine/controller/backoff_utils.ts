// Mirrors pkg/controller/job/backoff_utils.go: the pod-failure backoff before pods are
// re-created (10 s doubling, capped at 10 min), globally per Job or per index.

import type { Pod } from '../api/types';
import { getIndexFailureCount, getIndexIgnoredFailureCount } from './indexed_job_utils';

export const DEFAULT_JOB_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_JOB_POD_FAILURE_BACKOFF_MS = 600_000;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  /** ms since t=0 of the latest counted failure, or null. */
  lastFailureTimeMs: number | null;
}

export const emptyBackoffRecord = (): BackoffRecord => ({ failuresAfterLastSuccess: 0, lastFailureTimeMs: null });

/** getFinishedTime: containers' finishedAt, else Ready=False time, else deletion time, else creation. */
export function getFinishedTimeMs(p: Pod, sinceStart: (iso: string | undefined) => number | null): number {
  const statuses = p.status.containerStatuses ?? [];
  if (statuses.length > 0 && statuses.every((s) => s.state.terminated !== undefined)) {
    let max: number | null = null;
    for (const s of statuses) {
      const t = sinceStart(s.state.terminated?.finishedAt);
      if (t !== null && (max === null || t > max)) max = t;
    }
    if (max !== null) return max;
  }
  const readyFalse = (p.status.conditions ?? []).find((c) => c.type === 'Ready' && c.status === 'False');
  const rt = sinceStart(readyFalse?.lastTransitionTime);
  if (rt !== null) return rt;
  const del = sinceStart(p.metadata.deletionTimestamp);
  if (del !== null) return del - (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return sinceStart(p.metadata.creationTimestamp) ?? 0;
}

/** newBackoffRecord: fold this sync's newly finished pods into the Job's record. */
export function newBackoffRecord(
  prev: BackoffRecord,
  newSucceeded: Pod[],
  newFailed: Pod[],
  finishedAt: (p: Pod) => number,
): BackoffRecord {
  const rec = { ...prev };
  const failedTimes = newFailed.map(finishedAt).sort((a, b) => a - b);
  if (newSucceeded.length === 0) {
    if (failedTimes.length === 0) return rec;
    rec.failuresAfterLastSuccess += failedTimes.length;
    rec.lastFailureTimeMs = failedTimes[failedTimes.length - 1] ?? null;
    return rec;
  }
  rec.failuresAfterLastSuccess = 0;
  rec.lastFailureTimeMs = null;
  // A loop, not Math.max(...): spreading 150,000 pods overflows the call stack.
  let lastSuccess = -Infinity;
  for (const p of newSucceeded) lastSuccess = Math.max(lastSuccess, finishedAt(p));
  for (let i = failedTimes.length - 1; i >= 0; i--) {
    const t = failedTimes[i] as number;
    if (!(t > lastSuccess)) break;
    if (rec.lastFailureTimeMs === null) rec.lastFailureTimeMs = t;
    rec.failuresAfterLastSuccess += 1;
  }
  return rec;
}

/** The backoff for the n-th consecutive failure: min(10 s · 2^(n−1), 600 s). */
export function backoffDurationMs(failures: number): number {
  let d = DEFAULT_JOB_POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < failures; i++) {
    d *= 2;
    if (d > MAX_JOB_POD_FAILURE_BACKOFF_MS) return MAX_JOB_POD_FAILURE_BACKOFF_MS;
  }
  return d;
}

/** getRemainingTimeForFailuresCount */
export function remainingTimeMs(failures: number, lastFailureTimeMs: number | null, nowMs: number): number {
  if (failures === 0 || lastFailureTimeMs === null) return 0;
  const d = backoffDurationMs(failures);
  const elapsed = nowMs - lastFailureTimeMs;
  return d < elapsed ? 0 : Math.max(0, d - elapsed);
}

/** getRemainingTimePerIndex: timed from the index's last failed pod. */
export function remainingTimePerIndexMs(lastFailedPod: Pod | undefined, finishedAt: (p: Pod) => number, nowMs: number): number {
  if (lastFailedPod === undefined) return 0;
  const failures = getIndexFailureCount(lastFailedPod) + getIndexIgnoredFailureCount(lastFailedPod) + 1;
  return remainingTimeMs(failures, finishedAt(lastFailedPod), nowMs);
}
