// The slice of the API server the kubectl interpreter needs. The in-memory API
// server implements it; tests use a small fake. Every call returns either a value or
// the StatusError the real server would answer with (never throws).

import type { StatusError } from '../api/errors';
import type { PatchType } from '../api/patch';
import type { Job, JsonObject, KubeEvent, Pod } from '../api/types';

export type ApiResult<T> = { ok: true; value: T; warnings?: string[] } | { ok: false; error: StatusError };

export interface ListOptions {
  /** undefined = all namespaces (-A). */
  namespace?: string;
  /** Raw label selector text (`k=v,k2 in (a,b)`), passed through unparsed. */
  labelSelector?: string;
  /** Raw field selector text (`metadata.name=x`). */
  fieldSelector?: string;
}

/** kubectl patch --type: json (RFC 6902), merge (RFC 7386), strategic (SMP). */
export type { PatchType };

export interface DeleteOptions {
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  gracePeriodSeconds?: number;
}

export interface KubectlApi {
  listJobs(opts: ListOptions): ApiResult<Job[]>;
  getJob(namespace: string, name: string): ApiResult<Job>;
  /** POST; `body` is the decoded manifest (namespace already resolved by kubectl). */
  createJob(namespace: string, body: JsonObject): ApiResult<Job>;
  /** PATCH; `patch` is the JSON text of the patch document. */
  patchJob(namespace: string, name: string, type: PatchType, patch: string): ApiResult<Job>;
  deleteJob(namespace: string, name: string, opts: DeleteOptions): ApiResult<unknown>;

  listPods(opts: ListOptions): ApiResult<Pod[]>;
  getPod(namespace: string, name: string): ApiResult<Pod>;
  patchPod(namespace: string, name: string, type: PatchType, patch: string): ApiResult<Pod>;
  deletePod(namespace: string, name: string, opts: DeleteOptions): ApiResult<unknown>;

  listEvents(opts: ListOptions): ApiResult<KubeEvent[]>;
}
