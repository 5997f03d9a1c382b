// The write verbs of the Job REST facade: create (POST), update (PUT), the /status
// subresource (PUT and PATCH) and PATCH (json / merge / strategic), with dryRun=All and
// fieldValidation (unknown and duplicate fields) as the handlers in
// k8s.io/apiserver/pkg/endpoints/handlers (create.go, update.go, patch.go) apply them.
// Defaulting, validation and storage of the main resource are jobs.ts (createJob/updateJob);
// the status strategy (spec kept, generation kept, status rules) is here.

import { decodeJob } from './decode';
import { fe, invalidError, notFound, statusError, type FieldError, type StatusError } from './errors';
import { createJob, staleWriteConflict, updateJob } from './jobs';
import { applyPatch } from './patch';
import { checkWriteOptions, type CheckedWrite } from './rest_options';
import { parseJsonText } from './rest_json';
import type { PatchOptions, RestResult, WriteOptions } from './rest_types';
import type { ObjectStore } from './server';
import type { Job, JsonValue } from './types';
import { validateJobStatusUpdate, validateJobUpdate } from './validation/index';

const badRequest = (m: string): StatusError => statusError(400, 'BadRequest', m);
const cannotHandle = (m: string): StatusError => badRequest(`Job in version "v1" cannot be handled as a Job: ${m}`);

/** A request body: already-decoded JSON, or raw JSON text (duplicate keys are then detected). */
interface Body {
  value: unknown;
  duplicates: string[];
  offsets: Map<string, number>;
}

function readBody(body: unknown, onSyntax: (msg: string) => StatusError): { ok: true; body: Body } | { ok: false; error: StatusError } {
  if (typeof body !== 'string') return { ok: true, body: { value: body, duplicates: [], offsets: new Map() } };
  const p = parseJsonText(body);
  if (!p.ok) return { ok: false, error: onSyntax(p.error) };
  return { ok: true, body: p.json };
}

/** Unknown-field and duplicate-field problems of a decoded body, in document order. */
function strictProblems(unknownWarnings: string[], b: Body): string[] {
  const items: { text: string; at: number; i: number }[] = [];
  unknownWarnings.forEach((w, i) => {
    const m = /^unknown field "(.*)"$/.exec(w);
    const path = m ? (JSON.parse(`"${m[1] ?? ''}"`) as string) : '';
    items.push({ text: w, at: b.offsets.get(path) ?? Number.MAX_SAFE_INTEGER, i });
  });
  b.duplicates.forEach((d, i) => items.push({ text: `duplicate field ${JSON.stringify(d)}`, at: b.offsets.get(d) ?? Number.MAX_SAFE_INTEGER, i: unknownWarnings.length + i }));
  items.sort((x, y) => x.at - y.at || x.i - y.i);
  return items.map((x) => x.text);
}

/**
 * A request ready for storage. `raw` is what createJob/updateJob decode: the body as sent
 * (POST, PUT) or the patched Job (PATCH). Problems (unknown and duplicate fields) are only
 * ever non-empty under fieldValidation=Warn: Strict turns them into the error, Ignore skips them.
 */
type Decoded = { ok: true; opts: CheckedWrite; job: Job; raw: unknown; problems: string[] } | { ok: false; error: StatusError };

const syntax400 = (m: string): StatusError => badRequest(`couldn't get version/kind; json parse error: ${m}`);

function checkNames(job: Job, namespace: string, name: string): StatusError | undefined {
  const bodyNs = job.metadata.namespace;
  if (bodyNs !== undefined && bodyNs !== '' && bodyNs !== namespace) {
    return badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  const bodyName = job.metadata.name ?? '';
  if (bodyName !== name) return badRequest(`the name of the object (${bodyName}) does not match the name on the URL (${name})`);
  return undefined;
}

/**
 * POST and both PUTs: options, body text, decoding (Strict problems are the 400) and, for a
 * PUT (`name` given; its options are UpdateOptions), the body's names against the URL.
 */
function decodeRequest(body: unknown, o: WriteOptions | undefined, namespace: string, name?: string): Decoded {
  const opts = checkWriteOptions(name === undefined ? 'CreateOptions' : 'UpdateOptions', o);
  if (!opts.ok) return opts;
  const b = readBody(body, syntax400);
  if (!b.ok) return b;
  const fv = opts.opts.fieldValidation;
  const d = decodeJob(b.body.value, fv === 'Ignore' ? 'Ignore' : 'Warn');
  if (!d.ok) return d;
  const problems = fv === 'Ignore' ? [] : strictProblems(d.warnings, b.body);
  if (fv === 'Strict' && problems.length > 0) {
    return { ok: false, error: cannotHandle(`strict decoding error: ${problems.join(', ')}`) };
  }
  const bad = name === undefined ? undefined : checkNames(d.job, namespace, name);
  if (bad) return { ok: false, error: bad };
  return { ok: true, opts: opts.opts, job: d.job, raw: b.body.value, problems };
}

/** Options of the storage step: field problems were already handled by the request. */
const storeOpts = (o: CheckedWrite): { dryRun: boolean; fieldValidation: 'Ignore' } => ({ dryRun: o.dryRun, fieldValidation: 'Ignore' });

/** The response: the request's field problems first, then the storage step's warnings. */
function reply(r: { ok: true; value: Job; warnings: string[] } | { ok: false; error: StatusError }, problems: string[], code = 200): RestResult<Job> {
  if (!r.ok) return r;
  return { ok: true, code, warnings: [...problems, ...r.warnings], value: r.value };
}

export function restCreateJob(store: ObjectStore, namespace: string, body: unknown, o?: WriteOptions): RestResult<Job> {
  const d = decodeRequest(body, o, namespace);
  if (!d.ok) return d;
  return reply(createJob(store, d.raw, namespace, storeOpts(d.opts)), d.problems, 201);
}

export function restUpdateJob(store: ObjectStore, namespace: string, name: string, body: unknown, o?: WriteOptions): RestResult<Job> {
  const d = decodeRequest(body, o, namespace, name);
  if (!d.ok) return d;
  return reply(updateJob(store, d.raw, namespace, storeOpts(d.opts)), d.problems);
}

/** The status strategy: spec and system metadata from storage, status (and labels/annotations) from the request. */
function writeStatus(store: ObjectStore, namespace: string, name: string, req: Job, dryRun: boolean): RestResult<Job> {
  const old = store.getJob(namespace, name);
  if (!old) return { ok: false, error: notFound('jobs', 'batch', name) };
  const rv = req.metadata.resourceVersion;
  if (rv !== undefined && rv !== '' && rv !== old.metadata.resourceVersion) return { ok: false, error: staleWriteConflict(name) };
  const next: Job = {
    ...old,
    metadata: { ...old.metadata, labels: req.metadata.labels, annotations: req.metadata.annotations },
    status: req.status ?? {},
  };
  if (next.metadata.labels === undefined) delete next.metadata.labels;
  if (next.metadata.annotations === undefined) delete next.metadata.annotations;
  const errs: FieldError[] = [];
  const metaChanged = JSON.stringify([next.metadata.labels, next.metadata.annotations]) !== JSON.stringify([old.metadata.labels, old.metadata.annotations]);
  if (metaChanged) errs.push(...validateJobUpdate(next, old).errors);
  errs.push(...validateJobStatusUpdate(next, old));
  if (errs.length > 0) return { ok: false, error: invalidError(name, errs) };
  const changed = metaChanged || JSON.stringify(next.status) !== JSON.stringify(old.status);
  if (!changed) return { ok: true, code: 200, warnings: [], value: old };
  if (dryRun) return { ok: true, code: 200, warnings: [], value: next };
  return { ok: true, code: 200, warnings: [], value: store.put(next) };
}

export function restUpdateJobStatus(store: ObjectStore, namespace: string, name: string, body: unknown, o?: WriteOptions): RestResult<Job> {
  const d = decodeRequest(body, o, namespace, name);
  if (!d.ok) return d;
  return reply(writeStatus(store, namespace, name, d.job, d.opts.dryRun), d.problems);
}

export const PATCH_TYPES = ['json', 'merge', 'strategic'] as const;
const UNSUPPORTED_PATCH =
  'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json';

/** PATCH: options, then the patch applied to the stored Job; Strict problems are the 422 on field `patch` (patch.go). */
function patched(store: ObjectStore, namespace: string, name: string, type: string, patch: unknown, o: PatchOptions | undefined): Decoded {
  const opts = checkWriteOptions('PatchOptions', o);
  if (!opts.ok) return opts;
  if (!(PATCH_TYPES as readonly string[]).includes(type)) return { ok: false, error: statusError(415, 'UnsupportedMediaType', UNSUPPORTED_PATCH) };
  const old = store.getJob(namespace, name);
  if (!old) return { ok: false, error: notFound('jobs', 'batch', name) };
  const b = readBody(patch, (m) => badRequest(`error decoding patch: ${m}`));
  if (!b.ok) return b;
  const r = applyPatch(old as unknown as JsonValue, type as (typeof PATCH_TYPES)[number], b.body.value);
  if (!r.ok) return r;
  const fv = opts.opts.fieldValidation;
  const d = decodeJob(r.value, fv === 'Ignore' ? 'Ignore' : 'Warn');
  if (!d.ok) return d;
  const problems = fv === 'Ignore' ? [] : [...d.warnings, ...b.body.duplicates.map((x) => `duplicate field ${JSON.stringify(x)}`)];
  if (fv === 'Strict' && problems.length > 0) {
    const err = fe.invalid('patch', JSON.stringify(r.value), `strict decoding error: ${problems.join(', ')}`);
    return { ok: false, error: invalidError('', [err], '', '') };
  }
  const bad = checkNames(d.job, namespace, name);
  if (bad) return { ok: false, error: bad };
  return { ok: true, opts: opts.opts, job: d.job, raw: d.job, problems };
}

export function restPatchJob(store: ObjectStore, namespace: string, name: string, type: string, patch: unknown, o?: PatchOptions): RestResult<Job> {
  const p = patched(store, namespace, name, type, patch, o);
  if (!p.ok) return p;
  return reply(updateJob(store, p.raw, namespace, storeOpts(p.opts)), p.problems);
}

export function restPatchJobStatus(store: ObjectStore, namespace: string, name: string, type: string, patch: unknown, o?: PatchOptions): RestResult<Job> {
  const p = patched(store, namespace, name, type, patch, o);
  if (!p.ok) return p;
  return reply(writeStatus(store, namespace, name, p.job, p.opts.dryRun), p.problems);
}
