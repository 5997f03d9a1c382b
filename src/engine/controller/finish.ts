// The finish evaluation of syncJob, in upstream's order (first match wins):
// existing SuccessCriteriaMet / FailureTarget, podFailurePolicy FailJob, backoffLimit
// (and OnFailure restarts), activeDeadlineSeconds, failed indexes, successPolicy.

import { hasBackoffLimitPerIndex, intervalsTotal, isIndexedJob } from './indexed_job_utils';
import { getPodsWithDelayedDeletionPerIndex } from './per_index';
import { getFailJobMessage } from './pod_failure_policy';
import { matchSuccessPolicy } from './success_policy';
import type { SyncJobCtx } from './sync_context';
import { findCondition, jobSuspended, newCondition, pastBackoffLimitOnFailure } from './utils';

export function decideFinish(ctx: SyncJobCtx): void {
  const job = ctx.job;
  const now = ctx.input.nowIso;
  const why = (rule: string, text: string): void => {
    ctx.plan.why.push({ rule, text });
  };
  const scm = findCondition(job.status.conditions, 'SuccessCriteriaMet');
  if (scm !== undefined && scm.status === 'True') ctx.finishedCondition = scm;

  if (ctx.finishedCondition === null) {
    const ft = findCondition(job.status.conditions, 'FailureTarget');
    if (ft !== undefined && ft.status === 'True') {
      ctx.finishedCondition = newCondition('Failed', 'True', ft.reason ?? '', ft.message ?? '', now);
    } else {
      // Only pods that are Failed or being deleted can be failed pods (isPodFailed).
      const msg = job.spec.podFailurePolicy !== undefined ? getFailJobMessage(job, ctx.pods.failing()) : null;
      if (msg !== null) {
        ctx.finishedCondition = newCondition('FailureTarget', 'True', 'PodFailurePolicy', msg, now);
        why('podFailurePolicy.FailJob', `${msg} → FailureTarget PodFailurePolicy`);
      }
    }
  }
  if (ctx.finishedCondition === null) {
    const limit = job.spec.backoffLimit ?? 6;
    if (ctx.failed > limit) {
      ctx.finishedCondition = newCondition('FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now);
      why('backoffLimit', `failed ${ctx.failed} > backoffLimit ${limit} → FailureTarget BackoffLimitExceeded`);
    } else if (job.spec.template.spec.restartPolicy === 'OnFailure' && pastBackoffLimitOnFailure(job, ctx.pods.nonTerminal())) {
      ctx.finishedCondition = newCondition('FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now);
      why('backoffLimit.onFailure', `restartPolicy OnFailure: container restarts of running pods reached backoffLimit ${limit} → FailureTarget BackoffLimitExceeded`);
    } else if (pastActiveDeadline(ctx)) {
      ctx.finishedCondition = newCondition('FailureTarget', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline', now);
      why('activeDeadlineSeconds', `${(ctx.input.nowMs - (ctx.input.sinceStart(job.status.startTime) ?? 0)) / 1000}s since startTime ≥ activeDeadlineSeconds ${job.spec.activeDeadlineSeconds} → FailureTarget DeadlineExceeded`);
    }
  }
  if (!isIndexedJob(job)) return;
  const completions = job.spec.completions ?? 0;
  if (hasBackoffLimitPerIndex(job) && ctx.failedIndexes !== null) {
    const failedN = intervalsTotal(ctx.failedIndexes);
    if (ctx.finishedCondition === null) {
      const mfi = job.spec.maxFailedIndexes;
      if (mfi !== undefined && failedN > mfi) {
        ctx.finishedCondition = newCondition('FailureTarget', 'True', 'MaxFailedIndexesExceeded', 'Job has exceeded the specified maximal number of failed indexes', now);
        why('maxFailedIndexes', `failed indexes ${failedN} > maxFailedIndexes ${mfi} → FailureTarget MaxFailedIndexesExceeded`);
      } else if (failedN > 0 && failedN + intervalsTotal(ctx.succeededIndexes) >= completions) {
        ctx.finishedCondition = newCondition('FailureTarget', 'True', 'FailedIndexes', 'Job has failed indexes', now);
        why('failedIndexes', `every index finished: ${intervalsTotal(ctx.succeededIndexes)} succeeded + ${failedN} failed ≥ completions ${completions} → FailureTarget FailedIndexes`);
      }
    }
    ctx.podsWithDelayedDeletionPerIndex = getPodsWithDelayedDeletionPerIndex(ctx);
  }
  if (ctx.finishedCondition === null) {
    const m = matchSuccessPolicy(job.spec.successPolicy, completions, ctx.succeededIndexes);
    if (m.met) {
      ctx.finishedCondition = newCondition('SuccessCriteriaMet', 'True', 'SuccessPolicy', m.message, now);
      why('successPolicy', `successPolicy: ${m.message} → SuccessCriteriaMet SuccessPolicy; remaining pods are deleted`);
    }
  }
}

function pastActiveDeadline(ctx: SyncJobCtx): boolean {
  const job = ctx.job;
  const ads = job.spec.activeDeadlineSeconds;
  if (ads === undefined || jobSuspended(job)) return false;
  const start = ctx.input.sinceStart(job.status.startTime);
  if (start === null) return false;
  return ctx.input.nowMs - start >= ads * 1000;
}
