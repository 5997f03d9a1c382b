// The UI is a cursor over the trace: the API state at time t is the fold of the watch
// entries with timeMs <= t. TraceIndex makes seeking cheap by keeping a snapshot of the
// object map every `interval` watch entries; a seek folds forward from the nearest
// snapshot, and moving forward from the previous position folds only the new entries.

import type { Job, KubeEvent, KubeObject, Pod } from '../engine/api/types';
import type { TraceEntry, WatchEntry } from '../engine/sim/trace';

export function objectKey(o: KubeObject): string {
  return `${o.kind}/${o.metadata.namespace ?? 'default'}/${o.metadata.name ?? ''}`;
}

/** The API state at one instant. Objects are the trace's own (treat them as read-only). */
export interface Frame {
  /** Number of watch entries folded in. */
  position: number;
  objects: ReadonlyMap<string, KubeObject>;
  jobs: Job[];
  pods: Pod[];
  events: KubeEvent[];
}

type EntryMap = Map<string, WatchEntry>;

function apply(map: EntryMap, e: WatchEntry): void {
  const key = objectKey(e.object);
  if (e.event === 'DELETED') map.delete(key);
  else map.set(key, e);
}

export class TraceIndex {
  readonly watch: WatchEntry[];
  /** Distinct times at which anything is recorded, ascending (Step / Step back). */
  readonly times: number[];
  readonly interval: number;
  private readonly checkpoints: EntryMap[] = [];
  private last: { position: number; map: EntryMap } | null = null;
  private lastFrame: Frame | null = null;
  /** The seq of each object's first appearance: pods are listed in creation order. */
  private readonly firstSeq = new Map<string, number>();

  constructor(trace: readonly TraceEntry[], interval?: number) {
    this.watch = trace.filter((e): e is WatchEntry => e.type === 'watch');
    // Keep about 64 snapshots at most so memory stays bounded for huge traces.
    this.interval = interval ?? Math.max(256, Math.ceil(this.watch.length / 64));
    const map: EntryMap = new Map();
    this.watch.forEach((e, i) => {
      if (i % this.interval === 0) this.checkpoints.push(new Map(map));
      apply(map, e);
      const key = objectKey(e.object);
      if (!this.firstSeq.has(key)) this.firstSeq.set(key, e.seq);
    });
    const times: number[] = [];
    for (const e of trace) if (times[times.length - 1] !== e.timeMs) times.push(e.timeMs);
    this.times = [...new Set(times)].sort((a, b) => a - b);
  }

  /** How many watch entries have timeMs <= t (binary search; the trace is ordered). */
  positionAt(timeMs: number): number {
    let lo = 0;
    let hi = this.watch.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.watch[mid]?.timeMs ?? Infinity) <= timeMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The latest watch entry of every live object after `position` entries (a fresh Map). */
  entriesAt(position: number): Map<string, WatchEntry> {
    const p = Math.max(0, Math.min(position, this.watch.length));
    const k = Math.min(Math.floor(p / this.interval), this.checkpoints.length - 1);
    let start = k < 0 ? 0 : k * this.interval;
    let map: EntryMap;
    if (this.last && this.last.position <= p && this.last.position >= start) {
      start = this.last.position;
      map = new Map(this.last.map);
    } else {
      map = new Map(k < 0 ? undefined : this.checkpoints[k]);
    }
    for (let i = start; i < p; i++) {
      const e = this.watch[i];
      if (e) apply(map, e);
    }
    this.last = { position: p, map: new Map(map) };
    return map;
  }

  /**
   * The state at time t. The same Frame object is returned while no watch entry separates
   * the two times, so views derived from it re-render only when something changed.
   */
  frameAt(timeMs: number): Frame {
    const position = this.positionAt(timeMs);
    if (this.lastFrame && this.lastFrame.position === position) return this.lastFrame;
    const entries = this.entriesAt(position);
    const objects = new Map<string, KubeObject>();
    const jobs: Job[] = [];
    const pods: Pod[] = [];
    const eventEntries: WatchEntry[] = [];
    for (const [key, e] of entries) {
      const o = e.object;
      objects.set(key, o);
      if (o.kind === 'Job') jobs.push(o);
      else if (o.kind === 'Pod') pods.push(o);
      else eventEntries.push(e);
    }
    const bySeq = (a: KubeObject, b: KubeObject) =>
      (this.firstSeq.get(objectKey(a)) ?? 0) - (this.firstSeq.get(objectKey(b)) ?? 0);
    pods.sort(bySeq);
    jobs.sort(bySeq);
    // Events in the order they were last written (kubectl describe sorts by lastTimestamp,
    // which has whole-second resolution; the trace order breaks the ties faithfully).
    eventEntries.sort((a, b) => a.seq - b.seq);
    const events = eventEntries.map((e) => e.object as KubeEvent);
    this.lastFrame = { position, objects, jobs, pods, events };
    return this.lastFrame;
  }

  /** The first recorded time strictly after t (or null). */
  nextTime(timeMs: number): number | null {
    for (const t of this.times) if (t > timeMs) return t;
    return null;
  }

  /** The last recorded time strictly before t (or null). */
  prevTime(timeMs: number): number | null {
    let best: number | null = null;
    for (const t of this.times) {
      if (t < timeMs) best = t;
      else break;
    }
    return best;
  }
}
