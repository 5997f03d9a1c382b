// Mirrors trackJobStatusAndRemoveFinalizers, canRemoveFinalizer and enactJobFinished in
// pkg/controller/job/job_controller.go. The simulation applies the status write and the
// finalizer removals of one sync together, so status.uncountedTerminatedPods is always
// flushed by the end of a sync (observably the same as upstream's two writes).

import type { JobCondition, JobStatus, Pod } from '../api/types';
import {
  formatIntervals,
  getCompletionIndex,
  hasBackoffLimitPerIndex,
  intervalsHas,
  intervalsTotal,
  isIndexedJob,
  isValidCompletionIndex,
  UNKNOWN_COMPLETION_INDEX,
  withOrderedIndexes,
} from './indexed_job_utils';
import { matchPodFailurePolicy } from './pod_failure_policy';
import type { SyncJobCtx } from './sync_context';
import { ensureJobConditionStatus, findCondition, hasJobTrackingFinalizer, isPodFailed, newCondition } from './utils';

export const MAX_UNCOUNTED_PODS = 500;

function canRemoveFinalizer(ctx: SyncJobCtx, pod: Pod, ix: number, considerPodFailed: boolean): boolean {
  if (ctx.job.metadata.deletionTimestamp !== undefined || ctx.finishedCondition !== null || pod.status.phase === 'Succeeded') {
    return true;
  }
  if (!considerPodFailed) return false;
  if (hasBackoffLimitPerIndex(ctx.job)) {
    const delayed = ix !== UNKNOWN_COMPLETION_INDEX ? ctx.podsWithDelayedDeletionPerIndex.get(ix) : undefined;
    // The failed pod carries the index's failure count until its replacement exists.
    if (delayed !== undefined && delayed.metadata.uid === pod.metadata.uid) return false;
  }
  return true;
}

/** A stable sort by completion index (byCompletionIndex); the indexes, each parsed once, come along. */
function sortByCompletionIndex(pods: Pod[]): { pods: Pod[]; indexes: number[] } {
  const keyed = pods.map((p, i) => ({ p, ix: getCompletionIndex(p), i }));
  keyed.sort((a, b) => a.ix - b.ix || a.i - b.i);
  return { pods: keyed.map((k) => k.p), indexes: keyed.map((k) => k.ix) };
}

const isSuccessCriteriaMet = (c: JobCondition | null): boolean => c !== null && c.type === 'SuccessCriteriaMet';

export function trackJobStatusAndRemoveFinalizers(ctx: SyncJobCtx, status: JobStatus): { finished: JobCondition | null } {
  const job = ctx.job;
  const indexed = isIndexedJob(job);
  const completions = job.spec.completions ?? 0;
  // Only tracked pods can lose the finalizer, and an active pod only when the Job is
  // being deleted or finishing (canRemoveFinalizer). Filtering first and then sorting
  // stably by index gives the same order as upstream's sort of every pod.
  const all = job.metadata.deletionTimestamp !== undefined || ctx.finishedCondition !== null;
  let pods = all ? ctx.pods.tracked() : ctx.pods.trackedInactive();
  // Indexes are parsed only for an Indexed Job; a NonIndexed one never reads them.
  let indexes: number[] | null = null;
  if (indexed) ({ pods, indexes } = sortByCompletionIndex(pods));
  const newSucceededIndexes: number[] = [];
  let succeededDelta = 0;
  let failedDelta = 0;
  let reachedMax = false;
  const nowIso = ctx.input.nowIso;
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i] as Pod;
    const ix = indexes === null ? UNKNOWN_COMPLETION_INDEX : (indexes[i] as number);
    if (!hasJobTrackingFinalizer(pod) || ctx.expectedRmFinalizers.has(pod.metadata.uid ?? '')) continue;
    const considerFailed = isPodFailed(pod, job);
    if (!canRemoveFinalizer(ctx, pod, ix, considerFailed)) continue;
    ctx.plan.finalizerRemovals.push(pod);
    if (pod.status.phase === 'Succeeded') {
      if (indexed) {
        if (isValidCompletionIndex(ix, completions) && !intervalsHas(ctx.prevSucceededIndexes, ix)) newSucceededIndexes.push(ix);
      } else {
        succeededDelta++;
      }
    } else if (considerFailed || (ctx.finishedCondition !== null && !isSuccessCriteriaMet(ctx.finishedCondition))) {
      // When the Job is finishing as failed, every non-terminated pod counts as failed.
      if (!indexed || isValidCompletionIndex(ix, completions)) {
        const m = matchPodFailurePolicy(job.spec.podFailurePolicy, pod, job);
        if (m.countFailed) failedDelta++;
        else ctx.plan.why.push({ rule: 'podFailurePolicy.Ignore', text: `pod ${pod.metadata.name} matched podFailurePolicy rule ${m.ruleIndex} (Ignore) → not counted as failed` });
      }
    }
    if (newSucceededIndexes.length + succeededDelta + failedDelta >= MAX_UNCOUNTED_PODS) {
      reachedMax = true;
      break;
    }
  }
  status.failed = (status.failed ?? 0) + failedDelta;
  if (indexed) {
    ctx.succeededIndexes = withOrderedIndexes(ctx.succeededIndexes, [...new Set(newSucceededIndexes)].sort((a, b) => a - b));
    status.succeeded = intervalsTotal(ctx.succeededIndexes);
    status.completedIndexes = formatIntervals(ctx.succeededIndexes);
    status.failedIndexes = ctx.failedIndexes !== null ? formatIntervals(ctx.failedIndexes) : undefined;
  } else {
    status.succeeded = (status.succeeded ?? 0) + succeededDelta;
  }
  const conditions = (status.conditions = [...(status.conditions ?? [])]);
  let finished = ctx.finishedCondition;
  if (finished !== null && finished.type === 'FailureTarget') {
    conditions.push(finished);
    finished = newCondition('Failed', 'True', finished.reason ?? '', finished.message ?? '', nowIso);
  }
  if (finished !== null && finished.type === 'SuccessCriteriaMet') {
    if (findCondition(conditions, 'SuccessCriteriaMet') === undefined) conditions.push(finished);
    finished = newCondition('Complete', 'True', finished.reason ?? '', finished.message ?? '', nowIso);
  }
  if (reachedMax || finished === null) return { finished: null };
  // enactJobFinished: the terminal condition waits until no pod is terminating.
  if (ctx.terminating > 0) {
    ctx.plan.why.push({ rule: 'terminalCondition', text: `${finished.type} waits: ${ctx.terminating} pod(s) still terminating` });
    return { finished: null };
  }
  ensureJobConditionStatus(conditions, finished.type, finished.status, finished.reason ?? '', finished.message ?? '', nowIso);
  if (finished.type === 'Complete') status.completionTime = nowIso;
  return { finished };
}
