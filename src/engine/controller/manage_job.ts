// Mirrors manageJob in pkg/controller/job/job_controller.go: how many pods a Job
// wants, which surplus pods go first (deletion wins over creation), the pod-failure
// backoff gate, which indexes to create, and the slow-start batches.

import { hasBackoffLimitPerIndex, isIndexedJob, firstPendingIndexes } from './indexed_job_utils';
import { activePodsForRemoval } from './active_pods';
import { remainingTimeMs, remainingTimePerIndexMs } from './backoff_utils';
import { podBaseFromTemplate, newPodForJob } from './pod_template';
import type { SyncJobCtx } from './sync_context';
import { isPodReady, jobSuspended, onlyReplaceFailedPods } from './utils';
import type { Pod } from '../api/types';

export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

/** Returns the number of active pods after this call's deletions and creations. */
export function manageJob(ctx: SyncJobCtx): number {
  const job = ctx.job;
  let active = ctx.pods.activeCount;
  const parallelism = job.spec.parallelism ?? 1;

  if (jobSuspended(job)) {
    if (active > 0) {
      const rm = activePodsForRemoval(job, ctx.activePods, active);
      deleteJobPods(ctx, rm);
      ctx.plan.why.push({ rule: 'suspend', text: `spec.suspend is true → deleting all ${rm.length} active pods (not counted as failed)` });
      active -= rm.length;
    }
    return active;
  }

  let wantActive: number;
  const completions = job.spec.completions;
  if (completions === undefined) {
    wantActive = ctx.succeeded > 0 ? active : parallelism;
  } else {
    wantActive = Math.max(0, Math.min(parallelism, completions - ctx.succeeded));
  }

  const rmAtLeast = Math.max(0, active - wantActive);
  // With nothing to remove and no duplicated or invalid index, activePodsForRemoval is empty.
  const noneToRemove = rmAtLeast === 0 && (!isIndexedJob(job) || ctx.pods.activeIndexesValid(job.spec.completions ?? 0));
  let toDelete = noneToRemove ? [] : activePodsForRemoval(job, ctx.activePods, rmAtLeast);
  if (toDelete.length > MAX_POD_CREATE_DELETE_PER_SYNC) toDelete = toDelete.slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (toDelete.length > 0) {
    deleteJobPods(ctx, toDelete);
    ctx.plan.why.push({
      rule: 'manageJob.delete',
      text: `active ${active} > wanted ${wantActive} (parallelism ${parallelism}, completions ${completions ?? 'unset'}, succeeded ${ctx.succeeded}) → deleting ${toDelete.length} pod(s); no pod is created in the same sync`,
    });
    return active - toDelete.length;
  }

  const terminating = onlyReplaceFailedPods(job) ? ctx.terminating : 0;
  let diff = wantActive - terminating - active;
  if (diff <= 0) return active;

  if (!hasBackoffLimitPerIndex(job)) {
    const rec = ctx.newBackoffRecord;
    const remaining = remainingTimeMs(rec.failuresAfterLastSuccess, rec.lastFailureTimeMs, ctx.input.nowMs);
    if (remaining > 0) {
      ctx.plan.requeueAfterMs.push(remaining);
      ctx.plan.why.push({
        rule: 'backoff',
        text: `${rec.failuresAfterLastSuccess} failure(s) since the last success → pod-failure backoff min(10s·2^${rec.failuresAfterLastSuccess - 1}, 600s); next pod in ${fmtSeconds(remaining)}`,
      });
      return active;
    }
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);

  let indexes: number[] | null = null;
  if (isIndexedJob(job)) {
    indexes = pendingIndexes(ctx, diff);
    if (hasBackoffLimitPerIndex(job)) {
      const { now, minRemaining } = indexesCreatableNow(ctx, indexes);
      if (now.length === 0 && minRemaining > 0) {
        ctx.plan.requeueAfterMs.push(minRemaining);
        ctx.plan.why.push({ rule: 'backoff.perIndex', text: `every pending index is in its per-index backoff; next in ${fmtSeconds(minRemaining)}` });
        return active;
      }
      indexes = now;
    }
    diff = indexes.length;
  }
  if (diff <= 0) return active;
  createPods(ctx, diff, indexes);
  ctx.plan.why.push({
    rule: 'manageJob.create',
    text: `active ${active}${terminating > 0 ? ` + terminating ${terminating}` : ''} < wanted ${wantActive} → creating ${diff} pod(s)${indexes ? ` for index(es) ${indexes.join(',')}` : ''}`,
  });
  return active + diff;
}

function pendingIndexes(ctx: SyncJobCtx, count: number): number[] {
  // Indexes with an active pod, and with a terminating one when only failed pods are replaced.
  const pods = ctx.pods;
  const terminatingBusy = onlyReplaceFailedPods(ctx.job);
  const busy = (ix: number): boolean => pods.hasActiveIndex(ix) || (terminatingBusy && pods.hasTerminatingIndex(ix));
  return firstPendingIndexes(count, ctx.job.spec.completions ?? 0, {
    succeeded: ctx.succeededIndexes,
    failed: ctx.failedIndexes,
    busy,
  });
}

/** getPodCreationInfoForIndependentIndexes */
function indexesCreatableNow(ctx: SyncJobCtx, indexes: number[]): { now: number[]; minRemaining: number } {
  const now: number[] = [];
  let minRemaining = 0;
  for (const ix of indexes) {
    const last = ctx.podsWithDelayedDeletionPerIndex.get(ix);
    const r = remainingTimePerIndexMs(last, ctx.finishedAt, ctx.input.nowMs);
    if (r === 0) now.push(ix);
    else if (minRemaining === 0 || r < minRemaining) minRemaining = r;
  }
  return { now, minRemaining: now.length > 0 ? 0 : minRemaining };
}

function createPods(ctx: SyncJobCtx, count: number, indexes: number[] | null): void {
  const job = ctx.job;
  const base = podBaseFromTemplate(job, indexes !== null);
  const perIndex = hasBackoffLimitPerIndex(job);
  // Slow start: batches of 1, 2, 4, … are issued in order. Creation never fails in the
  // simulation, so every batch goes through; the order of pods is the order of indexes.
  for (let i = 0; i < count; i++) {
    const index = indexes ? (indexes[i] as number) : null;
    const replaced = index !== null ? ctx.podsWithDelayedDeletionPerIndex.get(index) : undefined;
    ctx.plan.creations.push(newPodForJob(job, base, { index, replaced, perIndex }));
  }
}

/** deleteJobPods: remove the tracking finalizer first, so these pods are never counted. */
export function deleteJobPods(ctx: SyncJobCtx, pods: Pod[]): void {
  for (const p of pods) {
    ctx.plan.deletions.push({ pod: p, removeFinalizerFirst: true });
    ctx.expectedRmFinalizers.add(p.metadata.uid ?? '');
    if (isPodReady(p)) ctx.ready -= 1;
  }
  ctx.terminating += pods.length;
}

export function fmtSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(3)}s`;
}
