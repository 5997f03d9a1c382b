// The UI is a cursor over the trace: the API state at time t is the fold of the trace
// entries with timeMs <= t. The trace arrives compact (worker/compact.ts): pod
// transitions as typed columns, Event writes as records, the Job objects whole.
// Seeking never re-simulates: pods fold from the nearest checkpoint (the latest
// transition of every pod, kept every `interval` transitions), or forward from the
// previous position; Events use each record's next write of the same Event; the Job is a
// binary search. A 100,000-completion run seeks in a few milliseconds.

import type { Job } from '../engine/api/types';
import { FLAG_DELETED } from '../worker/compact';
import type { RunData } from '../worker/runData';

/** The pods alive at one instant, in creation order: ids and their latest transition. */
export interface PodSet {
  readonly count: number;
  readonly ids: Int32Array;
  /** Index into the run's pod transition columns, aligned with `ids`. */
  readonly tr: Int32Array;
}

/** The Events alive at one instant, in the order they were last written (record positions). */
export interface EventSet {
  readonly count: number;
  readonly rows: Int32Array;
}

/** The API state at one instant. */
export interface Frame {
  /** Entries folded in, per stream: identity of the frame. */
  podPos: number;
  eventPos: number;
  jobPos: number;
  jobs: Job[];
  pods: PodSet;
  events: EventSet;
}

/** First index i in [0, n) with at(i) > t (the arrays are ascending). */
export function upperBound(n: number, at: (i: number) => number, t: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(mid) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What seeking needs besides the data: checkpoints, the final latest transitions, each Event record's next write. */
export interface IndexParts {
  interval: number;
  checkpoints: Int32Array[];
  /** Latest transition of every pod at the end of the run (length = pod count). */
  latest: Int32Array;
  /** Per Event record: the position of the next write of the same Event (≥ record count when none). */
  eventNext: Int32Array;
}

/** All the parts at once, from the whole run. */
function buildParts(data: RunData, interval?: number): IndexParts {
  const n = data.pTime.length;
  // Keep about 32 checkpoints so memory stays bounded (100k pods: 32 × 400 KB).
  const every = interval ?? Math.max(2048, Math.ceil(n / 32));
  const checkpoints: Int32Array[] = [];
  const latest = new Int32Array(data.podNames.length).fill(-1);
  for (let i = 0; i < n; i++) {
    if (i % every === 0) checkpoints.push(latest.slice());
    latest[data.pId[i] ?? 0] = i;
  }
  const m = data.eTime.length;
  const eventNext = new Int32Array(m).fill(m);
  const seen = new Int32Array(data.eventNames.length).fill(-1);
  for (let r = 0; r < m; r++) {
    const k = data.eKey[r] ?? 0;
    const prev = seen[k] ?? -1;
    if (prev >= 0) eventNext[prev] = r;
    seen[k] = r;
  }
  return { interval: every, checkpoints, latest, eventNext };
}

export class TraceIndex {
  readonly interval: number;
  readonly podCount: number;
  /** checkpoints[k]: latest transition per pod before transition k × interval (may be shorter than podCount: missing = -1). */
  private readonly checkpoints: Int32Array[];
  /** Latest transition per pod after `cache.position` transitions (mutated in place). */
  private cache: { position: number; latest: Int32Array };
  private readonly eventNext: Int32Array;
  private lastFrame: Frame | null = null;

  /** `parts`: a checkpoint interval, or the parts already built chunk by chunk (foldBuilder.ts). */
  constructor(readonly data: RunData, parts?: number | IndexParts) {
    const p = typeof parts === 'object' ? parts : buildParts(data, parts);
    this.podCount = data.podNames.length;
    this.interval = p.interval;
    this.checkpoints = p.checkpoints;
    this.cache = { position: data.pTime.length, latest: p.latest };
    this.eventNext = p.eventNext;
  }

  get times(): Int32Array {
    return this.data.times;
  }

  /** The latest transition of every pod after `position` transitions (read-only view). */
  latestAt(position: number): Int32Array {
    const d = this.data;
    const p = Math.max(0, Math.min(position, d.pTime.length));
    const c = this.cache;
    if (!(c.position <= p && p - c.position <= this.interval)) {
      const k = Math.min(Math.floor(p / this.interval), this.checkpoints.length - 1);
      c.latest = new Int32Array(this.podCount).fill(-1);
      if (k >= 0) c.latest.set((this.checkpoints[k] as Int32Array).subarray(0, this.podCount));
      c.position = k < 0 ? 0 : k * this.interval;
    }
    for (let i = c.position; i < p; i++) c.latest[d.pId[i] ?? 0] = i;
    c.position = p;
    return c.latest;
  }

  private podsAt(position: number): PodSet {
    const latest = this.latestAt(position);
    const flags = this.data.pFlags;
    let count = 0;
    for (let id = 0; id < latest.length; id++) {
      const tr = latest[id] ?? -1;
      if (tr >= 0 && ((flags[tr] ?? 0) & FLAG_DELETED) === 0) count++;
    }
    const ids = new Int32Array(count);
    const trs = new Int32Array(count);
    let k = 0;
    for (let id = 0; id < latest.length; id++) {
      const tr = latest[id] ?? -1;
      if (tr >= 0 && ((flags[tr] ?? 0) & FLAG_DELETED) === 0) {
        ids[k] = id;
        trs[k++] = tr;
      }
    }
    return { count, ids, tr: trs };
  }

  private eventsAt(position: number): EventSet {
    const next = this.eventNext;
    const flags = this.data.eFlags;
    const rows: number[] = [];
    for (let r = 0; r < position; r++) {
      if ((next[r] ?? 0) >= position && ((flags[r] ?? 0) & 1) === 0) rows.push(r);
    }
    return { count: rows.length, rows: Int32Array.from(rows) };
  }

  private jobsAt(position: number): Job[] {
    const byName = new Map<string, Job | null>();
    for (let i = 0; i < position; i++) {
      const e = this.data.jobs[i];
      if (e) byName.set(e.job.metadata.name ?? '', e.deleted ? null : e.job);
    }
    return [...byName.values()].filter((j): j is Job => j !== null);
  }

  /**
   * The state at time t. The same Frame object is returned while no entry separates the
   * two times, so views derived from it re-render only when something changed.
   */
  frameAt(timeMs: number): Frame {
    const d = this.data;
    const podPos = upperBound(d.pTime.length, (i) => d.pTime[i] ?? 0, timeMs);
    const eventPos = upperBound(d.eTime.length, (i) => d.eTime[i] ?? 0, timeMs);
    const jobPos = upperBound(d.jobs.length, (i) => d.jobs[i]?.timeMs ?? 0, timeMs);
    const last = this.lastFrame;
    if (last && last.podPos === podPos && last.eventPos === eventPos && last.jobPos === jobPos) return last;
    const frame: Frame = {
      podPos,
      eventPos,
      jobPos,
      pods: last && last.podPos === podPos ? last.pods : this.podsAt(podPos),
      events: last && last.eventPos === eventPos ? last.events : this.eventsAt(eventPos),
      jobs: last && last.jobPos === jobPos ? last.jobs : this.jobsAt(jobPos),
    };
    this.lastFrame = frame;
    return frame;
  }

  /** The first recorded time strictly after t (or null). */
  nextTime(timeMs: number): number | null {
    const times = this.data.times;
    const i = upperBound(times.length, (k) => times[k] ?? 0, timeMs);
    return i < times.length ? (times[i] ?? null) : null;
  }

  /** The last recorded time strictly before t (or null). */
  prevTime(timeMs: number): number | null {
    const times = this.data.times;
    const i = upperBound(times.length, (k) => times[k] ?? 0, timeMs - 1e-6);
    return i > 0 ? (times[i - 1] ?? null) : null;
  }
}
