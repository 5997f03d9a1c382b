// Public types of the REST facade (rest.ts): request options as the query parameters and
// DeleteOptions body of the batch/v1 and core/v1 endpoints, results, lists and watch events.
// Option values are typed loosely on purpose (string, not a union): hostile or mistyped
// values must come back as the API server's 422 on CreateOptions/DeleteOptions/ListOptions.

import type { StatusError } from './errors';
import type { Job, KubeEvent, KubeObject, Pod } from './types';

/** A successful call: the body, the HTTP code (200/201) and the `Warning:` headers. */
export interface RestOk<T> {
  ok: true;
  value: T;
  code: number;
  warnings: string[];
}

export type RestResult<T> = RestOk<T> | { ok: false; error: StatusError };

/** `null` = the cluster-scoped path (`/apis/batch/v1/jobs`): all namespaces. */
export type NamespaceScope = string | null;

export interface WriteOptions {
  /** `'All'` or `['All']`; anything else is a 422. */
  dryRun?: string | string[];
  /** Strict | Warn | Ignore; server default Warn. */
  fieldValidation?: string;
  fieldManager?: string;
}

export interface PatchOptions extends WriteOptions {
  /** Only meaningful for apply; on other patch types a 422. */
  force?: boolean;
}

export interface Preconditions {
  uid?: string;
  resourceVersion?: string;
}

export interface DeleteOptions {
  dryRun?: string | string[];
  gracePeriodSeconds?: number;
  /** Orphan | Background | Foreground; absent = the resource's default (Orphan for batch/v1 Jobs). */
  propagationPolicy?: string;
  /** Deprecated; true = Orphan, false = Background. */
  orphanDependents?: boolean;
  preconditions?: Preconditions;
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  resourceVersionMatch?: string;
  /** Only valid on watch; on a list it is a 422. */
  sendInitialEvents?: boolean;
}

export interface DeleteCollectionOptions extends DeleteOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export interface WatchOptions extends ListOptions {
  allowWatchBookmarks?: boolean;
  /** Ends the watch after this many seconds of virtual time. */
  timeoutSeconds?: number;
}

export interface ListMeta {
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface ObjectList<T extends KubeObject> {
  apiVersion: string;
  kind: string;
  metadata: ListMeta;
  items: T[];
}

/** The `Status` a delete returns when the object is gone at once. */
export interface StatusSuccess {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success';
  details: { name: string; group: string; kind: string; uid: string };
}

export interface BookmarkObject {
  kind: string;
  apiVersion: string;
  metadata: { resourceVersion: string; annotations?: Record<string, string> };
}

export type WatchEvent<T extends KubeObject> =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: T }
  | { type: 'BOOKMARK'; object: BookmarkObject }
  | { type: 'ERROR'; object: StatusError };

/**
 * A watch as a pull stream (fits the deterministic simulation: nothing is pushed from inside
 * a write). `poll()` returns the events since the previous poll; the handle closes on
 * `stop()`, on timeoutSeconds of virtual time, or after an ERROR event.
 */
export interface WatchHandle<T extends KubeObject> {
  poll(): WatchEvent<T>[];
  stop(): void;
  readonly done: boolean;
  /** The resourceVersion of the last event delivered (resume point). */
  readonly resourceVersion: string;
}

export type AnyObject = Job | Pod | KubeEvent;
