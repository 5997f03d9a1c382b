// Compares a run with a scenario's `expect:` block. A faithful port of the comparison in
// the conformance checker (conformance/check.py, `check_case`): same fields, same rules
// ({min,max} ranges, missing counters read as 0, `failedIndexes: null` = absent, exact
// condition lists, substring messages), so `sim --check` agrees with the outside checks.

import type { RunResult } from '../engine/sim/result';
import { isObj, type Obj } from './values';

function dict(v: unknown): Obj {
  return isObj(v) ? v : {};
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function show(v: unknown): string {
  return v === undefined ? 'null' : JSON.stringify(v) ?? String(v);
}

/** Python `==` for JSON-like data (bools compare equal to 0/1, like Python). */
function pyEq(a: unknown, b: unknown): boolean {
  const num = (x: unknown): number | null => (typeof x === 'number' ? x : typeof x === 'boolean' ? Number(x) : null);
  const na = num(a);
  const nb = num(b);
  if (na !== null || nb !== null) return na === nb;
  if (a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEq(x, b[i]));
  }
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && pyEq(a[k], b[k]));
  }
  return a === b;
}

/** check.py `num_ok`: a value, or `{min, max}` (either bound optional). */
export function numOk(want: unknown, got: unknown): boolean {
  if (isObj(want)) {
    if (got === null || got === undefined || typeof got !== 'number') return false;
    const lo = typeof want.min === 'number' ? want.min : -Infinity;
    const hi = typeof want.max === 'number' ? want.max : Infinity;
    return lo <= got && got <= hi;
  }
  return pyEq(want, got);
}

/** Whole seconds from `start` to an RFC 3339 stamp (truncated like Python's int()); null when absent. */
export function secondsSince(start: string, stamp: unknown): number | null | 'invalid' {
  if (stamp === null || stamp === undefined) return null;
  const t = typeof stamp === 'string' ? Date.parse(stamp) : NaN;
  const s = Date.parse(start);
  if (!Number.isFinite(t) || !Number.isFinite(s)) return 'invalid';
  return Math.trunc((t - s) / 1000);
}

function condMatch(want: unknown, got: unknown): boolean {
  const w = dict(want);
  const g = dict(got);
  for (const k of ['type', 'status', 'reason']) {
    if (k in w && !pyEq(w[k], g[k])) return false;
  }
  if ('message' in w) {
    const msg = typeof g.message === 'string' ? g.message : '';
    if (typeof w.message !== 'string' || !msg.includes(w.message)) return false;
  }
  return true;
}

function countBy<T>(items: T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}

function checkError(expect: Obj, stderr: string, exitCode: number | undefined): string[] {
  const fails: string[] = [];
  if (exitCode !== 2) fails.push(`expected exit 2 for an invalid scenario, got ${exitCode ?? 'a run that finished (exit 0)'}`);
  for (const s of list(expect.error)) {
    if (typeof s !== 'string' || !stderr.includes(s)) fails.push(`stderr lacks ${show(s)}; stderr was: ${show(stderr.trim().slice(0, 300))}`);
  }
  return fails;
}

function checkStatus(want: Obj, status: Obj, fails: string[]): void {
  for (const [field, w] of Object.entries(want)) {
    let got = status[field];
    if (field === 'failedIndexes' && w === null) {
      if (got !== undefined && got !== null) fails.push(`status.failedIndexes: want absent, got ${show(got)}`);
      continue;
    }
    if ((got === undefined || got === null) && typeof w !== 'string') got = 0;
    if ((got === undefined || got === null) && typeof w === 'string') got = '';
    if (!numOk(w, got)) fails.push(`status.${field}: want ${show(w)}, got ${show(got)}`);
  }
}

function checkConditions(expect: Obj, conds: unknown[], start: string, fails: string[]): void {
  const brief = (): string => show(conds.map((c) => ({ type: dict(c).type, status: dict(c).status, reason: dict(c).reason })));
  if ('conditions' in expect) {
    const want = list(expect.conditions);
    const ok = want.length === conds.length && want.every((w, i) => condMatch(w, conds[i]));
    if (!ok) fails.push(`conditions: want ${show(expect.conditions)}, got ${brief()}`);
  }
  if ('conditionsInclude' in expect) {
    const want = list(expect.conditionsInclude);
    let i = 0;
    for (const c of conds) if (i < want.length && condMatch(want[i], c)) i++;
    if (i < want.length) fails.push(`conditionsInclude: missing ${show(want[i])}; got ${brief()}`);
  }
  for (const [ctype, want] of Object.entries(dict(expect.conditionTimes))) {
    const match = conds.filter((c) => dict(c).type === ctype);
    const last = match[match.length - 1];
    const got = last === undefined ? null : secondsSince(start, dict(last).lastTransitionTime);
    if (!numOk(want, got)) fails.push(`condition ${ctype} time: want ${show(want)}, got ${show(got)}`);
  }
}

function checkCounts(label: (k: string) => string, want: unknown, by: Map<string, number>, fails: string[]): void {
  for (const [k, w] of Object.entries(dict(want))) {
    const got = by.get(k) ?? 0;
    if (!numOk(w, got)) fails.push(`${label(k)}: want ${show(w)}, got ${got}`);
  }
}

function checkPods(expect: Obj, result: RunResult, fails: string[]): void {
  const pods = result.pods;
  if ('podsCreated' in expect && !numOk(expect.podsCreated, pods.length)) {
    fails.push(`podsCreated: want ${show(expect.podsCreated)}, got ${pods.length}`);
  }
  if ('podsCreatedByIndex' in expect) {
    // Python's str(None) is "None": NonIndexed pods count under that key.
    const by = countBy(pods, (p) => (p.index === null ? 'None' : String(p.index)));
    checkCounts((k) => `pods created for index ${k}`, expect.podsCreatedByIndex, by, fails);
  }
  if ('podCreationTimes' in expect) {
    const got = pods.map((p) => p.createdAtSeconds);
    const want = list(expect.podCreationTimes);
    if (got.length !== want.length || !want.every((w, i) => numOk(w, got[i]))) {
      fails.push(`podCreationTimes: want ${show(expect.podCreationTimes)}, got ${show(got)}`);
    }
  }
  if ('podPhases' in expect) checkCounts((k) => `pods in phase ${k}`, expect.podPhases, countBy(pods, (p) => p.phase), fails);
  if ('events' in expect) checkCounts((k) => `events ${k}`, expect.events, countBy(result.events, (e) => e.reason), fails);
}

function checkActions(expect: Obj, result: RunResult, fails: string[]): void {
  const got = result.actions;
  const want = list(expect.actions);
  if (got.length !== want.length) fails.push(`actions: want ${want.length} outcomes, got ${got.length}`);
  for (let i = 0; i < Math.min(got.length, want.length); i++) {
    const w = dict(want[i]);
    const g = got[i];
    if (!g) continue;
    if ('result' in w && !pyEq(w.result, g.result)) fails.push(`action ${i}: want result ${show(w.result)}, got ${g.result} (${g.message.slice(0, 200)})`);
    if ('message' in w && (typeof w.message !== 'string' || !g.message.includes(w.message))) {
      fails.push(`action ${i}: message lacks ${show(w.message)}; got ${show(g.message.slice(0, 200))}`);
    }
  }
}

/**
 * The differences between `expect` and a run, as readable lines ([] = it matches).
 * `result` is null when the scenario was invalid; then `stderr` and `exitCode` (2) are
 * what the runner printed, which an `expect.error` list is checked against.
 */
export function checkExpect(expect: unknown, result: RunResult | null, clockStart: string, stderr = '', exitCode?: number): string[] {
  if (!isObj(expect)) return [`expect: must be a mapping, not ${show(expect)}`];
  if ('error' in expect) return checkError(expect, stderr, result ? 0 : exitCode);
  if (!result) return [`runner exited ${exitCode ?? 2}: ${stderr.trim().slice(0, 400)}`];
  const fails: string[] = [];
  const status = dict(dict(result.job).status);
  const conds = list(status.conditions);
  if ('finished' in expect && !pyEq(result.finished, expect.finished)) fails.push(`finished: want ${show(expect.finished)}, got ${result.finished}`);
  if ('finishedAtSeconds' in expect && !numOk(expect.finishedAtSeconds, result.finishedAtSeconds)) {
    fails.push(`finishedAtSeconds: want ${show(expect.finishedAtSeconds)}, got ${show(result.finishedAtSeconds)}`);
  }
  checkStatus(dict(expect.status), status, fails);
  checkConditions(expect, conds, clockStart, fails);
  for (const [key, field] of [['startTimeSeconds', 'startTime'], ['completionTimeSeconds', 'completionTime']] as const) {
    if (!(key in expect)) continue;
    const got = secondsSince(clockStart, status[field]);
    const want = expect[key];
    if ((want === null && got !== null) || (want !== null && !numOk(want, got))) fails.push(`${key}: want ${show(want)}, got ${show(got)}`);
  }
  checkPods(expect, result, fails);
  if ('actions' in expect) checkActions(expect, result, fails);
  if ('jobDeleted' in expect && !pyEq(Boolean(result.jobDeleted), expect.jobDeleted)) {
    fails.push(`jobDeleted: want ${show(expect.jobDeleted)}, got ${result.jobDeleted}`);
  }
  return fails;
}
