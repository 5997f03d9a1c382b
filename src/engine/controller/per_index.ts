// backoffLimitPerIndex helpers of pkg/controller/job (indexed_job_utils.go):
// calculateFailedIndexes, isIndexFailed and getPodsWithDelayedDeletionPerIndex.

import type { Job, Pod } from '../api/types';
import {
  getCompletionIndex,
  getIndexFailureCount,
  getIndexIgnoredFailureCount,
  intervalsHas,
  isValidCompletionIndex,
  parseIndexesFromString,
  withOrderedIndexes,
  type OrderedIntervals,
} from './indexed_job_utils';
import { matchPodFailurePolicy } from './pod_failure_policy';
import type { SyncJobCtx } from './sync_context';
import { hasJobTrackingFinalizer, isPodFailed } from './utils';

/** isIndexFailed: a FailIndex rule matched, or a counted failure at the per-index limit. */
export function isIndexFailed(job: Job, pod: Pod): boolean {
  if (!isPodFailed(pod, job)) return false;
  let counted = true;
  if (job.spec.podFailurePolicy !== undefined) {
    const m = matchPodFailurePolicy(job.spec.podFailurePolicy, pod, job);
    if (m.action === 'FailIndex') return true;
    counted = m.countFailed;
  }
  return counted && getIndexFailureCount(pod) >= (job.spec.backoffLimitPerIndex ?? 0);
}

export function calculateFailedIndexes(job: Job, pods: Pod[]): OrderedIntervals {
  const completions = job.spec.completions ?? 0;
  const prev = parseIndexesFromString(job.status.failedIndexes, completions);
  const fresh: number[] = [];
  for (const p of pods) {
    if (!isIndexFailed(job, p)) continue;
    const ix = getCompletionIndex(p);
    if (isValidCompletionIndex(ix, completions) && hasJobTrackingFinalizer(p) && !intervalsHas(prev, ix)) fresh.push(ix);
  }
  return withOrderedIndexes(prev, [...new Set(fresh)].sort((a, b) => a - b));
}

const absoluteFailures = (p: Pod): number => getIndexFailureCount(p) + getIndexIgnoredFailureCount(p);

/** The newest failed pod of each index that waits for its replacement (it keeps its finalizer). */
export function getPodsWithDelayedDeletionPerIndex(ctx: SyncJobCtx): Map<number, Pod> {
  const job = ctx.job;
  const completions = job.spec.completions ?? 0;
  const out = new Map<number, Pod>();
  // Only tracked pods that are failed qualify, and a failed pod is never active.
  for (const p of ctx.pods.trackedInactive()) {
    if (!hasJobTrackingFinalizer(p) || !isPodFailed(p, job)) continue;
    const ix = getCompletionIndex(p);
    if (!isValidCompletionIndex(ix, completions)) continue;
    if (intervalsHas(ctx.succeededIndexes, ix) || (ctx.failedIndexes && intervalsHas(ctx.failedIndexes, ix)) || ctx.pods.hasActiveIndex(ix)) continue;
    const last = out.get(ix);
    if (last === undefined || (absoluteFailures(last) <= absoluteFailures(p) && !(ctx.finishedAt(p) < ctx.finishedAt(last)))) {
      out.set(ix, p);
    }
  }
  return out;
}
