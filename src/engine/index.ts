// The engine's public entry: run a scenario to its end (or to a given time) and get
// the trace plus the summary the headless runner prints. Pure and deterministic: the
// same scenario always gives the same result, in Node, in the worker and in tests.

import { kubectlErrorText } from './api/errors';
import { getCompletionIndex } from './controller/indexed_job_utils';
import type { RunOutcome } from './sim/result';
import type { SimScenario } from './sim/scenario';
import { Simulation } from './sim/simulation';
import { SummaryRecorder } from './sim/summary';

export interface RunOptions {
  /** Stop at this time (ms) instead of the scenario's `until`. */
  untilMs?: number;
  /** Record the full trace (watch events and "why" notes); default true. */
  recordTrace?: boolean;
}

export function runScenario(scenario: SimScenario, opts: RunOptions = {}): RunOutcome {
  const sim = new Simulation(scenario, opts.recordTrace ?? true);
  const summary = new SummaryRecorder(
    () => sim.clock.nowMs,
    (uid) => sim.attempts.get(uid) ?? 0,
    (p) => {
      const ix = getCompletionIndex(p);
      return ix < 0 ? null : ix;
    },
  );
  sim.store.watch((type, obj) => summary.observe(type, obj));
  const refused = sim.start();
  if (refused !== null) return { ok: false, error: refused, text: kubectlErrorText(refused) };
  sim.run(opts.untilMs ?? scenario.until);
  const job = sim.lastJob;
  if (job === null) throw new Error('the Job was not created');
  const actions = sim.trace.entries.flatMap((e) =>
    e.type === 'action' ? [{ atSeconds: e.timeMs / 1000, action: e.action, result: e.result, message: e.message }] : [],
  );
  return {
    ok: true,
    scenario: scenario.name,
    finished: sim.finishedAtMs !== null,
    finishedAtSeconds: sim.finishedAtMs === null ? null : sim.finishedAtMs / 1000,
    endMs: sim.clock.nowMs,
    jobDeleted: sim.jobDeleted,
    job,
    pods: summary.pods,
    events: summary.events,
    eventObjects: summary.eventObjects,
    actions,
    trace: sim.trace.entries,
    eventsProcessed: sim.eventsProcessed,
    notes: sim.notes,
  };
}

export type { SimScenario } from './sim/scenario';
export type { RunOutcome, RunResult, RunRejected, PodSummary, EventSummary, ActionSummary } from './sim/result';
export type { TraceEntry, WatchEntry, ActionEntry, WhyEntry } from './sim/trace';
