// Mirrors syncJob in pkg/controller/job/job_controller.go (v1.34 behaviour): classify
// pods, decide whether the Job is finishing (podFailurePolicy, backoffLimit, deadline,
// failed indexes, successPolicy, completions), run manageJob otherwise, then track
// status and finalizers. Returns a plan; nothing is written here.

import { JOB_CONTROLLER_NAME, type Job, type Pod } from '../api/types';
import { getFinishedTimeMs, newBackoffRecord } from './backoff_utils';
import {
  calculateSucceededIndexes,
  getCompletionIndex,
  hasBackoffLimitPerIndex,
  intervalsTotal,
  isIndexedJob,
  isValidCompletionIndex,
} from './indexed_job_utils';
import { calculateFailedIndexes } from './per_index';
import { manageJob } from './manage_job';
import { matchPodFailurePolicy } from './pod_failure_policy';
import { emptyPlan, type SyncInput, type SyncJobCtx, type SyncPlan } from './sync_context';
import { trackJobStatusAndRemoveFinalizers } from './tracking_utils';
import {
  ensureJobConditionStatus,
  hasJobTrackingFinalizer,
  isJobFinished,
  isPodFailed,
  isPodReady,
  jobSuspended,
  newCondition,
} from './utils';
import { decideFinish } from './finish';
import { buildStatus } from './status';

export function syncJob(input: SyncInput): SyncPlan {
  const plan = emptyPlan();
  const job: Job = { ...input.job, status: { ...input.job.status } };
  if (isJobFinished(job)) return plan;
  if (job.spec.managedBy !== undefined && job.spec.managedBy !== JOB_CONTROLLER_NAME) {
    plan.why.push({ rule: 'managedBy', text: `spec.managedBy is ${job.spec.managedBy} → the built-in controller skips this Job` });
    return plan;
  }
  const mode = job.spec.completionMode;
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') {
    plan.events.push({ type: 'Warning', reason: 'UnknownCompletionMode', message: 'Skipped Job sync because completion mode is unknown' });
    return plan;
  }
  const ctx = newSyncJobCtx(input, job, plan);
  const status = job.status;
  if (status.startTime === undefined && !jobSuspended(job)) status.startTime = input.nowIso;

  decideFinish(ctx);

  let active = ctx.pods.activeCount;
  let suspendCondChanged = false;
  if (ctx.finishedCondition !== null) {
    // deleteActivePods: the finalizers are kept; trackJobStatus counts these pods.
    for (const p of ctx.activePods) {
      plan.deletions.push({ pod: p, removeFinalizerFirst: false });
      if (isPodReady(p)) ctx.ready -= 1;
    }
    if (ctx.activePods.length > 0) {
      plan.why.push({ rule: 'finish.deleteActive', text: `${ctx.finishedCondition.type} ${ctx.finishedCondition.reason} → deleting ${ctx.activePods.length} active pod(s)` });
    }
    ctx.terminating += ctx.activePods.length;
    active = 0;
  } else {
    let manageJobCalled = false;
    if (job.metadata.deletionTimestamp === undefined) {
      active = manageJob(ctx);
      manageJobCalled = true;
    }
    const completions = job.spec.completions;
    const complete = completions === undefined ? ctx.succeeded > 0 && active === 0 : ctx.succeeded >= completions && active === 0;
    if (complete) {
      ctx.finishedCondition = newCondition('SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods', input.nowIso);
      plan.why.push({
        rule: 'completions',
        text: completions === undefined
          ? `completions unset: succeeded ${ctx.succeeded} > 0 and no pod active → SuccessCriteriaMet CompletionsReached`
          : `succeeded ${ctx.succeeded} ≥ completions ${completions} and no pod active → SuccessCriteriaMet CompletionsReached`,
      });
    } else if (manageJobCalled) {
      suspendCondChanged = updateSuspendCondition(job, plan, input.nowIso);
    }
  }
  status.active = active;
  status.ready = ctx.ready;
  status.terminating = ctx.terminating;
  const { finished } = trackJobStatusAndRemoveFinalizers(ctx, status);
  if (finished !== null) recordJobFinished(plan, job, finished.type, finished.reason ?? '', finished.message ?? '');
  plan.backoff = ctx.newBackoffRecord;
  const newStatus = buildStatus(status);
  if (suspendCondChanged || JSON.stringify(newStatus) !== JSON.stringify(buildStatus(input.job.status))) plan.status = newStatus;
  requeueForDeadline(ctx);
  return plan;
}

function newSyncJobCtx(input: SyncInput, job: Job, plan: SyncPlan): SyncJobCtx {
  const pods = input.pods;
  let activePods: Pod[] | null = null;
  const finishedAt = (p: Pod): number => getFinishedTimeMs(p, input.sinceStart);
  const indexed = isIndexedJob(job);
  const completions = job.spec.completions ?? 0;
  // getNewFinishedPods: pods that still carry the finalizer (not yet counted). A finished
  // or failed pod is never active, so only the tracked inactive pods are candidates.
  // One pass, each index parsed once; a pod is Succeeded or failed, never both.
  const uncounted = pods.trackedInactive();
  const newSucceeded: Pod[] = [];
  const newFailed: Pod[] = [];
  for (const p of uncounted) {
    if (indexed && !isValidCompletionIndex(getCompletionIndex(p), completions)) continue;
    if (p.status.phase === 'Succeeded') newSucceeded.push(p);
    else if (isPodFailed(p, job)) newFailed.push(p);
  }
  let nonIgnored = newFailed.length;
  if (job.spec.podFailurePolicy !== undefined) {
    nonIgnored = newFailed.filter((p) => matchPodFailurePolicy(job.spec.podFailurePolicy, p, job).countFailed).length;
  }
  const ctx: SyncJobCtx = {
    job,
    pods,
    get activePods(): Pod[] {
      return (activePods ??= pods.active());
    },
    ready: pods.readyActiveCount,
    terminating: pods.terminatingCount,
    succeeded: (job.status.succeeded ?? 0) + newSucceeded.length,
    failed: (job.status.failed ?? 0) + nonIgnored,
    prevSucceededIndexes: [],
    succeededIndexes: [],
    failedIndexes: null,
    podsWithDelayedDeletionPerIndex: new Map(),
    newBackoffRecord: newBackoffRecord(input.backoff, newSucceeded, newFailed, finishedAt),
    finishedCondition: null,
    expectedRmFinalizers: new Set(),
    finishedAt,
    plan,
    input,
  };
  if (indexed) {
    const { prev, current } = calculateSucceededIndexes(job, uncounted, hasJobTrackingFinalizer);
    ctx.prevSucceededIndexes = prev;
    ctx.succeededIndexes = current;
    ctx.succeeded = intervalsTotal(current);
    if (hasBackoffLimitPerIndex(job)) ctx.failedIndexes = calculateFailedIndexes(job, uncounted);
  }
  return ctx;
}

/** The Suspended condition and the Suspended/Resumed events; resuming resets startTime. */
function updateSuspendCondition(job: Job, plan: SyncPlan, nowIso: string): boolean {
  const conditions = (job.status.conditions = [...(job.status.conditions ?? [])]);
  if (jobSuspended(job)) {
    if (ensureJobConditionStatus(conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', nowIso)) {
      plan.events.push({ type: 'Normal', reason: 'Suspended', message: 'Job suspended' });
      return true;
    }
    return false;
  }
  if (ensureJobConditionStatus(conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', nowIso)) {
    plan.events.push({ type: 'Normal', reason: 'Resumed', message: 'Job resumed' });
    plan.why.push({ rule: 'resume', text: 'Job resumed → status.startTime reset to now (activeDeadlineSeconds counts from here)' });
    job.status.startTime = nowIso;
    return true;
  }
  return false;
}

function recordJobFinished(plan: SyncPlan, job: Job, type: string, reason: string, message: string): void {
  if (type === 'Complete') {
    plan.events.push({ type: 'Normal', reason: 'Completed', message: 'Job completed' });
    const completions = job.spec.completions;
    if (completions !== undefined && (job.status.succeeded ?? 0) > completions) {
      plan.events.push({ type: 'Warning', reason: 'TooManySucceededPods', message: 'Too many succeeded pods running after completion count reached' });
    }
  } else {
    plan.events.push({ type: 'Warning', reason, message });
  }
  plan.why.push({ rule: 'terminalCondition', text: `no pod left terminating → ${type} (${reason})` });
}

/** After a sync of a started, non-suspended Job with a deadline: requeue at the deadline. */
function requeueForDeadline(ctx: SyncJobCtx): void {
  const job = ctx.job;
  const ads = job.spec.activeDeadlineSeconds;
  if (ads === undefined || jobSuspended(job) || ctx.finishedCondition !== null) return;
  const start = ctx.input.sinceStart(job.status.startTime);
  if (start === null) return;
  const remaining = ads * 1000 - (ctx.input.nowMs - start);
  if (remaining > 0) ctx.plan.requeueAfterMs.push(remaining);
}
