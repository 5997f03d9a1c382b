// Init containers on the simulated node. When the workload makes an init container fail,
// the pod stays Pending ("Init:0/1") while it runs — the main containers wait in
// PodInitializing — and the pod fails (Never) or the init container restarts in place
// (OnFailure) when it exits, as the kubelet does.

import type { ContainerState, ContainerStatus, Pod, PodCondition } from '../api/types';

export function isInitContainer(pod: Pod, name: string): boolean {
  return (pod.spec.initContainers ?? []).some((c) => c.name === name);
}

/** Init container statuses while `failing` runs: earlier ones Completed, later ones waiting. */
export function initStatusesRunning(pod: Pod, failing: string, now: string): ContainerStatus[] {
  const inits = pod.spec.initContainers ?? [];
  const at = inits.findIndex((c) => c.name === failing);
  return inits.map((c, i) => {
    const prev = pod.status.initContainerStatuses?.find((s) => s.name === c.name);
    let restartCount = prev?.restartCount ?? 0;
    let state: ContainerState;
    if (i < at) state = { terminated: { exitCode: 0, reason: 'Completed', startedAt: now, finishedAt: now } };
    else if (i === at) {
      // A restart after the crash-loop back-off is counted when the container starts again.
      if (prev?.state.waiting?.reason === 'CrashLoopBackOff') restartCount += 1;
      state = { running: { startedAt: now } };
    } else state = { waiting: { reason: 'PodInitializing' } };
    const s: ContainerStatus = { name: c.name, image: c.image ?? '', ready: false, started: i === at, restartCount, state };
    if (prev?.lastState) s.lastState = prev.lastState;
    return s;
  });
}

export function initConditions(pod: Pod, now: string, podScheduled: PodCondition): PodCondition[] {
  const c = (type: string, status: string, reason?: string): PodCondition => {
    const out: PodCondition = { type, status, lastProbeTime: null, lastTransitionTime: now };
    if (reason !== undefined) out.reason = reason;
    return out;
  };
  return [
    c('PodReadyToStartContainers', 'True'),
    c('Initialized', 'False', 'ContainersNotInitialized'),
    c('Ready', 'False', 'ContainersNotReady'),
    c('ContainersReady', 'False', 'ContainersNotReady'),
    podScheduled,
    ...(pod.status.conditions ?? []).filter((x) => !['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].includes(x.type)),
  ];
}

/** Main containers wait while init containers run. */
export function mainWaiting(pod: Pod): ContainerStatus[] {
  return pod.spec.containers.map((c) => ({ name: c.name, image: c.image ?? '', ready: false, started: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }));
}

/** Init container statuses at the failing container's final exit (others Completed). */
export function initStatusesFailed(pod: Pod, failing: string, exitCode: number, now: string): ContainerStatus[] {
  return (pod.spec.initContainers ?? []).map((c) => {
    const prev = pod.status.initContainerStatuses?.find((s) => s.name === c.name);
    const startedAt = prev?.state.running?.startedAt ?? now;
    const code = c.name === failing ? exitCode : 0;
    const s: ContainerStatus = {
      name: c.name,
      image: c.image ?? '',
      ready: false,
      restartCount: prev?.restartCount ?? 0,
      state: { terminated: { exitCode: code, reason: code === 0 ? 'Completed' : 'Error', startedAt, finishedAt: now } },
    };
    if (prev?.lastState) s.lastState = prev.lastState;
    return s;
  });
}
