// Runs one scenario in wall-time slices on a single Simulation, so the worker can yield
// between slices (cancel messages arrive, progress goes out). It mirrors runScenario
// (src/engine/index.ts) and Simulation.run(until) exactly:
//  * while the Job is not finished, `run(until)` is interrupted from the public onStep
//    hook (a sentinel thrown after a whole event, when the slice's time is up or the Job
//    just finished);
//  * once the Job is finished, it steps one distinct event time at a time and applies
//    the same "settled" test run('finished') applies before moving the clock.
// The engine stays untouched; a resumable `run(until, { maxEvents })` in the engine
// would make the sentinel unnecessary.

import type { StatusError } from '../engine/api/errors';
import type { Pod } from '../engine/api/types';
import { isJobFinished } from '../engine/controller/utils';
import { MAX_SIMULATED_MS, type SimScenario } from '../engine/sim/scenario';
import { MAX_EVENTS_PER_RUN, Simulation } from '../engine/sim/simulation';
import type { TraceEntry } from '../engine/sim/trace';

const PAUSE = { pause: true } as const;

export interface SliceSummary {
  scenario: string;
  finished: boolean;
  finishedAtSeconds: number | null;
  endMs: number;
  jobDeleted: boolean;
  eventsProcessed: number;
  notes: string[];
}

export class SlicedRun {
  readonly sim: Simulation;
  readonly refused: StatusError | null;
  private readonly finishedMode: boolean;
  private readonly limit: number;
  private done = false;
  private deadline = 0;
  private now: () => number = () => 0;

  /** How many events run between two looks at the clock (a power of two minus one). */
  checkMask = 255;

  constructor(scenario: SimScenario, untilMs?: number) {
    this.sim = new Simulation(scenario, true);
    const until = untilMs ?? scenario.until;
    this.finishedMode = until === 'finished';
    this.limit = until === 'finished' ? MAX_SIMULATED_MS : until;
    this.refused = this.sim.start();
    if (this.refused !== null) this.done = true;
  }

  get isDone(): boolean {
    return this.done;
  }

  attemptOf = (p: Pod): number => this.sim.attempts.get(p.metadata.uid ?? '') ?? 0;

  /** Hands over the trace entries recorded since the last call (and drops them from the engine). */
  takeEntries(): TraceEntry[] {
    return this.sim.trace.take();
  }

  /** Runs for about `budgetMs` of wall time; returns true once the run is complete. */
  step(budgetMs: number, now: () => number): boolean {
    if (this.done) return true;
    this.now = now;
    this.deadline = now() + budgetMs;
    if (this.sim.eventsProcessed >= MAX_EVENTS_PER_RUN) return this.finishCapped();
    if (!this.finishedMode) return this.stepUntil();
    if (!this.jobDone()) {
      if (!this.stepUnfinished()) return false;
      if (this.done) return true;
    }
    return this.stepSettling();
  }

  summary(): SliceSummary {
    const sim = this.sim;
    return {
      scenario: sim.scenario.name,
      finished: sim.finishedAtMs !== null,
      finishedAtSeconds: sim.finishedAtMs === null ? null : sim.finishedAtMs / 1000,
      endMs: sim.clock.nowMs,
      jobDeleted: sim.jobDeleted,
      eventsProcessed: sim.eventsProcessed,
      notes: sim.notes,
    };
  }

  private jobDone(): boolean {
    return this.sim.jobDeleted || (this.sim.lastJob !== null && isJobFinished(this.sim.lastJob));
  }

  /** Simulation.settled() (private there), rebuilt from public state. */
  private settled(): boolean {
    const sim = this.sim;
    if (!this.jobDone() || sim.ttl.hasPending) return false;
    if (sim.scenario.actions.some((a) => a.atMs > sim.clock.nowMs)) return false;
    // The store's running count, as Simulation.settled reads it: no scan of every pod per event time.
    return sim.store.deletingPods === 0;
  }

  /** sim.run(target), interrupted after a whole event when `stop()` says so. Returns false if interrupted. */
  private runInterruptible(target: number, stop: () => boolean): { completed: boolean; lastEventMs: number } {
    const sim = this.sim;
    let lastEventMs = sim.clock.nowMs;
    let n = 0;
    sim.onStep = () => {
      lastEventMs = sim.clock.nowMs;
      if (sim.eventsProcessed >= MAX_EVENTS_PER_RUN) throw PAUSE;
      if ((++n & this.checkMask) === 0 && this.now() > this.deadline) throw PAUSE;
      if (stop()) throw PAUSE;
    };
    try {
      sim.run(target);
      return { completed: true, lastEventMs };
    } catch (e) {
      if (e !== PAUSE) throw e;
      return { completed: false, lastEventMs };
    } finally {
      sim.onStep = null;
    }
  }

  private finishCapped(): true {
    this.sim.notes.push(`stopped after ${MAX_EVENTS_PER_RUN} simulation events (the per-run limit)`);
    this.done = true;
    return true;
  }

  /** until: <ms> — plain run(until) in slices. */
  private stepUntil(): boolean {
    const r = this.runInterruptible(this.limit, () => false);
    if (this.sim.eventsProcessed >= MAX_EVENTS_PER_RUN) return this.finishCapped();
    if (r.completed) this.done = true;
    return this.done;
  }

  /** until: finished, Job still running: run(horizon) stopping as soon as the Job finishes. */
  private stepUnfinished(): boolean {
    const r = this.runInterruptible(this.limit, () => this.jobDone());
    if (this.sim.eventsProcessed >= MAX_EVENTS_PER_RUN) return this.finishCapped();
    if (!r.completed) return this.jobDone();
    // sim.run stopped at the pod limit (its note is written): nothing more to add.
    if (this.sim.podLimitReached()) {
      this.done = true;
      return true;
    }
    // The queue ran dry or only holds events past the horizon: run('finished') would have
    // left the clock at the last event, or moved it to the horizon with a note.
    if (this.sim.queue.peek() === undefined) this.sim.clock.nowMs = r.lastEventMs;
    else this.sim.notes.push('stopped at the 24 h simulated-time horizon before the Job finished');
    this.done = true;
    return true;
  }

  /** until: finished, Job finished: one event time at a time until settled. */
  private stepSettling(): boolean {
    const sim = this.sim;
    for (let first = true; ; first = false) {
      // Always make progress: look at the clock only after the first event time.
      if (!first && this.now() > this.deadline) return false;
      const next = sim.queue.peek();
      if (next === undefined) break;
      if (next.timeMs > this.limit) break;
      if (next.timeMs > sim.clock.nowMs && this.settled()) break;
      const r = this.runInterruptible(next.timeMs, () => false);
      if (sim.eventsProcessed >= MAX_EVENTS_PER_RUN) return this.finishCapped();
      if (!r.completed) return false;
    }
    if (!this.settled() && sim.queue.peek() !== undefined) {
      sim.clock.nowMs = this.limit;
      sim.notes.push('stopped at the 24 h simulated-time horizon before the Job finished');
    }
    this.done = true;
    return true;
  }
}
