// Small helpers shared by the validators: field paths (field.Path rendering), defensive
// accessors, because parts of a pod template are carried as opaque JSON, and the two rule
// shapes core validation repeats (an enum field, a one-of union).

import { fe, type FieldError } from '../errors';
import type { JsonValue } from '../types';

export type Obj = Record<string, unknown>;

export const child = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);
export const index = (path: string, i: number): string => `${path}[${i}]`;
export const key = (path: string, k: string): string => `${path}[${k}]`;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(o: unknown, k: string): string {
  if (!isObj(o)) return '';
  const v = o[k];
  return typeof v === 'string' ? v : '';
}

export function optStr(o: unknown, k: string): string | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return typeof v === 'string' ? v : undefined;
}

export function num(o: unknown, k: string): number | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return typeof v === 'number' ? v : undefined;
}

export function arr(o: unknown, k: string): unknown[] {
  if (!isObj(o)) return [];
  const v = o[k];
  return Array.isArray(v) ? v : [];
}

export function objAt(o: unknown, k: string): Obj | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return isObj(v) ? v : undefined;
}

/** A map[string]string field (non-string values are ignored: decode already rejected them). */
export function strMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObj(v)) return out;
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
}

/** A required enum field: Required when empty, NotSupported when not one of `allowed`. */
export function validateChoice(v: string, path: string, allowed: string[], requiredDetail = ''): FieldError[] {
  if (v === '') return [fe.required(path, requiredDetail)];
  return allowed.includes(v) ? [] : [fe.notSupported(path, v, allowed)];
}

/**
 * A one-of union (volume source, probe handler): the first member set is validated, every
 * further one is Forbidden, none at all is Required. `what` names the member kind.
 */
export function validateOneOf(
  o: Obj,
  members: readonly string[],
  path: string,
  what: string,
  validate: (member: string, v: Obj, path: string) => FieldError[],
): FieldError[] {
  const errs: FieldError[] = [];
  let found = false;
  for (const m of members) {
    const v = objAt(o, m);
    if (v === undefined) continue;
    if (found) {
      errs.push(fe.forbidden(child(path, m), `may not specify more than 1 ${what}`));
      continue;
    }
    found = true;
    errs.push(...validate(m, v, child(path, m)));
  }
  if (!found) errs.push(fe.required(path, `must specify a ${what}`));
  return errs;
}

/** A Go map renders in JSON with sorted keys. */
export function sortedMap(m: Record<string, string> | undefined): Record<string, string> | null {
  if (m === undefined) return null;
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k] ?? '';
  return out;
}

/** Semantic deep equality of two JSON-like values (apiequality.Semantic.DeepEqual, approximately). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** A structured deep copy of a JSON-like value. */
export function clone<T>(v: T): T {
  return structuredCloneJson(v) as T;
}

function structuredCloneJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(structuredCloneJson);
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = structuredCloneJson(x);
    return out;
  }
  return v;
}

export type { JsonValue };
