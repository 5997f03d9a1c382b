// DELETE and DELETECOLLECTION of Jobs (generic registry store.go Delete/DeleteCollection,
// rest/delete.go BeforeDelete, the Job strategy's batch/v1 default GC policy Orphan with
// its warning) and the garbage collector's part, run at the same instant:
// - Orphan: finalizer `orphan` + deletionTimestamp (MODIFIED); GC drops the pods' owner
//   references, removes the finalizer, the Job goes (DELETED) unless other finalizers remain;
// - Background: removed at once (Status Success) and its pods deleted, or, when the Job has
//   other finalizers, only marked (deletionTimestamp);
// - Foreground: finalizer `foregroundDeletion` + deletionTimestamp; pods deleted; the store
//   finishes the Job when its last pod is gone.
// A Job already being deleted only gets its finalizers swapped to the new policy.

import { notFound, statusError, type StatusError } from './errors';
import { checkDeleteOptions, ORPHAN_DEFAULT_WARNING, type CheckedDelete } from './rest_options';
import { listObjects } from './rest_list';
import type { DeleteCollectionOptions, DeleteOptions, ObjectList, RestResult, StatusSuccess } from './rest_types';
import type { ObjectStore } from './server';
import { FOREGROUND_DELETION_FINALIZER, ORPHAN_FINALIZER, type Job, type Pod } from './types';

const GC_FINALIZERS = [ORPHAN_FINALIZER, FOREGROUND_DELETION_FINALIZER];

/** The 409 of a delete whose preconditions (uid, resourceVersion) do not hold (store.go). */
function preconditionError(obj: Job | Pod, group: string, o: DeleteOptions): StatusError | undefined {
  const p = o.preconditions;
  if (typeof p !== 'object' || p === null) return undefined;
  const name = obj.metadata.name ?? '';
  const qualified = group === '' ? obj.kind : `${obj.kind}.${group}`;
  const conflict = (cause: string): StatusError =>
    statusError(409, 'Conflict', `Operation cannot be fulfilled on ${qualified} "${name}": ${cause}`, { name, group, kind: obj.kind });
  const uid = obj.metadata.uid ?? '';
  if (p.uid !== undefined && p.uid !== uid) {
    return conflict(`the UID in the precondition (${String(p.uid)}) does not match the UID in record (${uid}). The object might have been deleted and then recreated`);
  }
  const rv = obj.metadata.resourceVersion ?? '';
  if (p.resourceVersion !== undefined && p.resourceVersion !== rv) {
    return conflict(`the ResourceVersion in the precondition (${String(p.resourceVersion)}) does not match the ResourceVersion in record (${rv}). The object might have been modified`);
  }
  return undefined;
}

/** The finalizers a delete with `policy` leaves (store.go updateForGracefulDeletionAndFinalizers). */
function finalizersFor(job: Job, policy: CheckedDelete['policy']): string[] {
  const own = (job.metadata.finalizers ?? []).filter((f) => !GC_FINALIZERS.includes(f));
  if (policy === 'Orphan') return [...own, ORPHAN_FINALIZER];
  if (policy === 'Foreground') return [...own, FOREGROUND_DELETION_FINALIZER];
  return own;
}

function marked(store: ObjectStore, job: Job, finalizers: string[]): Job {
  const meta = { ...job.metadata, finalizers: finalizers.length > 0 ? finalizers : undefined };
  if (meta.finalizers === undefined) delete meta.finalizers;
  if (job.metadata.deletionTimestamp === undefined) {
    meta.deletionTimestamp = store.clock.iso();
    meta.deletionGracePeriodSeconds = 0;
    meta.generation = (job.metadata.generation ?? 1) + 1;
  }
  return { ...job, metadata: meta };
}

function success(job: Job): StatusSuccess {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: { name: job.metadata.name ?? '', group: 'batch', kind: 'jobs', uid: job.metadata.uid ?? '' },
  };
}

/** The garbage collector's immediate work for a marked Job. */
function collect(store: ObjectStore, job: Job): void {
  const uid = job.metadata.uid ?? '';
  const ns = job.metadata.namespace ?? 'default';
  const fins = job.metadata.finalizers ?? [];
  if (fins.includes(ORPHAN_FINALIZER)) {
    store.orphanDependents(uid);
    const cur = store.getJob(ns, job.metadata.name ?? '');
    if (cur && cur.metadata.uid === uid) {
      store.put({ ...cur, metadata: { ...cur.metadata, finalizers: (cur.metadata.finalizers ?? []).filter((f) => f !== ORPHAN_FINALIZER) } });
    }
    return;
  }
  if (fins.includes(FOREGROUND_DELETION_FINALIZER)) {
    const pods = store.podsOwnedBy(uid);
    if (pods.length === 0) {
      store.put({ ...job, metadata: { ...job.metadata, finalizers: fins.filter((f) => f !== FOREGROUND_DELETION_FINALIZER) } });
      return;
    }
    for (const p of pods) store.deletePod(ns, p.metadata.name ?? '');
  }
}

function deleteOne(store: ObjectStore, job: Job, o: CheckedDelete): Job | StatusSuccess {
  const finalizers = finalizersFor(job, o.policy);
  const deleting = job.metadata.deletionTimestamp !== undefined;
  const same = JSON.stringify(finalizers) === JSON.stringify(job.metadata.finalizers ?? []);
  if (deleting && same) return job;
  if (finalizers.length === 0) {
    // Background without finalizers: gone now; the GC deletes the pods afterwards.
    if (o.dryRun) return success(job);
    const pods: Pod[] = store.podsOwnedBy(job.metadata.uid ?? '');
    store.remove(job);
    for (const p of pods) store.deletePod(p.metadata.namespace ?? 'default', p.metadata.name ?? '');
    return success(job);
  }
  const next = marked(store, job, finalizers);
  if (o.dryRun) return next;
  const stored = store.put(next);
  collect(store, stored);
  return stored;
}

export function restDeleteJob(store: ObjectStore, namespace: string, name: string, opts?: DeleteOptions): RestResult<Job | StatusSuccess> {
  const c = checkDeleteOptions(opts, 'Orphan');
  if (!c.ok) return c;
  const job = store.getJob(namespace, name);
  if (!job) return { ok: false, error: notFound('jobs', 'batch', name) };
  const pre = preconditionError(job, 'batch', opts ?? {});
  if (pre) return { ok: false, error: pre };
  const value = deleteOne(store, job, c.opts);
  return { ok: true, code: 200, warnings: c.opts.defaulted ? [ORPHAN_DEFAULT_WARNING] : [], value };
}

/** DELETE on the collection: list by selectors, then delete each with the same options. */
export function restDeleteJobCollection(store: ObjectStore, namespace: string, opts: DeleteCollectionOptions = {}): RestResult<ObjectList<Job>> {
  const o = typeof opts === 'object' && opts !== null ? opts : {};
  const c = checkDeleteOptions(o, 'Orphan');
  if (!c.ok) return c;
  const l = listObjects<Job>(store, 'jobs', namespace, { labelSelector: o.labelSelector, fieldSelector: o.fieldSelector });
  if (!l.ok) return l;
  const items: Job[] = [];
  for (const job of l.value.items) {
    const pre = preconditionError(job, 'batch', o);
    if (pre) return { ok: false, error: pre };
    const r = deleteOne(store, job, c.opts);
    items.push(r.kind === 'Job' ? r : job);
  }
  const value: ObjectList<Job> = { ...l.value, metadata: { resourceVersion: String(store.currentRevision()) }, items };
  return { ok: true, code: 200, warnings: c.opts.defaulted ? [ORPHAN_DEFAULT_WARNING] : [], value };
}

/** Graceful pod deletion with preconditions and dryRun (pods have no batch/v1 default). */
export function restDeletePod(store: ObjectStore, namespace: string, name: string, opts?: DeleteOptions): RestResult<Pod> {
  const c = checkDeleteOptions(opts, 'Background');
  if (!c.ok) return c;
  const pod = store.getPod(namespace, name);
  if (!pod) return { ok: false, error: notFound('pods', '', name) };
  const pre = preconditionError(pod, '', opts ?? {});
  if (pre) return { ok: false, error: pre };
  if (c.opts.dryRun) return { ok: true, code: 200, warnings: [], value: pod };
  const r = store.deletePod(namespace, name, opts?.gracePeriodSeconds);
  return r.ok ? { ok: true, code: 200, warnings: [], value: r.value } : r;
}
