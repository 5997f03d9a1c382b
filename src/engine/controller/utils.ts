// Pod classification and condition helpers shared by the Job controller files.
// Mirrors helpers of pkg/controller/job/job_controller.go (isPodFailed,
// onlyReplaceFailedPods, ensureJobConditionStatus, pastBackoffLimitOnFailure, …)
// and pkg/controller/controller_utils.go (FilterActivePods, CountTerminatingPods).

import { JOB_TRACKING_FINALIZER, type Job, type JobCondition, type Pod } from '../api/types';

/** Whether a condition of that type has status True (pod or Job conditions; kubectl too). */
export function hasTrueCondition(list: ReadonlyArray<{ type: string; status: string }> | undefined, type: string): boolean {
  if (list === undefined) return false;
  for (const c of list) if (c.type === type && c.status === 'True') return true;
  return false;
}

export const isTerminalPhase = (phase: string | undefined): boolean => phase === 'Succeeded' || phase === 'Failed';

export const isTerminal = (p: Pod): boolean => isTerminalPhase(p.status.phase);

/** FilterActivePods: not terminal and not being deleted. */
export const isActive = (p: Pod): boolean => !isTerminal(p) && p.metadata.deletionTimestamp === undefined;

/** CountTerminatingPods: being deleted but not terminal yet. */
export const isTerminating = (p: Pod): boolean => p.metadata.deletionTimestamp !== undefined && !isTerminal(p);

export const isPodReady = (p: Pod): boolean => hasTrueCondition(p.status.conditions, 'Ready');

export const hasJobTrackingFinalizer = (p: Pod): boolean =>
  (p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);

/** onlyReplaceFailedPods: podReplacementPolicy Failed, or any podFailurePolicy. */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec.podReplacementPolicy === 'Failed' || job.spec.podFailurePolicy !== undefined;
}

/** isPodFailed: phase Failed; or, unless only failed pods are replaced, deleted and not Succeeded. */
export function isPodFailed(p: Pod, job: Job): boolean {
  if (p.status.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return p.metadata.deletionTimestamp !== undefined && p.status.phase !== 'Succeeded';
}

export const jobSuspended = (job: Job): boolean => job.spec.suspend === true;

export function findCondition(list: JobCondition[] | undefined, type: string): JobCondition | undefined {
  return (list ?? []).find((c) => c.type === type);
}

/** The first Complete or Failed condition with status True (jobutil.FinishedCondition). */
export function finishedCondition(job: Job): JobCondition | undefined {
  return (job.status.conditions ?? []).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

export function isJobFinished(job: Job): boolean {
  return finishedCondition(job) !== undefined;
}

export function newCondition(type: string, status: string, reason: string, message: string, nowIso: string): JobCondition {
  return { type, status, lastProbeTime: nowIso, lastTransitionTime: nowIso, reason, message };
}

/**
 * ensureJobConditionStatus: update a condition of that type in place, or append it;
 * a False condition is never appended from nothing. Returns whether the list changed.
 */
export function ensureJobConditionStatus(
  list: JobCondition[],
  type: string,
  status: string,
  reason: string,
  message: string,
  nowIso: string,
): boolean {
  const i = list.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = list[i] as JobCondition;
    if (c.status !== status || c.reason !== reason || c.message !== message) {
      list[i] = newCondition(type, status, reason, message, nowIso);
      return true;
    }
    return false;
  }
  if (status !== 'False') {
    list.push(newCondition(type, status, reason, message, nowIso));
    return true;
  }
  return false;
}

/** pastBackoffLimitOnFailure: container restarts of Pending/Running pods under OnFailure. */
export function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if (job.spec.template.spec.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status.phase !== 'Running' && p.status.phase !== 'Pending') continue;
    for (const s of p.status.initContainerStatuses ?? []) restarts += s.restartCount;
    for (const s of p.status.containerStatuses ?? []) restarts += s.restartCount;
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}
