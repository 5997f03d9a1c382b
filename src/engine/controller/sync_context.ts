// The state one syncJob call works on (upstream: syncJobCtx) and the plan it returns.
// Kernels never write to the API: they return a SyncPlan that the simulation applies.

import type { OwnedPods } from '../api/pod_index';
import type { Job, JobCondition, JobStatus, Pod } from '../api/types';
import type { BackoffRecord } from './backoff_utils';
import type { OrderedIntervals } from './indexed_job_utils';

export interface SyncInput {
  job: Job;
  /** Pods owned by the Job (controller ownerReference), classified, each class in creation order. */
  pods: OwnedPods;
  nowMs: number;
  nowIso: string;
  /** ms since t=0 of an RFC 3339 timestamp. */
  sinceStart: (iso: string | undefined) => number | null;
  backoff: BackoffRecord;
}

export interface SyncJobCtx {
  job: Job;
  pods: OwnedPods;
  /** FilterActivePods (built on first use: most syncs only need the count). */
  readonly activePods: Pod[];
  ready: number;
  terminating: number;
  succeeded: number;
  failed: number;
  prevSucceededIndexes: OrderedIntervals;
  succeededIndexes: OrderedIntervals;
  failedIndexes: OrderedIntervals | null;
  podsWithDelayedDeletionPerIndex: Map<number, Pod>;
  newBackoffRecord: BackoffRecord;
  finishedCondition: JobCondition | null;
  /** UIDs whose finalizer this sync already removes (manageJob deletions). */
  expectedRmFinalizers: Set<string>;
  finishedAt: (p: Pod) => number;
  plan: SyncPlan;
  input: SyncInput;
}

export interface PlannedEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface SyncPlan {
  /** Pods to DELETE; removeFinalizerFirst: the tracking finalizer is removed before (deleteJobPods). */
  deletions: Array<{ pod: Pod; removeFinalizerFirst: boolean }>;
  /** Pods to create with metadata.generateName. */
  creations: Pod[];
  /** Pods whose tracking finalizer is removed after the status write. */
  finalizerRemovals: Pod[];
  /** The new status to write, or null when nothing changed. */
  status: JobStatus | null;
  /** Events emitted after the creations/deletions (Suspended, Resumed, finish events). */
  events: PlannedEvent[];
  /** Requeue delays requested (the earliest wins). */
  requeueAfterMs: number[];
  /** The new pod-failure backoff record, stored after the status write. */
  backoff: BackoffRecord | null;
  /** Explanations of decisions for the "why" log. */
  why: Array<{ rule: string; text: string }>;
}

export const emptyPlan = (): SyncPlan => ({
  deletions: [],
  creations: [],
  finalizerRemovals: [],
  status: null,
  events: [],
  requeueAfterMs: [],
  backoff: null,
  why: [],
});
