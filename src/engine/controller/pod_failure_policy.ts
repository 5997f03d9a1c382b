// Mirrors pkg/controller/job/pod_failure_policy.go: which podFailurePolicy rule (if
// any) matches a failed pod, and the FailJob message.

import type { ContainerStatus, Job, Pod, PodFailurePolicy, PodFailurePolicyOnExitCodesRequirement, PodFailurePolicyOnPodConditionsPattern } from '../api/types';
import { hasBackoffLimitPerIndex } from './indexed_job_utils';
import { isPodFailed } from './utils';

export type PodFailurePolicyAction = 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';

export interface PodFailurePolicyMatch {
  /** The FailJob message when a FailJob rule matched. */
  jobFailureMessage: string | null;
  /** Whether the failure counts towards backoffLimit / the per-index limit. */
  countFailed: boolean;
  action: PodFailurePolicyAction | null;
  ruleIndex: number | null;
}

const NO_MATCH: PodFailurePolicyMatch = { jobFailureMessage: null, countFailed: true, action: null, ruleIndex: null };

function exitCodeMatches(code: number, req: PodFailurePolicyOnExitCodesRequirement): boolean {
  if (req.operator === 'In') return req.values.includes(code);
  if (req.operator === 'NotIn') return !req.values.includes(code);
  return false;
}

/** matchOnExitCodes: main containers first, then init containers; exit code 0 never matches. */
function matchOnExitCodes(pod: Pod, req: PodFailurePolicyOnExitCodesRequirement): ContainerStatus | null {
  const lists = [pod.status.containerStatuses ?? [], pod.status.initContainerStatuses ?? []];
  for (const list of lists) {
    for (const s of list) {
      if (req.containerName !== undefined && req.containerName !== s.name) continue;
      const t = s.state.terminated;
      if (t === undefined || t.exitCode === 0) continue;
      if (exitCodeMatches(t.exitCode, req)) return s;
    }
  }
  return null;
}

function matchOnPodConditions(pod: Pod, patterns: PodFailurePolicyOnPodConditionsPattern[]): string | null {
  for (const c of pod.status.conditions ?? []) {
    for (const p of patterns) {
      if (c.type === p.type && c.status === (p.status ?? 'True')) return c.type;
    }
  }
  return null;
}

/** matchPodFailurePolicy: the first rule whose requirement matches (unknown actions are skipped). */
export function matchPodFailurePolicy(policy: PodFailurePolicy | undefined, pod: Pod, job: Job): PodFailurePolicyMatch {
  if (policy === undefined) return NO_MATCH;
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name ?? '';
  // `podFailurePolicy: {}` is valid (no minimum number of rules): rules may be absent.
  const rules = policy.rules ?? [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (rule === undefined) continue;
    let failJobMessage: string;
    if (rule.onExitCodes !== undefined) {
      const s = matchOnExitCodes(pod, rule.onExitCodes);
      if (s === null) continue;
      failJobMessage = `Container ${s.name} for pod ${ns}/${name} failed with exit code ${s.state.terminated?.exitCode ?? 0} matching FailJob rule at index ${i}`;
    } else if (rule.onPodConditions !== undefined) {
      const t = matchOnPodConditions(pod, rule.onPodConditions);
      if (t === null) continue;
      failJobMessage = `Pod ${ns}/${name} has condition ${t} matching FailJob rule at index ${i}`;
    } else {
      continue;
    }
    switch (rule.action) {
      case 'Ignore':
        return { jobFailureMessage: null, countFailed: false, action: 'Ignore', ruleIndex: i };
      case 'Count':
        return { jobFailureMessage: null, countFailed: true, action: 'Count', ruleIndex: i };
      case 'FailJob':
        return { jobFailureMessage: failJobMessage, countFailed: true, action: 'FailJob', ruleIndex: i };
      case 'FailIndex':
        if (hasBackoffLimitPerIndex(job)) return { jobFailureMessage: null, countFailed: true, action: 'FailIndex', ruleIndex: i };
        continue;
      default:
        continue;
    }
  }
  return NO_MATCH;
}

/** getFailJobMessage: the message of the first failed pod that matches a FailJob rule. */
export function getFailJobMessage(job: Job, pods: Pod[]): string | null {
  if (job.spec.podFailurePolicy === undefined) return null;
  for (const p of pods) {
    if (!isPodFailed(p, job)) continue;
    const m = matchPodFailurePolicy(job.spec.podFailurePolicy, p, job);
    if (m.jobFailureMessage !== null) return m.jobFailureMessage;
  }
  return null;
}
