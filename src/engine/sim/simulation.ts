// The simulation loop: one virtual clock, one (time, seq) event queue, the API server,
// the Job controller, the TTL controller and the kubelet, all driven deterministically
// from a scenario. Controllers only respond to watch events and timers; the loop is the
// only place where time advances.

import { createJob } from '../api/jobs';
import { ObjectStore } from '../api/server';
import { IndexCounts } from '../api/pod_classes';
import { getControllerOf } from '../api/owner';
import type { Job, KubeObject, Pod } from '../api/types';
import { JobController } from '../controller/job_controller';
import { getCompletionIndex } from '../controller/indexed_job_utils';
import { isJobFinished } from '../controller/utils';
import { Kubelet } from '../kubelet/kubelet';
import { resolveOutcome } from '../kubelet/workload';
import { TtlAfterFinishedController } from '../ttl/ttlafterfinished_controller';
import { runAction } from './actions';
import { EventQueue } from './queue';
import { RandomSource } from './random';
import { MAX_SIMULATED_MS, type SimScenario } from './scenario';
import { parseRfc3339, VirtualClock } from './time';
import { Trace } from './trace';
import type { StatusError } from '../api/errors';

/**
 * Hard cap on processed events: a run that needs more is cut with a clear note. With the
 * trace recorded an event costs about 1 KB and 10 µs (docs/limits.md): 2 M events are
 * well under a minute and about 2 GB, six times the 100,000-completion benchmark.
 */
export const MAX_EVENTS_PER_RUN = 2_000_000;
/**
 * Hard cap on pods created in one run: NonIndexed parallelism has no API limit, so a valid
 * Job could otherwise create pods until memory runs out. 1.5× the 100k benchmark's pods.
 */
export const MAX_PODS_PER_RUN = 150_000;

export class Simulation {
  readonly clock: VirtualClock;
  readonly queue = new EventQueue<() => void>();
  readonly random: RandomSource;
  readonly trace: Trace;
  readonly store: ObjectStore;
  readonly controller: JobController;
  readonly ttl: TtlAfterFinishedController;
  readonly kubelet: Kubelet;
  readonly jobNamespace = 'default';
  jobName = '';
  /** The last state of the scenario's Job (kept after it is deleted). */
  lastJob: Job | null = null;
  jobDeleted = false;
  finishedAtMs: number | null = null;
  eventsProcessed = 0;
  podsCreated = 0;
  /** MAX_PODS_PER_RUN, lowered by tests; run() stops once more pods than this were created. */
  podLimit = MAX_PODS_PER_RUN;
  readonly notes: string[] = [];
  /** Attempt number of each pod (by uid), assigned at creation. */
  readonly attempts = new Map<string, number>();
  /** Pods created so far per controller owner uid and completion index (-1: none). */
  private attemptCounters = new Map<string, IndexCounts>();
  private pendingActions = 0;
  /** Called after every processed event (tests check invariants here). */
  onStep: (() => void) | null = null;
  /** Called right after each sync that wrote the Job's status (tests check invariants here). */
  afterSync: ((job: Job, pods: Pod[]) => void) | null = null;

  constructor(readonly scenario: SimScenario, recordTrace = true) {
    this.clock = new VirtualClock(parseRfc3339(scenario.clockStart) ?? 0);
    this.random = new RandomSource(scenario.seed);
    this.trace = new Trace(recordTrace);
    this.store = new ObjectStore(this.clock, this.random.stream('names'), this.random.stream('uids'), this.trace);
    const schedule = (delayMs: number, fn: () => void): void => {
      this.queue.push(this.clock.nowMs + Math.max(0, Math.round(delayMs)), fn);
    };
    const nowMs = (): number => this.clock.nowMs;
    this.controller = new JobController({
      store: this.store,
      nowMs,
      schedule,
      syncDelayMs: scenario.syncDelayMs,
      afterSync: () => this.afterSync,
    });
    this.ttl = new TtlAfterFinishedController({ store: this.store, nowMs, schedule });
    const workloadRng = this.random.stream('workload');
    this.kubelet = new Kubelet({
      store: this.store,
      nowMs,
      schedule,
      outcomeFor: (pod) => resolveOutcome(scenario.workload, indexOf(pod), this.attempts.get(pod.metadata.uid ?? '') ?? 0, workloadRng),
    });
    this.store.watch((type, obj, old) => this.observe(type, obj, old));
  }

  private observe(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KubeObject, old: KubeObject | undefined): void {
    if (obj.kind === 'Pod' && type === 'ADDED') this.podsCreated++;
    if (obj.kind === 'Pod' && type === 'ADDED') this.assignAttempt(obj);
    if (obj.kind === 'Job' && obj.metadata.name === this.jobName) {
      this.lastJob = obj;
      if (type === 'DELETED') this.jobDeleted = true;
      if (this.finishedAtMs === null && isJobFinished(obj)) this.finishedAtMs = this.clock.nowMs;
    }
    this.controller.onChange(type, obj, old);
    this.ttl.onChange(type, obj);
    if (obj.kind === 'Pod') {
      if (type === 'ADDED') this.kubelet.podAdded(obj);
      else if (type === 'MODIFIED') this.kubelet.podModified(obj);
      else this.kubelet.podDeleted(obj);
    }
  }

  private assignAttempt(pod: Pod): void {
    const owner = getControllerOf(pod)?.uid ?? '';
    let counters = this.attemptCounters.get(owner);
    if (counters === undefined) this.attemptCounters.set(owner, (counters = new IndexCounts()));
    // Pods without an index count under a slot of their own (the counts take non-negative keys).
    const ix = indexOf(pod) ?? -1;
    const n = counters.add(ix + 1, 1) - 1;
    this.attempts.set(pod.metadata.uid ?? '', n);
  }

  /** True once the run created more pods than it may (run() then stops with a note). */
  podLimitReached(): boolean {
    return this.podsCreated > this.podLimit;
  }

  /** Creates the scenario's Job at t=0; returns the API's error if it is refused. */
  start(): StatusError | null {
    const res = createJob(this.store, this.scenario.job, this.jobNamespace);
    if (!res.ok) return res.error;
    // The API's warnings (e.g. unknown fields it dropped) are shown as kubectl shows them.
    for (const w of res.warnings) this.notes.push(`Warning: ${w}`);
    this.jobName = res.value.metadata.name ?? '';
    this.lastJob = res.value;
    this.scenario.actions.forEach((action, index) => {
      this.pendingActions++;
      this.queue.push(action.atMs, () => {
        this.pendingActions--;
        const out = runAction(this, action);
        this.trace.action(this.clock.nowMs, { index, action: action.kind, result: out.result, message: out.message });
      });
    });
    return null;
  }

  /** True once nothing observable is left to happen for the scenario's Job. */
  private settled(): boolean {
    const done = this.jobDeleted || (this.lastJob !== null && isJobFinished(this.lastJob));
    if (!done || this.pendingActions > 0 || this.ttl.hasPending) return false;
    return this.store.deletingPods === 0;
  }

  /** Runs until `untilMs`, or (until: finished) until settled or the 24 h horizon. */
  run(untilMs: number | 'finished'): void {
    const limit = untilMs === 'finished' ? MAX_SIMULATED_MS : untilMs;
    for (;;) {
      if (this.podLimitReached()) {
        const note = podLimitNote(this.podLimit);
        if (!this.notes.includes(note)) this.notes.push(note);
        return;
      }
      const next = this.queue.peek();
      if (next === undefined || next.timeMs > limit) break;
      if (untilMs === 'finished' && next.timeMs > this.clock.nowMs && this.settled()) break;
      this.queue.pop();
      this.clock.nowMs = next.timeMs;
      next.payload();
      this.eventsProcessed++;
      if (this.onStep) this.onStep();
      if (this.eventsProcessed >= MAX_EVENTS_PER_RUN) {
        this.notes.push(`stopped after ${MAX_EVENTS_PER_RUN} simulation events (the per-run limit)`);
        return;
      }
    }
    if (untilMs === 'finished') {
      if (!this.settled() && this.queue.peek() !== undefined) {
        this.clock.nowMs = limit;
        this.notes.push('stopped at the 24 h simulated-time horizon before the Job finished');
      }
    } else {
      this.clock.nowMs = untilMs;
    }
  }
}

/** The note of a run cut by the pod limit (the worker's sliced loop reports it too). */
export function podLimitNote(limit: number): string {
  return `stopped after more than ${limit} pods were created (the per-run limit); lower parallelism or completions`;
}

function indexOf(pod: Pod): number | null {
  const ix = getCompletionIndex(pod);
  return ix < 0 ? null : ix;
}

