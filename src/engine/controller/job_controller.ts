// The Job controller's host side (upstream: Controller in job_controller.go): watches
// Jobs and Pods, keeps the work queue (a sync per Job key, deduplicated, with delays),
// the in-memory pod-failure backoff records, and applies the plans syncJob returns.

import { updateJobStatus } from '../api/jobs';
import type { ObjectStore } from '../api/server';
import { JOB_TRACKING_FINALIZER, type Job, type KubeObject, type OwnerReference, type Pod } from '../api/types';
import { getControllerOf } from '../api/owner';
import type { WatchType } from '../sim/trace';
import { emptyBackoffRecord, type BackoffRecord } from './backoff_utils';
import type { SyncPlan } from './sync_context';
import { syncJob } from './sync_job';
import { hasJobTrackingFinalizer, isJobFinished } from './utils';

export interface ControllerHost {
  store: ObjectStore;
  nowMs: () => number;
  /** Schedule fn at now + delayMs on the simulation queue. */
  schedule: (delayMs: number, fn: () => void) => void;
  syncDelayMs: number;
  /** Observes the Job and its pods right after a sync wrote status (invariant checks); null when nobody does. */
  afterSync?: () => ((job: Job, pods: Pod[]) => void) | null;
}

const COMPONENT = 'job-controller';

export class JobController {
  /** The times of the syncs queued per Job key (one or two: a plain array, no iterator). */
  private pendingSyncAt = new Map<string, number[]>();
  private backoff = new Map<string, BackoffRecord>();
  private whySeen = new Map<string, { timeMs: number; texts: Set<string> }>();
  syncs = 0;

  constructor(private readonly host: ControllerHost) {}

  onChange(type: WatchType, obj: KubeObject, old: KubeObject | undefined): void {
    if (obj.kind === 'Job') {
      const key = `${obj.metadata.namespace ?? 'default'}/${obj.metadata.name ?? ''}`;
      if (type === 'DELETED') {
        this.backoff.delete(key);
        this.cleanupOrphanPods(obj);
        return;
      }
      this.enqueue(key, type === 'MODIFIED' && old !== undefined && isStatusOnly(obj, old as Job) ? this.host.syncDelayMs : 0);
      return;
    }
    if (obj.kind !== 'Pod') return;
    const ref = controllerJobRef(obj);
    const ns = obj.metadata.namespace ?? 'default';
    const key = ref ? this.ownerKey(ns, ref.name) : '';
    const job = ref ? this.host.store.jobs.get(key) : undefined;
    if (!ref || !job || job.metadata.uid !== ref.uid || isJobFinished(job)) {
      // The orphan worker: a pod of a gone or finished Job loses the tracking finalizer.
      if (type !== 'DELETED' && hasJobTrackingFinalizer(obj)) this.host.schedule(0, () => this.removeFinalizer(obj));
      return;
    }
    this.enqueue(key, this.host.syncDelayMs);
  }

  private lastOwner = { ns: '', name: '', key: '' };

  /** The store key of a pod's owner; the pods of a Job arrive in runs, so the last one is kept. */
  private ownerKey(ns: string, name: string): string {
    const last = this.lastOwner;
    if (last.ns !== ns || last.name !== name) this.lastOwner = { ns, name, key: this.host.store.keyOf(ns, name) };
    return this.lastOwner.key;
  }

  /**
   * queue.AddAfter: a sync already pending at or before the wanted time covers this
   * request, because every sync recomputes (and re-requests) what it still needs.
   */
  enqueue(key: string, delayMs: number): void {
    const now = this.host.nowMs();
    const at = now + Math.max(0, delayMs);
    let pending = this.pendingSyncAt.get(key);
    if (pending === undefined) this.pendingSyncAt.set(key, (pending = []));
    for (let i = 0; i < pending.length; i++) if ((pending[i] as number) <= at) return;
    pending.push(at);
    this.host.schedule(at - now, () => {
      const left = this.pendingSyncAt.get(key);
      const i = left === undefined ? -1 : left.indexOf(at);
      if (i >= 0) left?.splice(i, 1);
      this.sync(key);
    });
  }

  private sync(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const store = this.host.store;
    const job = store.getJob(ns, name);
    if (!job) {
      this.backoff.delete(key);
      return;
    }
    this.syncs++;
    const nowMs = this.host.nowMs();
    const plan = syncJob({
      job,
      pods: store.ownedPods(job.metadata.uid ?? ''),
      nowMs,
      nowIso: store.clock.iso(nowMs),
      sinceStart: (iso) => store.clock.sinceStart(iso),
      backoff: this.backoff.get(key) ?? emptyBackoffRecord(),
    });
    if (isJobFinished(job)) this.backoff.delete(key);
    this.apply(key, job, plan);
  }

  private apply(key: string, job: Job, plan: SyncPlan): void {
    const store = this.host.store;
    const ns = job.metadata.namespace ?? 'default';
    for (const d of plan.deletions) {
      if (d.removeFinalizerFirst) this.removeFinalizer(d.pod);
      const res = store.deletePod(ns, d.pod.metadata.name ?? '');
      if (res.ok) store.recordEvent(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${d.pod.metadata.name}`, COMPONENT);
    }
    for (const p of plan.creations) {
      let name = store.generateName(p.metadata.generateName ?? '');
      for (let i = 0; i < 8 && store.getPod(ns, name); i++) name = store.generateName(p.metadata.generateName ?? '');
      // The planned pod is this sync's own object: named in place and handed to the store.
      p.metadata.name = name;
      store.addFresh(p);
      store.recordEvent(job, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, COMPONENT);
    }
    let current = job;
    if (plan.status !== null) {
      const res = updateJobStatus(store, { ...job, status: plan.status });
      if (res.ok) current = res.value;
      const observer = this.host.afterSync?.() ?? null;
      if (observer !== null) observer(current, store.podsOwnedBy(job.metadata.uid ?? ''));
    }
    for (const p of plan.finalizerRemovals) this.removeFinalizer(p);
    for (const e of plan.events) store.recordEvent(current, e.type, e.reason, e.message, COMPONENT);
    if (plan.backoff !== null && !isJobFinished(current)) this.backoff.set(key, plan.backoff);
    for (const w of plan.why) {
      // Several syncs at one instant often reach the same decision: explain it once.
      const now = this.host.nowMs();
      let seen = this.whySeen.get(key);
      if (seen === undefined || seen.timeMs !== now) this.whySeen.set(key, (seen = { timeMs: now, texts: new Set() }));
      if (seen.texts.has(w.text)) continue;
      seen.texts.add(w.text);
      store.trace.why(this.host.nowMs(), job.metadata.name ?? '', w.rule, w.text);
    }
    if (plan.requeueAfterMs.length > 0) this.enqueue(key, Math.min(...plan.requeueAfterMs));
  }

  private removeFinalizer(pod: Pod): void {
    const store = this.host.store;
    const key = store.keyOf(pod.metadata.namespace ?? 'default', pod.metadata.name ?? '');
    const cur = store.pods.get(key);
    if (!cur || cur.metadata.uid !== pod.metadata.uid || !hasJobTrackingFinalizer(cur)) return;
    const finalizers = (cur.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
    store.putFresh({ ...cur, metadata: { ...cur.metadata, finalizers } }, key, true);
  }

  /** After a Job is gone, its pods' tracking finalizers are stripped (orphan cleanup). */
  private cleanupOrphanPods(job: Job): void {
    const store = this.host.store;
    for (const p of [...store.pods.values()]) {
      if (!hasJobTrackingFinalizer(p)) continue;
      const ref = getControllerOf(p);
      if (ref === undefined || ref.uid === job.metadata.uid) this.host.schedule(0, () => this.removeFinalizer(p));
    }
  }
}

function isStatusOnly(job: Job, old: Job): boolean {
  return job.metadata.generation === old.metadata.generation && job.metadata.deletionTimestamp === old.metadata.deletionTimestamp;
}

/** The pod's controller owner reference when it is a Job. */
function controllerJobRef(pod: Pod): OwnerReference | undefined {
  const ref = getControllerOf(pod);
  return ref !== undefined && ref.kind === 'Job' ? ref : undefined;
}
