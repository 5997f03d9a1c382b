// Typed readers for scenario values. Each reader checks one value, records an error with
// the value's path and line when it is wrong, and returns `undefined` in that case, so a
// single pass reports every problem of a scenario at once.

import type { IntSet } from '../engine/sim/scenario';
import type { JsonValue } from '../engine/api/types';
import { formatScenarioError, pathString, positionOf } from './yamlDoc';
import type { LoadedYaml, Path, ScenarioError } from './yamlDoc';

export type Obj = { [k: string]: unknown };

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)}`;
  return `${typeof v} ${String(v)}`;
}

export class Ctx {
  readonly errors: ScenarioError[] = [];
  readonly warnings: string[] = [];
  constructor(private readonly loaded: LoadedYaml) {}

  error(path: Path, message: string, at: 'key' | 'value' = 'value'): undefined {
    const pos = positionOf(this.loaded, path, at);
    this.errors.push({ path: pathString(path), message, line: pos.line, column: pos.column });
    return undefined;
  }

  warn(path: Path, message: string): void {
    const pos = positionOf(this.loaded, path);
    this.warnings.push(formatScenarioError({ path: pathString(path), message, line: pos.line, column: pos.column }));
  }

  /** A mapping whose keys are all in `allowed`; unknown keys are errors that list the allowed ones. */
  obj(path: Path, v: unknown, allowed: readonly string[], what = 'a mapping'): Obj | undefined {
    if (!isObj(v)) return this.error(path, `must be ${what}, not ${typeName(v)}`);
    for (const k of Object.keys(v)) {
      if (!allowed.includes(k)) this.error([...path, k], `unknown key; allowed keys: ${allowed.join(', ')}`, 'key');
    }
    return v;
  }

  int(path: Path, v: unknown, min: number, max: number): number | undefined {
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.error(path, `must be an integer, not ${typeName(v)}`);
    if (v < min || v > max) return this.error(path, `must be between ${min} and ${max}, not ${v}`);
    return v;
  }

  /** A non-negative number of seconds (fractions allowed, kept to the millisecond). */
  seconds(path: Path, v: unknown, max = 1_000_000_000): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.error(path, `must be a number of seconds, not ${typeName(v)}`);
    if (v < 0 || v > max) return this.error(path, `must be between 0 and ${max} seconds, not ${v}`);
    return Math.round(v * 1000) / 1000;
  }

  str(path: Path, v: unknown, nonEmpty = true): string | undefined {
    if (typeof v !== 'string') return this.error(path, `must be a string, not ${typeName(v)}`);
    if (nonEmpty && v.trim() === '') return this.error(path, 'must not be empty');
    return v;
  }

  oneOf<T extends string>(path: Path, v: unknown, values: readonly T[]): T | undefined {
    const found = values.find((x) => x === v);
    if (found === undefined) return this.error(path, `must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}, not ${typeName(v)}`);
    return found;
  }

  bool(path: Path, v: unknown): boolean | undefined {
    if (typeof v !== 'boolean') return this.error(path, `must be true or false, not ${typeName(v)}`);
    return v;
  }

  /** `at`/`until`: seconds as a number or a duration string ("1m30s", "90s", "2h", "500ms") → ms. */
  duration(path: Path, v: unknown, maxMs: number): number | undefined {
    const ms = parseDurationMs(v);
    if (ms === null) {
      return this.error(path, `must be seconds (a number) or a duration like "90s", "1m30s", "2h", not ${typeName(v)}`);
    }
    if (ms > maxMs) return this.error(path, `must be at most ${maxMs / 1000} seconds (${maxMs / 3600000}h), the longest simulated run`);
    return ms;
  }

  /** An index or attempt set: a non-negative integer or a string "1,3-5". */
  intSet(path: Path, v: unknown): IntSet | undefined {
    const set = parseIntSet(v);
    if (typeof set === 'string') return this.error(path, set);
    return set;
  }

  /** Plain JSON data (for manifests and patches); rejects non-finite numbers. */
  json(path: Path, v: unknown): JsonValue | undefined {
    const bad = findNonJson(v, path, 0);
    if (bad) return this.error(bad.path, bad.message);
    return v as JsonValue; // checked just above by findNonJson
  }
}

const DURATION_PART = /(\d+(?:\.\d+)?|\.\d+)(ms|h|m|s)/y;

/** Seconds (number or numeric string) or a Go-style duration → integer ms; null when malformed or negative. */
export function parseDurationMs(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? Math.round(v * 1000) : null;
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (/^(\d+(\.\d+)?|\.\d+)$/.test(s)) return Math.round(Number(s) * 1000);
  if (s === '') return null;
  const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60000, h: 3600000 };
  let total = 0;
  DURATION_PART.lastIndex = 0;
  while (DURATION_PART.lastIndex < s.length) {
    const m = DURATION_PART.exec(s);
    if (!m || m[1] === undefined || m[2] === undefined) return null;
    total += Number(m[1]) * (unitMs[m[2]] ?? 0);
  }
  return Number.isFinite(total) ? Math.round(total) : null;
}

const MAX_SET_VALUE = 1_000_000_000;

/** "1,3-5" → sorted, merged ranges (mirrors upstream parseIndexesFromString, but order-tolerant). */
export function parseIntSet(v: unknown): IntSet | string {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0 || v > MAX_SET_VALUE) return `must be a non-negative integer or a set like "1,3-5", not ${typeName(v)}`;
    return { text: String(v), ranges: [[v, v]] };
  }
  if (typeof v !== 'string') return `must be a non-negative integer or a set like "1,3-5", not ${typeName(v)}`;
  const ranges: Array<[number, number]> = [];
  for (const part of v.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m || m[1] === undefined) return `malformed set ${JSON.stringify(v)}: each element is "N" or "N-M" (e.g. "1,3-5")`;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo) return `malformed set ${JSON.stringify(v)}: range "${part.trim()}" ends before it starts`;
    if (hi > MAX_SET_VALUE) return `set ${JSON.stringify(v)}: values must be at most ${MAX_SET_VALUE}`;
    ranges.push([lo, hi]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return { text: v.trim(), ranges: merged };
}

function findNonJson(v: unknown, path: Path, depth: number): { path: Path; message: string } | null {
  if (depth > 200) return { path, message: 'nested too deeply' };
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? null : { path, message: `must be a finite number, not ${String(v)}` };
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const bad = findNonJson(v[i], [...path, i], depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  if (isObj(v)) {
    for (const [k, x] of Object.entries(v)) {
      const bad = findNonJson(x, [...path, k], depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  return { path, message: `must be plain JSON data, not ${typeof v}` };
}
