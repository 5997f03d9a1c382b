// Scenario actions (interventions) applied at their time: pod failures, evictions,
// deletions, pod conditions, suspend/resume, scaling, patches, kubectl commands, Job
// deletion and apply. A refused write changes nothing; a missing target is reported.

import { kubectlErrorText, type StatusError } from '../api/errors';
import { patchJob } from '../api/jobs';
import type { PatchType } from '../api/patch';
import type { Pod, PodCondition } from '../api/types';
import { getCompletionIndex } from '../controller/indexed_job_utils';
import { runKubectl } from '../kubectl/kubectl';
import { createKubectlApi } from '../api/kubectlApi';
import type { ActionResult } from './trace';
import type { PodTarget, ScenarioAction } from './scenario';
import type { Simulation } from './simulation';

export interface ActionOutcome {
  result: ActionResult;
  message: string;
}

const ok = (message = ''): ActionOutcome => ({ result: 'ok', message });
const rejected = (e: StatusError): ActionOutcome => ({ result: 'rejected', message: kubectlErrorText(e) });

function describeTarget(t: PodTarget): string {
  if (t.name !== undefined) return `pod "${t.name}"`;
  if (t.index !== undefined) return `a running pod of index ${t.index}`;
  return 'a running pod';
}

/** The pod an action targets: by name; by index (the newest live pod); else the oldest running pod. */
export function findTarget(sim: Simulation, t: PodTarget): Pod | undefined {
  const live = (p: Pod): boolean => p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed' && p.metadata.deletionTimestamp === undefined;
  if (t.name !== undefined) {
    const p = sim.store.getPod(sim.jobNamespace, t.name);
    return p && live(p) ? p : undefined;
  }
  const uid = sim.lastJob?.metadata.uid ?? '';
  const pods = sim.store.podsOwnedBy(uid).filter(live);
  if (t.index !== undefined) {
    const of = pods.filter((p) => getCompletionIndex(p) === t.index);
    return of.find((p) => p.status.phase === 'Running') ?? of[of.length - 1];
  }
  return pods.find((p) => p.status.phase === 'Running');
}

function setCondition(pod: Pod, c: PodCondition): Pod {
  const conditions = [...(pod.status.conditions ?? [])];
  const i = conditions.findIndex((x) => x.type === c.type);
  if (i >= 0) conditions[i] = c;
  else conditions.push(c);
  return { ...pod, status: { ...pod.status, conditions } };
}

const DISRUPTION_MESSAGES: Record<string, string> = {
  EvictionByEvictionAPI: 'Eviction API: evicting',
  PreemptionByScheduler: 'default-scheduler: preempting to accommodate a higher priority pod',
  DeletionByTaintManager: 'Taint manager: deleting due to NoExecute taint',
  DeletionByPodGC: 'PodGC: node no longer exists',
  TerminationByKubelet: 'Kubelet: node is shutting down',
};

export function runAction(sim: Simulation, action: ScenarioAction): ActionOutcome {
  const ns = sim.jobNamespace;
  const store = sim.store;
  const now = store.clock.iso();
  switch (action.kind) {
    case 'failPod': {
      const pod = findTarget(sim, action.target);
      if (!pod) return { result: 'no-target', message: `no target: ${describeTarget(action.target)} does not exist` };
      sim.kubelet.failNow(pod, action.exitCode);
      return ok(`pod/${pod.metadata.name} exited with code ${action.exitCode}`);
    }
    case 'disruptPod': {
      const pod = findTarget(sim, action.target);
      if (!pod) return { result: 'no-target', message: `no target: ${describeTarget(action.target)} does not exist` };
      const c: PodCondition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: now, reason: action.reason, message: DISRUPTION_MESSAGES[action.reason] ?? action.reason };
      store.put(setCondition(pod, c));
      store.deletePod(ns, pod.metadata.name ?? '');
      return ok(`pod/${pod.metadata.name} disrupted (${action.reason})`);
    }
    case 'deletePod': {
      const pod = findTarget(sim, action.target) ?? (action.target.name !== undefined ? store.getPod(ns, action.target.name) : undefined);
      if (!pod) return { result: 'no-target', message: `no target: ${describeTarget(action.target)} does not exist` };
      const res = store.deletePod(ns, pod.metadata.name ?? '', action.gracePeriodSeconds);
      return res.ok ? ok(`pod "${pod.metadata.name}" deleted`) : rejected(res.error);
    }
    case 'setPodCondition': {
      const pod = findTarget(sim, action.target);
      if (!pod) return { result: 'no-target', message: `no target: ${describeTarget(action.target)} does not exist` };
      const c: PodCondition = { type: action.type, status: action.status, lastProbeTime: null, lastTransitionTime: now };
      if (action.reason !== undefined) c.reason = action.reason;
      if (action.message !== undefined) c.message = action.message;
      store.put(setCondition(pod, c));
      return ok(`pod/${pod.metadata.name} condition ${action.type}=${action.status}`);
    }
    case 'suspend':
      return jobPatch(sim, 'merge', { spec: { suspend: action.value } });
    case 'scale': {
      const spec: Record<string, number> = {};
      if (action.parallelism !== undefined) spec.parallelism = action.parallelism;
      if (action.completions !== undefined) spec.completions = action.completions;
      return jobPatch(sim, 'merge', { spec });
    }
    case 'patchJob':
      return jobPatch(sim, action.patchType, action.patch);
    case 'applyJob': {
      const manifest = { ...action.manifest };
      delete manifest.status;
      return jobPatch(sim, 'strategic', manifest);
    }
    case 'deleteJob': {
      const res = store.deleteJob(ns, sim.jobName, action.propagationPolicy ?? 'Background');
      return res.ok ? ok(`job.batch "${sim.jobName}" deleted`) : rejected(res.error);
    }
    case 'kubectl': {
      const out = runKubectl(createKubectlApi(store), action.command, { nowMs: store.clock.nowMs, clockStart: store.clock.iso(0) });
      return out.ok ? ok(out.stdout.trimEnd()) : { result: 'rejected', message: (out.stderr || out.stdout).trimEnd() };
    }
  }
}

function jobPatch(sim: Simulation, type: PatchType, patch: unknown): ActionOutcome {
  const res = patchJob(sim.store, sim.jobNamespace, sim.jobName, type, patch);
  if (!res.ok) return rejected(res.error);
  return ok(`job.batch/${sim.jobName} ${res.changed ? 'patched' : 'patched (no change)'}`);
}
