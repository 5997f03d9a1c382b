// The pod statuses the kubelet writes at each step of a pod's life, as pure functions of
// the pod's previous status, its containers and the time. Stored objects are never
// changed in place, so pods that take the same step at the same instant (the 10,000 pods
// of one sync start together) can share one status object: StatusMemo hands back the
// last result while every input is the same object, which spares the allocations and
// the garbage collector's copying of a new status per pod and step.

import type { Container, ContainerStatus, Pod, PodCondition, PodStatus } from '../api/types';
import type { WorkloadOutcome } from '../sim/scenario';
import { initStatusesFailed } from './init_containers';

const BUILTIN = new Set(['PodScheduled', 'PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']);

/**
 * The last result of one builder, reused while its inputs are identical (===). The inputs
 * are passed as arguments, not as an array, and the result is built by the caller: a call
 * allocates nothing (it runs for every pod at every step).
 */
export class StatusMemo<V> {
  private readonly keys: unknown[] = [];
  private last: V | null = null;

  /** The last value if it was stored with exactly these inputs (up to 8), else null. */
  find(a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown, f?: unknown, g?: unknown, h?: unknown): V | null {
    const k = this.keys;
    if (this.last === null || k[0] !== a || k[1] !== b || k[2] !== c || k[3] !== d) return null;
    if (k[4] !== e || k[5] !== f || k[6] !== g || k[7] !== h) return null;
    return this.last;
  }

  /** Keeps v as the value for these inputs; returns v. */
  keep(v: V, a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown, f?: unknown, g?: unknown, h?: unknown): V {
    const k = this.keys;
    k[0] = a;
    k[1] = b;
    k[2] = c;
    k[3] = d;
    k[4] = e;
    k[5] = f;
    k[6] = g;
    k[7] = h;
    this.last = v;
    return v;
  }
}

export function cond(type: string, status: string, now: string, reason?: string): PodCondition {
  // Whole literals: a property added later would cost every condition an extra backing store.
  if (reason !== undefined) return { type, status, lastProbeTime: null, lastTransitionTime: now, reason };
  return { type, status, lastProbeTime: null, lastTransitionTime: now };
}

function waiting(name: string, image: string, reason: string): ContainerStatus {
  return { name, image, ready: false, started: false, restartCount: 0, state: { waiting: { reason } } };
}

export function podScheduled(status: PodStatus): PodCondition {
  return (status.conditions ?? []).find((c) => c.type === 'PodScheduled') ?? cond('PodScheduled', 'True', '');
}

/** Bound to the node: Pending, scheduled, containers being created. */
export function boundStatus(containers: Container[], now: string): PodStatus {
  return {
    phase: 'Pending',
    conditions: [cond('PodScheduled', 'True', now)],
    startTime: now,
    containerStatuses: containers.map((c) => waiting(c.name, c.image ?? '', 'ContainerCreating')),
  };
}

/** The main containers run (Ready at once when the workload has no readiness delay). */
export function runningStatus(prev: PodStatus, containers: Container[], now: string, ready: boolean): PodStatus {
  const conditions = [
    cond('PodReadyToStartContainers', 'True', now),
    cond('Initialized', 'True', now),
    cond('Ready', ready ? 'True' : 'False', now),
    cond('ContainersReady', ready ? 'True' : 'False', now),
    podScheduled(prev),
    ...(prev.conditions ?? []).filter((c) => !BUILTIN.has(c.type)),
  ];
  const statuses = containers.map((c, i) => ({
    name: c.name,
    image: c.image ?? '',
    ready,
    started: true,
    restartCount:
      (prev.containerStatuses?.[i]?.restartCount ?? 0) + (prev.containerStatuses?.[i]?.state.waiting?.reason === 'CrashLoopBackOff' ? 1 : 0),
    state: { running: { startedAt: now } },
    ...(prev.containerStatuses?.[i]?.lastState ? { lastState: prev.containerStatuses[i]?.lastState } : {}),
  }));
  return { ...prev, phase: 'Running', conditions, containerStatuses: statuses };
}

export interface TerminalInputs {
  /** The exit code of the failing container; null when the pod never started. */
  exitCode: number | null;
  /** The workload's extra pod conditions (DisruptionTarget…); undefined when none. */
  extra: WorkloadOutcome['conditions'];
  /** Stopped by the kubelet (deleted), not by its own exit. */
  killed: boolean;
  /** The container the workload makes exit. */
  failing: string;
  now: string;
}

/** The terminal status: Succeeded when every container exited 0, else Failed. */
export function terminalStatus(pod: Pod, t: TerminalInputs): PodStatus {
  const { exitCode, killed, failing, now } = t;
  const initFails = !killed && (pod.spec.initContainers ?? []).some((c) => c.name === failing);
  const statuses = pod.spec.containers.map((c, i): ContainerStatus => {
    const prev = pod.status.containerStatuses?.[i];
    const restartCount = prev?.restartCount ?? 0;
    // Plain literals (not a spread of a shared base): one hidden class for every pod's status.
    if (exitCode === null || initFails) {
      return { name: c.name, image: c.image ?? '', ready: false, started: false, restartCount, state: prev?.state ?? { waiting: { reason: 'ContainerCreating' } } };
    }
    const code = killed || c.name === failing ? exitCode : 0;
    const startedAt = prev?.state.running?.startedAt ?? now;
    const terminated = { exitCode: code, reason: code === 0 ? 'Completed' : 'Error', startedAt, finishedAt: now };
    return { name: c.name, image: c.image ?? '', ready: false, started: false, restartCount, state: { terminated } };
  });
  const status: PodStatus = { ...pod.status, containerStatuses: statuses };
  if (initFails && exitCode !== null) status.initContainerStatuses = initStatusesFailed(pod, failing, exitCode, now);
  const allZero = exitCode !== null && statuses.every((s) => s.state.terminated?.exitCode === 0) && !initFails;
  status.phase = allZero && (!killed || exitCode === 0) ? 'Succeeded' : 'Failed';
  const conditions = (pod.status.conditions ?? []).map((c) =>
    c.type === 'Ready' || c.type === 'ContainersReady' || c.type === 'PodReadyToStartContainers' ? cond(c.type, 'False', now, 'PodCompleted') : c,
  );
  for (const x of t.extra ?? []) {
    const i = conditions.findIndex((c) => c.type === x.type);
    const c: PodCondition = { type: x.type, status: x.status, lastProbeTime: null, lastTransitionTime: now };
    if (x.reason !== undefined) c.reason = x.reason;
    if (x.message !== undefined) c.message = x.message;
    if (i >= 0) conditions[i] = c;
    else conditions.push(c);
  }
  status.conditions = conditions;
  return status;
}
