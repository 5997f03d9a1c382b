// Mirrors pkg/controller/ttlafterfinished: a finished Job (Complete or Failed) with
// ttlSecondsAfterFinished is deleted with propagationPolicy Foreground once
// finishTime + ttl has passed. The interim conditions do not count; no event is emitted.

import type { ObjectStore } from '../api/server';
import type { Job, KubeObject } from '../api/types';
import type { WatchType } from '../sim/trace';
import { finishedCondition } from '../controller/utils';

export interface TtlHost {
  store: ObjectStore;
  nowMs: () => number;
  schedule: (delayMs: number, fn: () => void) => void;
}

export class TtlAfterFinishedController {
  /** Jobs (by uid) with a TTL deletion scheduled, and when. */
  private pending = new Map<string, number>();

  constructor(private readonly host: TtlHost) {}

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  onChange(type: WatchType, obj: KubeObject): void {
    if (obj.kind !== 'Job') return;
    const uid = obj.metadata.uid ?? '';
    if (type === 'DELETED') {
      this.pending.delete(uid);
      return;
    }
    this.processJob(obj);
  }

  private finishTimeMs(job: Job): number | null {
    const c = finishedCondition(job);
    return c ? this.host.store.clock.sinceStart(c.lastTransitionTime) : null;
  }

  private processJob(job: Job): void {
    const uid = job.metadata.uid ?? '';
    const ttl = job.spec.ttlSecondsAfterFinished;
    const finished = this.finishTimeMs(job);
    if (ttl === undefined || finished === null || job.metadata.deletionTimestamp !== undefined) {
      this.pending.delete(uid);
      return;
    }
    const expireAt = finished + ttl * 1000;
    if (this.pending.get(uid) === expireAt) return;
    this.pending.set(uid, expireAt);
    this.host.schedule(Math.max(0, expireAt - this.host.nowMs()), () => this.expire(job, expireAt));
  }

  private expire(old: Job, expireAt: number): void {
    const uid = old.metadata.uid ?? '';
    if (this.pending.get(uid) !== expireAt) return;
    this.pending.delete(uid);
    // Re-read the Job (a fresh GET) and delete it only if it is still the same, expired Job.
    const job = this.host.store.getJob(old.metadata.namespace ?? 'default', old.metadata.name ?? '');
    if (!job || job.metadata.uid !== uid || job.metadata.deletionTimestamp !== undefined) return;
    const ttl = job.spec.ttlSecondsAfterFinished;
    const finished = this.finishTimeMs(job);
    if (ttl === undefined || finished === null) return;
    if (this.host.nowMs() < finished + ttl * 1000) {
      this.processJob(job);
      return;
    }
    this.host.store.trace.why(this.host.nowMs(), job.metadata.name ?? '', 'ttlSecondsAfterFinished', `finished + ttlSecondsAfterFinished ${ttl}s elapsed → Job deleted (propagationPolicy Foreground)`);
    this.host.store.deleteJob(job.metadata.namespace ?? 'default', job.metadata.name ?? '', 'Foreground');
  }
}
