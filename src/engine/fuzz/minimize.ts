// Greedy test-case reduction for the fuzzer: drop actions one by one, simplify the Job
// manifest field by field, shrink numbers and reset the workload, keeping a candidate
// only when it still fails the same way. Pure: `stillFails` does the running.

import { jsonClone as clone } from '../api/json_clone';
import { DEFAULT_WORKLOAD } from '../sim/scenario';
import type { ScenarioAction, SimScenario } from '../sim/scenario';

export type StillFails = (s: SimScenario) => boolean;


/** Smaller numbers to try in place of `n`, most aggressive first. */
function smaller(n: number): number[] {
  const out = [0, 1, Math.trunc(n / 2), n > 0 ? n - 1 : n + 1];
  return [...new Set(out)].filter((x) => Math.abs(x) < Math.abs(n) || (x === 0 && n !== 0));
}

/** Every way to make the JSON value at `v` simpler: delete a key or element, shrink a number, shorten a string. */
function* simplerValues(v: unknown): Generator<(root: unknown) => unknown> {
  if (typeof v === 'number') for (const x of smaller(v)) yield () => x;
  else if (typeof v === 'string' && v.length > 1) {
    const words = v.split(' ');
    // Dropping one word keeps a command line meaningful; halves cut long garbage fast.
    if (words.length > 1) for (let i = words.length - 1; i >= 0 && i >= words.length - 20; i--) yield () => words.filter((_, j) => j !== i).join(' ');
    yield () => v.slice(0, Math.ceil(v.length / 2));
    yield () => v.slice(Math.floor(v.length / 2));
  }
  else if (Array.isArray(v)) {
    for (let i = v.length - 1; i >= 0; i--) yield () => v.filter((_, j) => j !== i);
    for (let i = 0; i < v.length; i++) for (const f of simplerValues(v[i])) yield () => v.map((x, j) => (j === i ? f(x) : x));
  } else if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    for (const k of keys) yield () => rebuild(o, k, undefined);
    for (const k of keys) for (const f of simplerValues(o[k])) yield () => rebuild(o, k, f(o[k]));
  }
}

/** A copy of `o` with key `k` replaced (or removed when `x` is undefined), keeping own "__proto__" keys. */
function rebuild(o: Record<string, unknown>, k: string, x: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(o)) {
    const value = key === k ? x : o[key];
    if (value !== undefined) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

interface Budget {
  left: number;
}

function attempt(s: SimScenario, stillFails: StillFails, budget: Budget): boolean {
  if (budget.left <= 0) return false;
  budget.left--;
  try {
    return stillFails(s);
  } catch {
    return false;
  }
}

/** Tries each candidate change of one part of the scenario, keeping the first that still fails. */
function reduceJson<T>(get: () => T, set: (v: T) => SimScenario, stillFails: StillFails, budget: Budget): SimScenario | null {
  for (const make of simplerValues(get())) {
    const candidate = set(make(get()) as T);
    if (attempt(candidate, stillFails, budget)) return candidate;
  }
  return null;
}

function actionsWithout(s: SimScenario, i: number): SimScenario {
  return { ...s, actions: s.actions.filter((_, j) => j !== i) };
}

/** One pass over every reduction; returns the reduced scenario or null when nothing helped. */
function pass(s: SimScenario, stillFails: StillFails, budget: Budget): SimScenario | null {
  for (let i = s.actions.length - 1; i >= 0; i--) {
    const c = actionsWithout(s, i);
    if (attempt(c, stillFails, budget)) return c;
  }
  const simple: Array<Partial<SimScenario>> = [
    { workload: { defaults: { ...DEFAULT_WORKLOAD }, rules: [] } },
    { workload: { ...s.workload, rules: [] } },
    { syncDelayMs: 0 },
    { until: 'finished' },
  ];
  if (s.workload.random) simple.push({ workload: { defaults: s.workload.defaults, rules: s.workload.rules } });
  for (const patch of simple) {
    const c = { ...s, ...clone(patch) };
    if (canonicalDiffers(s, c) && attempt(c, stillFails, budget)) return c;
  }
  for (let i = 0; i < s.workload.rules.length; i++) {
    const c = { ...s, workload: { ...s.workload, rules: s.workload.rules.filter((_, j) => j !== i) } };
    if (attempt(c, stillFails, budget)) return c;
  }
  const job = reduceJson(() => s.job, (job) => ({ ...s, job }), stillFails, budget);
  if (job) return job;
  for (let i = 0; i < s.actions.length; i++) {
    const action = s.actions[i] as ScenarioAction;
    const withAction = (a: ScenarioAction): SimScenario => ({ ...s, actions: s.actions.map((x, j) => (j === i ? a : x)) });
    const prevAt = i === 0 ? 0 : (s.actions[i - 1]?.atMs ?? 0);
    if (action.atMs > prevAt && attempt(withAction({ ...action, atMs: prevAt }), stillFails, budget)) return withAction({ ...action, atMs: prevAt });
    // kind and atMs stay: the action must remain an action (its body is what gets simpler).
    const { kind, atMs, ...body } = action;
    const reduced = reduceJson(() => body, (b) => withAction({ ...b, kind, atMs } as ScenarioAction), stillFails, budget);
    if (reduced) return reduced;
  }
  return null;
}

function canonicalDiffers(a: SimScenario, b: SimScenario): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

/** Greedy reduction of a failing scenario; `maxTries` bounds the number of reruns. */
export function minimize(s: SimScenario, stillFails: StillFails, maxTries = 2000): { scenario: SimScenario; tries: number } {
  const budget: Budget = { left: maxTries };
  let cur = s;
  for (;;) {
    const next = pass(cur, stillFails, budget);
    if (next === null || budget.left <= 0) return { scenario: next ?? cur, tries: maxTries - budget.left };
    cur = next;
  }
}
