// Status subresource validation. Mirrors pkg/apis/batch/validation (validateJobStatus,
// ValidateJobStatusUpdate) with the options pkg/registry/batch/job/strategy.go
// getStatusValidationOptions computes when JobManagedBy is on: most rules only fire when the
// fields they look at changed in this update.

import { fe, type FieldError } from '../errors';
import type { Job, JobCondition, JobStatus } from '../types';
import { failedOverlapsCompleted, validateIndexesFormat } from './indexes';
import { validateObjectMetaUpdate } from './meta';
import { deepEqual } from './util';

const isTrue = (conds: JobCondition[] | undefined, type: string): boolean =>
  (conds ?? []).some((c) => c.type === type && c.status === 'True');

const complete = (j: Job): boolean => isTrue(j.status?.conditions, 'Complete');
const failed = (j: Job): boolean => isTrue(j.status?.conditions, 'Failed');
const failureTarget = (j: Job): boolean => isTrue(j.status?.conditions, 'FailureTarget');
const successCriteriaMet = (j: Job): boolean => isTrue(j.status?.conditions, 'SuccessCriteriaMet');
const finished = (j: Job): boolean => complete(j) || failed(j);

interface Opts {
  decreasingSucceeded: boolean;
  invalidCompleted: boolean;
  invalidFailed: boolean;
  overlap: boolean;
  finishedActive: boolean;
  finishedNoStart: boolean;
  finishedUncounted: boolean;
  startTimeUpdate: boolean;
  completionBeforeStart: boolean;
  completionTimeWithoutComplete: boolean;
  completeFailed: boolean;
  completeFailureTarget: boolean;
  failedWithoutTarget: boolean;
  completeWithoutSCM: boolean;
  readyAboveActive: boolean;
  finishedTerminating: boolean;
}

function options(n: Job, o: Job): Opts {
  const ns: JobStatus = n.status ?? {};
  const os: JobStatus = o.status ?? {};
  const indexed = n.spec.completionMode === 'Indexed';
  const finishedChanged = finished(o) !== finished(n);
  const completeChanged = complete(o) !== complete(n);
  const failedChanged = failed(o) !== failed(n);
  const ftChanged = failureTarget(o) !== failureTarget(n);
  const scmChanged = successCriteriaMet(o) !== successCriteriaMet(n);
  const completedChanged = (os.completedIndexes ?? '') !== (ns.completedIndexes ?? '');
  const failedIdxChanged = os.failedIndexes !== ns.failedIndexes;
  const activeChanged = (os.active ?? 0) !== (ns.active ?? 0);
  const startChanged = os.startTime !== ns.startTime;
  const completionChanged = os.completionTime !== ns.completionTime;
  return {
    decreasingSucceeded: !indexed || n.spec.completions !== n.spec.parallelism,
    invalidCompleted: completedChanged,
    invalidFailed: failedIdxChanged,
    overlap: failedIdxChanged || completedChanged,
    finishedActive: finishedChanged || activeChanged,
    finishedNoStart: finishedChanged || startChanged,
    finishedUncounted: finishedChanged || !deepEqual(os.uncountedTerminatedPods, ns.uncountedTerminatedPods),
    startTimeUpdate: startChanged,
    completionBeforeStart: startChanged || completionChanged,
    completionTimeWithoutComplete: completeChanged || completionChanged,
    completeFailed: completeChanged || failedChanged,
    completeFailureTarget: completeChanged || ftChanged,
    failedWithoutTarget: failedChanged || ftChanged,
    completeWithoutSCM: completeChanged || scmChanged,
    readyAboveActive: os.ready !== ns.ready || activeChanged,
    finishedTerminating: finishedChanged || os.terminating !== ns.terminating,
  };
}

function counters(s: JobStatus): FieldError[] {
  const errs: FieldError[] = [];
  const nn = (v: number | undefined, f: string): void => {
    if (v !== undefined && v < 0) errs.push(fe.invalid(`status.${f}`, v, 'must be greater than or equal to 0'));
  };
  nn(s.active, 'active');
  nn(s.succeeded, 'succeeded');
  nn(s.failed, 'failed');
  nn(s.ready, 'ready');
  nn(s.terminating, 'terminating');
  const seen = new Set<string>();
  for (const kind of ['succeeded', 'failed'] as const) {
    (s.uncountedTerminatedPods?.[kind] ?? []).forEach((uid, i) => {
      const p = `status.uncountedTerminatedPods.${kind}[${i}]`;
      if (uid === '') errs.push(fe.invalid(p, uid, 'must not be empty'));
      else if (seen.has(uid)) errs.push(fe.duplicate(p, uid));
      else seen.add(uid);
    });
  }
  return errs;
}

const cond = (detail: string): FieldError => fe.invalidNoValue('status.conditions', detail);

function renderUncounted(s: JobStatus): unknown {
  const u = s.uncountedTerminatedPods;
  return u === undefined ? null : { Succeeded: u.succeeded ?? null, Failed: u.failed ?? null };
}

function timesAndFinish(job: Job, o: Opts): FieldError[] {
  const errs: FieldError[] = [];
  const s = job.status ?? {};
  if (o.completeFailed && complete(job) && failed(job)) errs.push(cond('cannot set Complete=True and Failed=true conditions'));
  if (o.completeFailureTarget && complete(job) && failureTarget(job)) {
    errs.push(cond('cannot set Complete=True and FailureTarget=true conditions'));
  }
  if (o.completionTimeWithoutComplete && s.completionTime !== undefined && !complete(job)) {
    errs.push(fe.invalid('status.completionTime', s.completionTime, 'cannot set completionTime when there is no Complete=True condition'));
  }
  if (o.completionTimeWithoutComplete && s.completionTime === undefined && complete(job)) {
    errs.push(fe.required('status.completionTime', 'completionTime is required for Complete jobs'));
  }
  if (o.completionBeforeStart && s.startTime !== undefined && s.completionTime !== undefined) {
    if (Date.parse(s.completionTime) < Date.parse(s.startTime)) {
      errs.push(fe.invalid('status.completionTime', s.completionTime, 'completionTime cannot be set before startTime'));
    }
  }
  if (o.failedWithoutTarget && failed(job) && !failureTarget(job)) {
    errs.push(cond('cannot set Failed=True condition without the FailureTarget=true condition'));
  }
  if (o.completeWithoutSCM && complete(job) && !successCriteriaMet(job)) {
    errs.push(cond('cannot set Complete=True condition without the SuccessCriteriaMet=true condition'));
  }
  const fin = finished(job);
  if (o.finishedActive && (s.active ?? 0) > 0 && fin) {
    errs.push(fe.invalid('status.active', s.active, 'active>0 is invalid for finished job'));
  }
  if (o.finishedNoStart && s.startTime === undefined && fin) {
    errs.push(fe.required('status.startTime', 'startTime is required for finished job'));
  }
  const u = s.uncountedTerminatedPods;
  if (o.finishedUncounted && fin && u !== undefined && (u.failed ?? []).length + (u.succeeded ?? []).length > 0) {
    errs.push(fe.invalid('status.uncountedTerminatedPods', renderUncounted(s), 'uncountedTerminatedPods needs to be empty for finished job'));
  }
  return errs;
}

function indexesRules(job: Job, o: Opts): FieldError[] {
  const errs: FieldError[] = [];
  const s = job.status ?? {};
  const c = job.spec.completions;
  const completed = s.completedIndexes ?? '';
  if (o.invalidCompleted && c !== undefined) {
    const r = validateIndexesFormat(completed, c);
    if (r.error !== undefined) errs.push(fe.invalid('status.completedIndexes', completed, `error parsing completedIndexes: ${r.error}`));
  }
  if (o.invalidFailed && c !== undefined && job.spec.backoffLimitPerIndex !== undefined && s.failedIndexes !== undefined) {
    const r = validateIndexesFormat(s.failedIndexes, c);
    if (r.error !== undefined) errs.push(fe.invalid('status.failedIndexes', s.failedIndexes, `error parsing failedIndexes: ${r.error}`));
  }
  if (o.invalidCompleted && completed.length > 0 && job.spec.completionMode !== 'Indexed') {
    errs.push(fe.invalid('status.completedIndexes', completed, 'cannot set non-empty completedIndexes when non-indexed completion mode'));
  }
  if (o.invalidFailed && job.spec.backoffLimitPerIndex === undefined && s.failedIndexes !== undefined) {
    errs.push(fe.invalid('status.failedIndexes', s.failedIndexes, 'cannot set non-null failedIndexes when backoffLimitPerIndex is null'));
  }
  if (o.overlap && c !== undefined && s.failedIndexes !== undefined) {
    const msg = failedOverlapsCompleted(completed, s.failedIndexes, c);
    if (msg !== undefined) errs.push(fe.invalid('status.failedIndexes', s.failedIndexes, msg));
  }
  return errs;
}

/** validateJobStatus with the given options (the rules on the new status alone). */
function validateJobStatus(job: Job, o: Opts): FieldError[] {
  const s = job.status ?? {};
  const errs = counters(s);
  errs.push(...timesAndFinish(job, o));
  errs.push(...indexesRules(job, o));
  if (o.finishedTerminating && (s.terminating ?? 0) > 0 && finished(job)) {
    errs.push(fe.invalid('status.terminating', s.terminating, 'terminating>0 is invalid for finished job'));
  }
  if (o.readyAboveActive && s.ready !== undefined && s.ready > (s.active ?? 0)) {
    errs.push(fe.invalid('status.ready', s.ready, 'cannot set more ready pods than active'));
  }
  if (successCriteriaMet(job) && failed(job)) errs.push(cond('cannot set SuccessCriteriaMet=True and Failed=true conditions'));
  if (successCriteriaMet(job) && failureTarget(job)) errs.push(cond('cannot set SuccessCriteriaMet=True and FailureTarget=true conditions'));
  if (job.spec.successPolicy !== undefined && !successCriteriaMet(job) && complete(job)) {
    errs.push(cond('cannot set Complete=True for Job with SuccessPolicy unless SuccessCriteriaMet=True'));
  }
  return errs;
}

function transitions(n: Job, old: Job, o: Opts): FieldError[] {
  const errs: FieldError[] = [];
  const ns = n.status ?? {};
  const os = old.status ?? {};
  for (const t of ['Failed', 'Complete', 'FailureTarget']) {
    if (isTrue(os.conditions, t) && !isTrue(ns.conditions, t)) errs.push(cond(`cannot disable the terminal ${t}=True condition`));
  }
  if ((ns.failed ?? 0) < (os.failed ?? 0)) errs.push(fe.invalid('status.failed', ns.failed ?? 0, 'cannot decrease the failed counter'));
  if (o.decreasingSucceeded && (ns.succeeded ?? 0) < (os.succeeded ?? 0)) {
    errs.push(fe.invalid('status.succeeded', ns.succeeded ?? 0, 'cannot decrease the succeeded counter'));
  }
  if (ns.completionTime !== undefined && os.completionTime !== undefined && ns.completionTime !== os.completionTime) {
    errs.push(fe.invalid('status.completionTime', ns.completionTime, 'completionTime cannot be mutated'));
  }
  if (o.startTimeUpdate && os.startTime !== undefined && os.startTime !== ns.startTime && n.spec.suspend !== true) {
    errs.push(fe.required('status.startTime', 'startTime cannot be removed for unsuspended job'));
  }
  if (successCriteriaMet(old) && !successCriteriaMet(n)) errs.push(cond('cannot disable the SuccessCriteriaMet=True condition'));
  if (complete(old) && !successCriteriaMet(old) && successCriteriaMet(n)) {
    errs.push(cond('cannot set SuccessCriteriaMet=True for Job already has Complete=true conditions'));
  }
  return errs;
}

/** ValidateJobUpdateStatus: metadata update rules, then the status rules. */
export function validateJobStatusUpdateErrors(newJob: Job, oldJob: Job): FieldError[] {
  const o = options(newJob, oldJob);
  const errs = validateObjectMetaUpdate(newJob.metadata, oldJob.metadata);
  errs.push(...validateJobStatus(newJob, o));
  errs.push(...transitions(newJob, oldJob, o));
  return errs;
}
