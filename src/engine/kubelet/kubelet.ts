// The simulated node. Drives each pod through Pending → Running → (Ready) → container
// exit as the workload says; restarts containers in place for restartPolicy OnFailure
// with the kubelet's crash-loop backoff (first restart immediate, then 10 s doubling,
// capped at 300 s); terminates deleted pods gracefully (143 when stopped by SIGTERM,
// 137 when the grace period runs out, the pod's own code when it exits in time) and
// moves them to a terminal phase before the object can go away (kubelet ≥ 1.27).

import type { ObjectStore } from '../api/server';
import type { ContainerStatus, Pod, PodStatus } from '../api/types';
import type { WorkloadOutcome } from '../sim/scenario';
import { initConditions, initStatusesRunning, isInitContainer, mainWaiting } from './init_containers';
import { boundStatus, cond, podScheduled, runningStatus, StatusMemo, terminalStatus } from './pod_status';

export const NODE_NAME = 'sim-node-1';
const CRASHLOOP_BASE_MS = 10_000;
const CRASHLOOP_MAX_MS = 300_000;

export interface KubeletHost {
  store: ObjectStore;
  nowMs: () => number;
  schedule: (delayMs: number, fn: () => void) => void;
  /** The workload outcome of a new pod (by its index and attempt). */
  outcomeFor: (pod: Pod) => WorkloadOutcome;
}

/** The next step of a pod's life, run by a timer (a code, not a closure: one per step). */
const enum Step {
  Bind,
  Start,
  StartMain,
  Ready,
  Exit,
}

interface PodRecord {
  /** The store key of the pod. */
  key: string;
  outcome: WorkloadOutcome;
  /** Bumped whenever the pod's scheduled future changes; stale timers compare it. */
  gen: number;
  started: boolean;
  exits: number;
  terminating: boolean;
  /** The pod is gone (or its name was taken by a new pod): its timers do nothing. */
  removed: boolean;
}

export class Kubelet {
  private pods = new Map<string, PodRecord>();
  private readonly bound = new StatusMemo<PodStatus>();
  private readonly running = new StatusMemo<PodStatus>();
  private readonly terminal = new StatusMemo<PodStatus>();
  constructor(private readonly host: KubeletHost) {}

  private key(p: Pod): string {
    return this.host.store.keyOf(p.metadata.namespace ?? 'default', p.metadata.name ?? '');
  }

  /** The pod as stored now (the kubelet's key is the store's namespace/name key). */
  private current(key: string): Pod | undefined {
    return this.host.store.pods.get(key);
  }

  /** Runs `step` at now + delayMs if the pod's record is still current and its future unchanged. */
  private timer(rec: PodRecord, delayMs: number, step: Step, exitCode = 0): void {
    const gen = rec.gen;
    this.host.schedule(Math.max(0, delayMs), () => this.run(rec, gen, step, exitCode));
  }

  private run(rec: PodRecord, gen: number, step: Step, exitCode: number): void {
    if (rec.removed || rec.gen !== gen) return;
    const pod = this.current(rec.key);
    if (!pod) return;
    if (step === Step.Bind) this.bind(pod, rec);
    else if (step === Step.Start) this.start(pod, rec);
    else if (step === Step.StartMain) this.startMain(pod, rec);
    else if (step === Step.Ready) this.becomeReady(pod);
    else this.exit(pod, rec, exitCode);
  }

  /** A pod was created: bind it to the node and start it after its startup time. */
  podAdded(pod: Pod): void {
    const key = this.key(pod);
    const outcome = this.host.outcomeFor(pod);
    const prev = this.pods.get(key);
    if (prev) prev.removed = true;
    const rec: PodRecord = { key, outcome, gen: 0, started: false, exits: 0, terminating: false, removed: false };
    this.pods.set(key, rec);
    // The scheduler binds the pod right after it is created (a separate API write).
    this.timer(rec, 0, Step.Bind);
  }

  private bind(pod: Pod, rec: PodRecord): void {
    if (pod.metadata.deletionTimestamp !== undefined) return;
    const outcome = rec.outcome;
    const now = this.iso();
    const containers = pod.spec.containers;
    const status = this.bound.find(containers, now) ?? this.bound.keep(boundStatus(containers, now), containers, now);
    this.host.store.putFresh({ ...pod, spec: { ...pod.spec, nodeName: NODE_NAME }, status }, rec.key);
    this.timer(rec, outcome.startupSeconds * 1000, Step.Start);
  }

  /** A pod update: react to a new deletion request. */
  podModified(pod: Pod): void {
    if (pod.metadata.deletionTimestamp === undefined) return;
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return;
    const key = this.key(pod);
    const rec = this.pods.get(key);
    if (!rec || rec.terminating) return;
    rec.terminating = true;
    if (rec.started) {
      for (const c of pod.spec.containers) this.host.store.recordEvent(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, 'kubelet');
    }
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
    const wants = rec.outcome.terminationSeconds * 1000;
    const killed = wants > grace;
    const delay = Math.min(wants, grace);
    // The pod's own exit (if scheduled before) still happens: its timer is kept.
    this.host.schedule(delay, () => {
      const p = this.current(key);
      if (!p || p.status.phase === 'Succeeded' || p.status.phase === 'Failed') return;
      rec.gen++;
      this.finish(p, rec.started ? (killed ? 137 : 143) : null, [], true);
    });
  }

  podDeleted(pod: Pod): void {
    const key = this.key(pod);
    const rec = this.pods.get(key);
    if (rec) rec.removed = true;
    this.pods.delete(key);
  }

  private iso(): string {
    return this.host.store.clock.iso();
  }

  private start(pod: Pod, rec: PodRecord): void {
    rec.started = true;
    const now = this.iso();
    const o = rec.outcome;
    const failing = this.exitingContainer(pod, o);
    if (o.exitCode !== 0 && isInitContainer(pod, failing)) {
      // The failing init container runs; the pod stays Pending until it exits.
      const status = { ...pod.status, phase: 'Pending' as const, conditions: initConditions(pod, now, podScheduled(pod.status)), initContainerStatuses: initStatusesRunning(pod, failing, now), containerStatuses: mainWaiting(pod) };
      this.host.store.putFresh({ ...pod, status }, rec.key);
      const code = o.succeedAfterRestarts !== undefined && rec.exits >= o.succeedAfterRestarts ? 0 : o.exitCode;
      this.timer(rec, o.durationSeconds * 1000, code === 0 ? Step.StartMain : Step.Exit, code);
      return;
    }
    this.startMain(pod, rec);
  }

  /** The main containers start (init containers, if any, have completed). */
  private startMain(pod: Pod, rec: PodRecord): void {
    const now = this.iso();
    const o = rec.outcome;
    const ready = o.readySeconds <= 0;
    const prev = pod.status;
    const containers = pod.spec.containers;
    const status = this.running.find(prev, containers, now, ready) ?? this.running.keep(runningStatus(prev, containers, now, ready), prev, containers, now, ready);
    this.host.store.putFresh({ ...pod, status }, rec.key);
    if (!ready && o.readySeconds < o.durationSeconds) {
      this.timer(rec, o.readySeconds * 1000, Step.Ready);
    }
    // Under OnFailure a container may be told to succeed after some in-place restarts;
    // when an init container was the failing one, the main containers exit 0.
    const initFailed = isInitContainer(pod, this.exitingContainer(pod, o));
    const code = initFailed || (o.succeedAfterRestarts !== undefined && rec.exits >= o.succeedAfterRestarts) ? 0 : o.exitCode;
    this.timer(rec, o.durationSeconds * 1000, Step.Exit, code);
  }

  private becomeReady(pod: Pod): void {
    const now = this.iso();
    const conditions = (pod.status.conditions ?? []).map((c) =>
      c.type === 'Ready' || c.type === 'ContainersReady' ? cond(c.type, 'True', now) : c,
    );
    const statuses = (pod.status.containerStatuses ?? []).map((s) => ({ ...s, ready: true }));
    this.host.store.putFresh({ ...pod, status: { ...pod.status, conditions, containerStatuses: statuses } });
  }

  /** The workload's container exits (or a failPod action makes it exit now). */
  exit(pod: Pod, rec: PodRecord, exitCode: number): void {
    rec.gen++;
    rec.exits++;
    const onFailure = pod.spec.restartPolicy === 'OnFailure';
    if (exitCode !== 0 && onFailure && !rec.terminating && pod.metadata.deletionTimestamp === undefined) {
      this.restart(pod, rec, exitCode);
      return;
    }
    this.finish(pod, exitCode, rec.outcome.conditions ?? [], false);
  }

  /** Fail the pod's container now (scenario action failPod). Returns false if it cannot. */
  failNow(pod: Pod, exitCode: number): boolean {
    const rec = this.pods.get(this.key(pod));
    if (!rec || pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return false;
    if (!rec.started) {
      rec.started = true;
    }
    this.exit(pod, rec, exitCode);
    return true;
  }

  private restart(pod: Pod, rec: PodRecord, exitCode: number): void {
    const now = this.iso();
    const name = this.exitingContainer(pod, rec.outcome);
    const restarts = rec.exits; // one restart per exit
    const delay = restarts <= 1 ? 0 : Math.min(CRASHLOOP_BASE_MS * 2 ** (restarts - 2), CRASHLOOP_MAX_MS);
    const init = isInitContainer(pod, name);
    const statuses = ((init ? pod.status.initContainerStatuses : pod.status.containerStatuses) ?? []).map((s): ContainerStatus => {
      if (s.name !== name) return s;
      const terminated = { exitCode, reason: 'Error', startedAt: s.state.running?.startedAt ?? now, finishedAt: now };
      return {
        ...s,
        ready: false,
        started: false,
        // The kubelet counts a restart when it starts the new container: at once for the
        // first restart, after the crash-loop back-off for later ones.
        restartCount: delay > 0 ? s.restartCount : s.restartCount + 1,
        lastState: { terminated },
        state: delay > 0
          ? { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${delay / 1000}s restarting failed container=${s.name} pod=${pod.metadata.name}` } }
          : { running: { startedAt: now } },
      };
    });
    const conditions = (pod.status.conditions ?? []).map((c) =>
      c.type === 'Ready' || c.type === 'ContainersReady' ? cond(c.type, 'False', now) : c,
    );
    const status = init ? { ...pod.status, conditions, initContainerStatuses: statuses } : { ...pod.status, conditions, containerStatuses: statuses };
    const waitingPod = this.host.store.putFresh({ ...pod, status }, rec.key);
    // The kubelet's informative events (BackOff, Killing) are recorded; the routine ones of
    // every start (Scheduled, Pulled, Created, Started) are not, to keep 100k-pod Jobs light.
    if (delay > 0) {
      const ref = `${pod.metadata.name ?? ''}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid ?? ''})`;
      this.host.store.recordEvent(waitingPod, 'Warning', 'BackOff', `Back-off restarting failed container ${name} in pod ${ref}`, 'kubelet');
    }
    this.timer(rec, delay, Step.Start);
  }

  private exitingContainer(pod: Pod, o: WorkloadOutcome): string {
    return o.container ?? pod.spec.containers[0]?.name ?? '';
  }

  /** Moves the pod to its terminal phase; the API removes it if it is deleted and unfinalized. */
  private finish(pod: Pod, exitCode: number | null, extra: WorkloadOutcome['conditions'], killed: boolean): void {
    const now = this.iso();
    const key = this.key(pod);
    const o = this.pods.get(key)?.outcome;
    const failing = o ? this.exitingContainer(pod, o) : '';
    const more = extra !== undefined && extra.length > 0 ? extra : undefined;
    const { status: prev, spec } = pod;
    const status =
      this.terminal.find(prev, spec.containers, spec.initContainers, exitCode, more, killed, failing, now) ??
      this.terminal.keep(terminalStatus(pod, { exitCode, extra: more, killed, failing, now }), prev, spec.containers, spec.initContainers, exitCode, more, killed, failing, now);
    this.host.store.putFresh({ ...pod, status }, key);
    // A terminal pod never runs again (its timers are stale already): forget it.
    this.pods.delete(key);
  }
}
