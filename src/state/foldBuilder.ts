// Builds a run's TraceIndex parts (fold.ts) chunk by chunk while the trace streams in, so
// the end of a 100,000-completion run does not pay for them in one long main-thread task
// (the "Performance at the API's limits" issue: no task over 50 ms). Checkpoints start
// every 2048 transitions; past 32 of them every other one is dropped and the interval
// doubles, which keeps the same bound (~32 checkpoints) without knowing the run's length.

import type { TraceChunk } from '../worker/compact';
import type { RunData } from '../worker/runData';
import { TraceIndex } from './fold';

const MAX_CHECKPOINTS = 32;
/** "No later write of this Event": larger than any record position. */
const NEVER = 0x7fffffff;

function grow(a: Int32Array<ArrayBuffer>, need: number, fill: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const out = new Int32Array(Math.max(need, a.length * 2)).fill(fill);
  out.set(a);
  return out;
}

export class TraceIndexBuilder {
  private checkpoints: Int32Array[] = [];
  private latest = new Int32Array(0);
  private pods = 0;
  private transitions = 0;
  private eventNext = new Int32Array(0);
  private lastWrite = new Int32Array(0);
  private events = 0;
  private eventKeys = 0;

  /** The parameters exist for tests (thinning on a small trace). */
  constructor(
    private interval = 2048,
    private readonly maxCheckpoints = MAX_CHECKPOINTS,
  ) {}

  /** Folds one chunk in (chunks in trace order, as TraceEncoder made them). */
  append(c: TraceChunk): void {
    this.pods += c.podNames.length;
    this.latest = grow(this.latest, this.pods, -1);
    for (let i = 0; i < c.pId.length; i++) {
      const g = this.transitions + i;
      if (g % this.interval === 0) this.checkpoint();
      this.latest[c.pId[i] ?? 0] = g;
    }
    this.transitions += c.pId.length;
    this.eventKeys += c.eventNames.length;
    this.lastWrite = grow(this.lastWrite, this.eventKeys, -1);
    this.eventNext = grow(this.eventNext, this.events + c.eKey.length, NEVER);
    for (let r = 0; r < c.eKey.length; r++) {
      const g = this.events + r;
      const k = c.eKey[r] ?? 0;
      const prev = this.lastWrite[k] ?? -1;
      if (prev >= 0) this.eventNext[prev] = g;
      this.lastWrite[k] = g;
    }
    this.events += c.eKey.length;
  }

  private checkpoint(): void {
    this.checkpoints.push(this.latest.slice(0, this.pods));
    if (this.checkpoints.length > this.maxCheckpoints) {
      this.checkpoints = this.checkpoints.filter((_, k) => k % 2 === 0);
      this.interval *= 2;
    }
  }

  /** The index over the joined data (built from scratch if the data is not what was appended). */
  finish(data: RunData): TraceIndex {
    const consistent = data.pTime.length === this.transitions && data.podNames.length === this.pods && data.eTime.length === this.events;
    if (!consistent) return new TraceIndex(data);
    return new TraceIndex(data, {
      interval: this.interval,
      checkpoints: this.checkpoints,
      latest: this.latest.slice(0, this.pods),
      eventNext: this.eventNext.slice(0, this.events),
    });
  }
}
