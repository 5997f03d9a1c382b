// The in-memory Kubernetes REST API for Jobs (batch/v1) and the Pods and Events kubectl
// needs (core/v1), as a typed facade over the ObjectStore. One method per REST operation of
// the Job API reference (get, get status, list, watch, create, update, update status,
// patch, patch status, delete, deletecollection); every call returns a RestResult: the body
// with its HTTP code and warnings, or the exact Status error. Nothing here throws.
//
// Watch is a pull stream (WatchHandle.poll/stop) over the store's bounded event history, so
// a deterministic simulation decides when a client observes events (see rest_watch.ts).

import { notFound, statusError, type StatusError } from './errors';
import { restDeleteJob, restDeleteJobCollection, restDeletePod } from './rest_delete';
import { listObjects } from './rest_list';
import type {
  DeleteCollectionOptions,
  DeleteOptions,
  ListOptions,
  NamespaceScope,
  ObjectList,
  PatchOptions,
  RestResult,
  StatusSuccess,
  WatchHandle,
  WatchOptions,
  WriteOptions,
} from './rest_types';
import { watchObjects } from './rest_watch';
import { restCreateJob, restPatchJob, restPatchJobStatus, restUpdateJob, restUpdateJobStatus } from './rest_write';
import type { ObjectStore } from './server';
import type { Job, KubeEvent, Pod } from './types';

export interface JobsApi {
  get(namespace: string, name: string): RestResult<Job>;
  getStatus(namespace: string, name: string): RestResult<Job>;
  list(namespace: NamespaceScope, opts?: ListOptions): RestResult<ObjectList<Job>>;
  watch(namespace: NamespaceScope, opts?: WatchOptions): RestResult<WatchHandle<Job>>;
  /** `body`: a decoded manifest, or JSON text (then duplicate keys are detected too). */
  create(namespace: string, body: unknown, opts?: WriteOptions): RestResult<Job>;
  update(namespace: string, name: string, body: unknown, opts?: WriteOptions): RestResult<Job>;
  updateStatus(namespace: string, name: string, body: unknown, opts?: WriteOptions): RestResult<Job>;
  /** `patch`: decoded JSON or JSON text; `type` json | merge | strategic (anything else → 415). */
  patch(namespace: string, name: string, type: string, patch: unknown, opts?: PatchOptions): RestResult<Job>;
  patchStatus(namespace: string, name: string, type: string, patch: unknown, opts?: PatchOptions): RestResult<Job>;
  /** No propagationPolicy = Orphan (batch/v1 default) with the preserved-pods warning. */
  delete(namespace: string, name: string, opts?: DeleteOptions): RestResult<Job | StatusSuccess>;
  deleteCollection(namespace: string, opts?: DeleteCollectionOptions): RestResult<ObjectList<Job>>;
}

export interface PodsApi {
  get(namespace: string, name: string): RestResult<Pod>;
  list(namespace: NamespaceScope, opts?: ListOptions): RestResult<ObjectList<Pod>>;
  watch(namespace: NamespaceScope, opts?: WatchOptions): RestResult<WatchHandle<Pod>>;
  delete(namespace: string, name: string, opts?: DeleteOptions): RestResult<Pod>;
}

export interface EventsApi {
  list(namespace: NamespaceScope, opts?: ListOptions): RestResult<ObjectList<KubeEvent>>;
  watch(namespace: NamespaceScope, opts?: WatchOptions): RestResult<WatchHandle<KubeEvent>>;
}

export interface RestApi {
  jobs: JobsApi;
  pods: PodsApi;
  events: EventsApi;
  /** The store revision (what a list would report as metadata.resourceVersion). */
  resourceVersion(): string;
}

const ok = <T>(value: T): RestResult<T> => ({ ok: true, code: 200, warnings: [], value });

/** Last line of defence: a bug on hostile input becomes a 500 Status, never an exception. */
function guard<T>(fn: () => RestResult<T>): RestResult<T> {
  try {
    return fn();
  } catch (e) {
    const err: StatusError = statusError(500, 'InternalError', `Internal error occurred: ${e instanceof Error ? e.message : String(e)}`);
    return { ok: false, error: err };
  }
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function createRestApi(store: ObjectStore): RestApi {
  const getJob = (ns: string, name: string): RestResult<Job> => {
    const j = store.getJob(str(ns), str(name));
    return j ? ok(j) : { ok: false, error: notFound('jobs', 'batch', str(name)) };
  };
  const jobs: JobsApi = {
    get: (ns, name) => guard(() => getJob(ns, name)),
    getStatus: (ns, name) => guard(() => getJob(ns, name)),
    list: (ns, opts) => guard(() => listObjects<Job>(store, 'jobs', ns, opts)),
    watch: (ns, opts) => guard(() => watchObjects<Job>(store, 'jobs', ns, opts)),
    create: (ns, body, opts) => guard(() => restCreateJob(store, str(ns), body, opts)),
    update: (ns, name, body, opts) => guard(() => restUpdateJob(store, str(ns), str(name), body, opts)),
    updateStatus: (ns, name, body, opts) => guard(() => restUpdateJobStatus(store, str(ns), str(name), body, opts)),
    patch: (ns, name, type, patch, opts) => guard(() => restPatchJob(store, str(ns), str(name), type, patch, opts)),
    patchStatus: (ns, name, type, patch, opts) => guard(() => restPatchJobStatus(store, str(ns), str(name), type, patch, opts)),
    delete: (ns, name, opts) => guard(() => restDeleteJob(store, str(ns), str(name), opts)),
    deleteCollection: (ns, opts) => guard(() => restDeleteJobCollection(store, str(ns), opts)),
  };
  const pods: PodsApi = {
    get: (ns, name) =>
      guard(() => {
        const p = store.getPod(str(ns), str(name));
        return p ? ok(p) : { ok: false, error: notFound('pods', '', str(name)) };
      }),
    list: (ns, opts) => guard(() => listObjects<Pod>(store, 'pods', ns, opts)),
    watch: (ns, opts) => guard(() => watchObjects<Pod>(store, 'pods', ns, opts)),
    delete: (ns, name, opts) => guard(() => restDeletePod(store, str(ns), str(name), opts)),
  };
  const events: EventsApi = {
    list: (ns, opts) => guard(() => listObjects<KubeEvent>(store, 'events', ns, opts)),
    watch: (ns, opts) => guard(() => watchObjects<KubeEvent>(store, 'events', ns, opts)),
  };
  return { jobs, pods, events, resourceVersion: () => String(store.currentRevision()) };
}
