// The bounded event history of the store (the apiserver's watch cache, cacher/watch_cache.go):
// a ring buffer of the last N watch events, each with the store revision it produced. It
// serves watches that resume from a resourceVersion ("too old resource version" once the
// wanted events were evicted) and lists at an older revision (continue tokens, Exact RV)
// by undoing the newer events on top of the current state.

import type { KubeObject } from './types';

export type HistoryEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface HistoryEntry {
  type: HistoryEventType;
  /** The object as the event carries it (its metadata.resourceVersion is `rv`). */
  obj: KubeObject;
  /** The state before the event (MODIFIED, DELETED); undefined for ADDED. */
  old: KubeObject | undefined;
  rv: number;
  timeMs: number;
}

export const DEFAULT_HISTORY_CAPACITY = 1000;

export class WatchHistory {
  private readonly buf: (HistoryEntry | undefined)[];
  /** Number of entries ever recorded; entry i lives at buf[i % capacity]. */
  private count = 0;

  constructor(readonly capacity = DEFAULT_HISTORY_CAPACITY) {
    this.buf = new Array<HistoryEntry | undefined>(Math.max(1, capacity));
  }

  /** `rv`: the object's resourceVersion as a number, when the caller has it (else parsed). */
  record(type: HistoryEventType, obj: KubeObject, old: KubeObject | undefined, timeMs: number, rv?: number): void {
    let n = rv;
    if (n === undefined) {
      const parsed = Number(obj.metadata.resourceVersion ?? '0');
      n = Number.isFinite(parsed) ? parsed : 0;
    }
    // The slot's entry is reused: every write records one, and readers copy what they keep.
    const slot = this.count % this.buf.length;
    const e = this.buf[slot];
    if (e === undefined) this.buf[slot] = { type, obj, old, rv: n, timeMs };
    else {
      e.type = type;
      e.obj = obj;
      e.old = old;
      e.rv = n;
      e.timeMs = timeMs;
    }
    this.count += 1;
  }

  /** Global index of the first entry still held. */
  get firstSeq(): number {
    return Math.max(0, this.count - this.buf.length);
  }

  /** Global index one past the newest entry. */
  get endSeq(): number {
    return this.count;
  }

  at(seq: number): HistoryEntry | undefined {
    if (seq < this.firstSeq || seq >= this.count) return undefined;
    return this.buf[seq % this.buf.length];
  }

  /**
   * The oldest revision a watch or list can start from: events after it are all held.
   * Mirrors the watch cache's `oldest-1` bound; `1` while nothing was evicted.
   */
  oldestResumableRv(): number {
    if (this.count <= this.buf.length) return 1;
    return (this.at(this.firstSeq)?.rv ?? 1) - 1;
  }

  /** Global index of the first held entry with rv > `rv` (endSeq when none). */
  seqAfter(rv: number): number {
    let lo = this.firstSeq;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.at(mid)?.rv ?? 0) > rv) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /**
   * The objects of one kind as they were at revision `rv`, rebuilt from `current` by undoing
   * newer events; null when events after `rv` were already evicted.
   */
  snapshot<T extends KubeObject>(kind: T['kind'], current: Map<string, T>, rv: number): Map<string, T> | null {
    if (rv < this.oldestResumableRv()) return null;
    const out = new Map(current);
    for (let seq = this.count - 1; seq >= this.firstSeq; seq--) {
      const e = this.at(seq);
      if (e === undefined || e.rv <= rv) break;
      if (e.obj.kind !== kind) continue;
      const key = `${e.obj.metadata.namespace ?? 'default'}/${e.obj.metadata.name ?? ''}`;
      if (e.type === 'ADDED' || e.old === undefined) out.delete(key);
      else out.set(key, e.old as T);
    }
    return out;
  }
}
