// The Job endpoints of the API server: create (decode, default, prepare, validate,
// store), update of the main resource (immutability, generation), patch, the status
// subresource and delete. Mirrors pkg/registry/batch/job (strategy.go) and the generic
// registry's create/update flow.

import { decodeJob, type FieldValidation } from './decode';
import { generateSelector, setDefaultsJob } from './defaults';
import { invalidError, notFound, statusError, type StatusError } from './errors';
import { applyPatch, type PatchType } from './patch';
import { jsonClone } from './json_clone';
import { ObjectStore, type Result } from './server';
import type { Job, JsonValue } from './types';
import { validateJobCreate, validateJobUpdate } from './validation/index';

export interface WriteOptions {
  dryRun?: boolean;
  fieldValidation?: FieldValidation;
}

export interface WriteResult<T> {
  ok: true;
  value: T;
  warnings: string[];
  /** False when an update changed nothing (kubectl prints "unchanged"). */
  changed: boolean;
}

export type JobWrite = WriteResult<Job> | { ok: false; error: StatusError };

/** The 409 of a write whose resourceVersion is not the stored one (optimistic concurrency). */
export const staleWriteConflict = (name: string): StatusError =>
  statusError(409, 'Conflict', `Operation cannot be fulfilled on jobs.batch "${name}": the object has been modified; please apply your changes to the latest version and try again`, { name, group: 'batch', kind: 'jobs' });

export function createJob(store: ObjectStore, raw: unknown, namespace: string, opts: WriteOptions = {}): JobWrite {
  const decoded = decodeJob(raw, opts.fieldValidation ?? 'Warn');
  if (!decoded.ok) return decoded;
  const job = decoded.job;
  const ns = job.metadata.namespace ?? namespace;
  if (ns !== namespace) {
    return { ok: false, error: statusError(400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request') };
  }
  if (job.metadata.resourceVersion !== undefined && job.metadata.resourceVersion !== '') {
    return { ok: false, error: statusError(500, '', 'resourceVersion should not be set on objects to be created') };
  }
  job.metadata.namespace = ns;
  if ((job.metadata.name ?? '') === '' && job.metadata.generateName) job.metadata.name = store.generateName(job.metadata.generateName);
  setDefaultsJob(job);
  job.metadata.uid = store.newUid();
  job.metadata.creationTimestamp = store.clock.iso();
  job.metadata.generation = 1;
  delete job.metadata.deletionTimestamp;
  delete job.metadata.deletionGracePeriodSeconds;
  job.status = {};
  generateSelector(job);
  setDefaultsJob(job);
  const v = validateJobCreate(job);
  if (v.errors.length > 0) return { ok: false, error: invalidError(job.metadata.name ?? '', v.errors) };
  const name = job.metadata.name ?? '';
  const existing = store.getJob(ns, name);
  if (existing) {
    const msg = existing.metadata.deletionTimestamp !== undefined
      ? `object is being deleted: jobs.batch "${name}" already exists`
      : `jobs.batch "${name}" already exists`;
    return { ok: false, error: statusError(409, 'AlreadyExists', msg, { name, group: 'batch', kind: 'jobs' }) };
  }
  const warnings = [...decoded.warnings, ...v.warnings];
  if (opts.dryRun) return { ok: true, value: job, warnings, changed: true };
  return { ok: true, value: store.add(job), warnings, changed: true };
}

/** PUT of the main resource: status is kept from storage; spec changes bump generation. */
export function updateJob(store: ObjectStore, raw: unknown, namespace: string, opts: WriteOptions = {}): JobWrite {
  const decoded = decodeJob(raw, opts.fieldValidation ?? 'Warn');
  if (!decoded.ok) return decoded;
  const job = decoded.job;
  const name = job.metadata.name ?? '';
  const old = store.getJob(namespace, name);
  if (!old) return { ok: false, error: notFound('jobs', 'batch', name) };
  const rv = job.metadata.resourceVersion;
  if (rv !== undefined && rv !== '' && rv !== old.metadata.resourceVersion) return { ok: false, error: staleWriteConflict(name) };
  // An update that names another uid is a failed precondition (the registry's UID check).
  const uid = job.metadata.uid;
  if (uid !== undefined && uid !== '' && uid !== old.metadata.uid) {
    return {
      ok: false,
      error: statusError(409, 'Conflict', `Operation cannot be fulfilled on jobs.batch "${name}": Precondition failed: UID in precondition: ${uid}, UID in object meta: ${old.metadata.uid ?? ''}`, { name, group: 'batch', kind: 'jobs' }),
    };
  }
  setDefaultsJob(job);
  job.metadata = {
    ...job.metadata,
    namespace,
    uid: old.metadata.uid,
    creationTimestamp: old.metadata.creationTimestamp,
    generation: old.metadata.generation,
    deletionTimestamp: old.metadata.deletionTimestamp,
    resourceVersion: old.metadata.resourceVersion,
  };
  if (job.metadata.deletionTimestamp === undefined) delete job.metadata.deletionTimestamp;
  job.status = jsonClone(old.status);
  const v = validateJobUpdate(job, old);
  if (v.errors.length > 0) return { ok: false, error: invalidError(name, v.errors) };
  const specChanged = JSON.stringify(job.spec) !== JSON.stringify(old.spec);
  if (specChanged) job.metadata.generation = (old.metadata.generation ?? 1) + 1;
  const changed = specChanged || JSON.stringify(job.metadata) !== JSON.stringify(old.metadata);
  const warnings = [...decoded.warnings, ...(specChanged ? v.warnings : [])];
  if (opts.dryRun || !changed) return { ok: true, value: changed ? job : old, warnings, changed };
  return { ok: true, value: store.put(job), warnings, changed };
}

export function patchJob(store: ObjectStore, namespace: string, name: string, type: PatchType, patch: unknown, opts: WriteOptions = {}): JobWrite {
  const old = store.getJob(namespace, name);
  if (!old) return { ok: false, error: notFound('jobs', 'batch', name) };
  const patched = applyPatch(old as unknown as JsonValue, type, patch);
  if (!patched.ok) return patched;
  const obj = patched.value as { metadata?: { resourceVersion?: string } };
  // A patch that carries no resourceVersion applies to the current object.
  if (typeof obj === 'object' && obj !== null && obj.metadata && obj.metadata.resourceVersion === old.metadata.resourceVersion) {
    delete obj.metadata.resourceVersion;
  }
  return updateJob(store, patched.value, namespace, opts);
}

/** The controller's status write (status subresource). */
export function updateJobStatus(store: ObjectStore, job: Job): Result<Job> {
  const cur = store.getJob(job.metadata.namespace ?? 'default', job.metadata.name ?? '');
  if (!cur || cur.metadata.uid !== job.metadata.uid) return { ok: false, error: notFound('jobs', 'batch', job.metadata.name ?? '') };
  return { ok: true, value: store.put({ ...cur, status: job.status }) };
}
