// Resolves how a simulated pod behaves: the first workload rule that matches its
// completion index and attempt, else the random model (seeded), else the defaults.

import type { Rng } from '../sim/random';
import type { IntSet, Workload, WorkloadOutcome } from '../sim/scenario';

export function intSetHas(set: IntSet, n: number): boolean {
  return set.ranges.some(([a, b]) => a <= n && n <= b);
}

export function resolveOutcome(w: Workload, index: number | null, attempt: number, rng: Rng): WorkloadOutcome {
  for (const rule of w.rules) {
    if (rule.index !== undefined && (index === null || !intSetHas(rule.index, index))) continue;
    if (rule.attempt !== undefined && !intSetHas(rule.attempt, attempt)) continue;
    return { ...w.defaults, ...rule.outcome };
  }
  const r = w.random;
  if (r === undefined) return { ...w.defaults };
  const out: WorkloadOutcome = { ...w.defaults };
  // Draw in a fixed order so that every pod consumes the same number of values.
  const fail = rng.next() < r.failureProbability;
  const code = r.exitCodes.length > 0 ? r.exitCodes[rng.int(0, r.exitCodes.length - 1)] : 1;
  const dur = r.durationSeconds ? r.durationSeconds.min + rng.next() * (r.durationSeconds.max - r.durationSeconds.min) : out.durationSeconds;
  if (fail) out.exitCode = code ?? 1;
  out.durationSeconds = Math.round(dur * 1000) / 1000;
  return out;
}
