// Decoding of a Job request body, as the API server's JSON serializer does it: type errors are
// fatal 400s worded like Go's encoding/json (`json: cannot unmarshal string into Go struct field
// JobSpec.spec.parallelism of type int32`), unknown fields are dropped and reported according to
// fieldValidation (Strict / Warn / Ignore), quantities are parsed and re-rendered canonically.
// The result is NOT defaulted yet.

import { JOB_SCHEMA, goName, type Schema } from './decodeSchema';
import { statusError, type StatusError } from './errors';
import type { Job } from './types';
import { parseQuantity, quantityString } from './validation/quantity';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export type DecodeResult = { ok: true; job: Job; warnings: string[] } | { ok: false; error: StatusError };

const MAX_DEPTH = 1000;
const MAX_INT32 = 2147483647;
const TWO_POW_63 = 9223372036854775808;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const KIND_STRUCT = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

class DecodeError extends Error {}

interface Ctx {
  unknown: string[];
}

/** Assign without triggering the __proto__ setter. */
function setProp(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

interface Where {
  path: string; // unknown-field path, with indexes
  goPath: string; // Go error path, without indexes
  struct: string; // enclosing struct name
}

function typeError(raw: unknown, s: Schema, w: Where, numberText = false): DecodeError {
  const what = numberText ? `number ${String(raw)}` : jsonKind(raw);
  const into = w.struct === '' ? 'Go value' : `Go struct field ${w.struct}.${w.goPath}`;
  return new DecodeError(`json: cannot unmarshal ${what} into ${into} of type ${goName(s)}`);
}

function zeroOf(s: Schema): unknown {
  switch (s.t) {
    case 'string':
    case 'time':
      return '';
    case 'int32':
    case 'int64':
      return 0;
    case 'bool':
      return false;
    case 'quantity':
      return '0';
    case 'object':
      return {};
    case 'array':
    case 'map':
    case 'any':
      return null;
    default:
      return null;
  }
}

function copyAny(raw: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new DecodeError('json: exceeded max depth');
  if (typeof raw === 'bigint') return Number(raw);
  if (raw === undefined || typeof raw === 'function' || typeof raw === 'symbol') return null;
  if (typeof raw === 'number' && !Number.isFinite(raw)) throw new DecodeError(`json: unsupported value: ${String(raw)}`);
  if (Array.isArray(raw)) return raw.map((x) => copyAny(x, depth + 1));
  if (isPlainObject(raw)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) if (v !== undefined) setProp(out, k, copyAny(v, depth + 1));
    return out;
  }
  return raw;
}

function decodeScalar(s: Schema, raw: unknown, w: Where): unknown {
  switch (s.t) {
    case 'string':
      if (typeof raw !== 'string') throw typeError(raw, s, w);
      return raw;
    case 'bool':
      if (typeof raw !== 'boolean') throw typeError(raw, s, w);
      return raw;
    case 'int32':
    case 'int64': {
      const v = typeof raw === 'bigint' ? Number(raw) : raw;
      if (typeof v !== 'number') throw typeError(raw, s, w);
      const ok = s.t === 'int32' ? v >= -MAX_INT32 - 1 && v <= MAX_INT32 : v >= -TWO_POW_63 && v < TWO_POW_63;
      if (!Number.isInteger(v) || !ok) throw typeError(v, s, w, true);
      return v;
    }
    case 'time':
      if (typeof raw !== 'string') throw typeError(raw, { t: 'string' }, w);
      if (!RFC3339.test(raw)) {
        throw new DecodeError(`parsing time ${JSON.stringify(raw)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(raw)} as "2006"`);
      }
      return raw;
    case 'quantity': {
      const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : JSON.stringify(raw) ?? '';
      const q = parseQuantity(text);
      if (!q.ok) throw new DecodeError(q.error);
      return quantityString(q.q);
    }
    case 'intOrString':
      if (typeof raw === 'string') return raw;
      if (typeof raw === 'number' && Number.isInteger(raw) && Math.abs(raw) <= MAX_INT32) return raw;
      throw typeError(raw, { t: 'int32' }, w, typeof raw === 'number');
    default:
      return copyAny(raw, 0);
  }
}

function decodeObject(s: Extract<Schema, { t: 'object' }>, raw: unknown, w: Where, ctx: Ctx, depth: number): unknown {
  if (!isPlainObject(raw)) throw typeError(raw, s, w);
  const struct = s.go.replace(/^[a-z0-9]+\./, '');
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const fs = Object.prototype.hasOwnProperty.call(s.fields, k) ? s.fields[k] : undefined;
    const path = w.path === '' ? k : `${w.path}.${k}`;
    if (fs === undefined) {
      if (s.open === true) {
        if (v !== null && v !== undefined) setProp(out, k, copyAny(v, depth + 1));
      } else ctx.unknown.push(path);
      continue;
    }
    if (v === null || v === undefined) continue;
    const goPath = w.goPath === '' ? k : `${w.goPath}.${k}`;
    setProp(out, k, decodeValue(fs, v, { path, goPath, struct }, ctx, depth + 1));
  }
  return out;
}

function decodeValue(s: Schema, raw: unknown, w: Where, ctx: Ctx, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new DecodeError('json: exceeded max depth');
  if (s.t === 'object') return decodeObject(s, raw, w, ctx, depth);
  if (s.t === 'array') {
    if (!Array.isArray(raw)) throw typeError(raw, s, w);
    return raw.map((x, i) =>
      x === null || x === undefined ? zeroOf(s.of) : decodeValue(s.of, x, { ...w, path: `${w.path}[${i}]` }, ctx, depth + 1),
    );
  }
  if (s.t === 'map') {
    if (!isPlainObject(raw)) throw typeError(raw, s, w);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) {
      setProp(out, k, v === null || v === undefined ? zeroOf(s.of) : decodeValue(s.of, v, { ...w, path: `${w.path}[${k}]` }, ctx, depth + 1));
    }
    return out;
  }
  return decodeScalar(s, raw, w);
}

const badRequest = (msg: string): DecodeResult => ({ ok: false, error: statusError(400, 'BadRequest', msg) });
const cannotHandle = (msg: string): DecodeResult => badRequest(`Job in version "v1" cannot be handled as a Job: ${msg}`);

function compactJson(v: unknown): string {
  try {
    const s = JSON.stringify(v) ?? '';
    return s.length > 1024 ? `${s.slice(0, 1024)}...` : s;
  } catch {
    return '';
  }
}

/** apiVersion/kind checks done before the body is decoded into a Job. */
function checkTypeMeta(raw: unknown): DecodeResult | undefined {
  if (!isPlainObject(raw)) {
    return badRequest(`couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(raw)} into Go value of type ${KIND_STRUCT}`);
  }
  for (const f of ['apiVersion', 'kind']) {
    const v = raw[f];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      return badRequest(
        `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(v)} into Go struct field .${f} of type string`,
      );
    }
  }
  const kind = typeof raw.kind === 'string' ? raw.kind : '';
  if (kind === '') return badRequest(`Object 'Kind' is missing in '${compactJson(raw)}'`);
  const apiVersion = typeof raw.apiVersion === 'string' ? raw.apiVersion : '';
  if (apiVersion !== '' && apiVersion !== 'batch/v1') {
    return badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (batch/v1)`);
  }
  if (kind !== 'Job') {
    return cannotHandle(`no kind "${kind}" is registered for version "batch/v1" in scheme "pkg/api/legacyscheme/scheme.go:30"`);
  }
  return undefined;
}

/** Shape guarantees the rest of the engine relies on (Go zero values for absent structs). */
function completeShape(o: Record<string, unknown>): Job {
  const job = o as unknown as Job;
  job.apiVersion = 'batch/v1';
  job.kind = 'Job';
  job.metadata ??= {};
  job.spec ??= { template: { spec: { containers: [] } } };
  job.spec.template ??= { spec: { containers: [] } };
  job.spec.template.spec ??= { containers: [] };
  job.spec.template.spec.containers ??= [];
  job.status ??= {};
  return job;
}

export function decodeJob(raw: unknown, fieldValidation: FieldValidation = 'Warn'): DecodeResult {
  try {
    const bad = checkTypeMeta(raw);
    if (bad !== undefined) return bad;
    const ctx: Ctx = { unknown: [] };
    const decoded = decodeValue(JOB_SCHEMA, raw, { path: '', goPath: '', struct: '' }, ctx, 0);
    const messages = ctx.unknown.map((p) => `unknown field ${JSON.stringify(p)}`);
    if (fieldValidation === 'Strict' && messages.length > 0) {
      return cannotHandle(`strict decoding error: ${messages.join(', ')}`);
    }
    const job = completeShape(decoded as Record<string, unknown>);
    return { ok: true, job, warnings: fieldValidation === 'Warn' ? messages : [] };
  } catch (e) {
    if (e instanceof DecodeError) return cannotHandle(e.message);
    // Stack exhaustion or anything unforeseen on hostile input: still a 400, never a throw.
    return cannotHandle(e instanceof Error ? e.message : 'invalid request body');
  }
}
