// The trace: an ordered record of everything that happened in a run. It is a stream of
// watch events (what a `kubectl get -w` on Jobs, Pods and Events would have seen), plus
// action outcomes and the controller's "why" notes. Folding the watch events up to a
// time gives the full API state at that time, so the UI is a cursor over this list.

import type { Job, KubeEvent, Pod } from '../api/types';

export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';

interface TraceBase {
  /** Virtual time in integer milliseconds since the scenario's clock start. */
  timeMs: number;
  /** Global insertion order; (timeMs, seq) is a total order. */
  seq: number;
}

export interface WatchEntry extends TraceBase {
  type: 'watch';
  event: WatchType;
  object: Job | Pod | KubeEvent;
}

export type ActionResult = 'ok' | 'rejected' | 'no-target';

export interface ActionEntry extends TraceBase {
  type: 'action';
  /** Position of the action in the scenario's `actions` list. */
  index: number;
  action: string;
  result: ActionResult;
  message: string;
}

/** A controller decision explained with its rule and numbers (shown in the "why" log). */
export interface WhyEntry extends TraceBase {
  type: 'why';
  job: string;
  /** A short stable key for the rule (e.g. `backoffLimit`, `podFailurePolicy`, `manageJob.create`). */
  rule: string;
  text: string;
}

export type TraceEntry = WatchEntry | ActionEntry | WhyEntry;

/** Collects trace entries with a monotonically increasing sequence number. */
export class Trace {
  entries: TraceEntry[] = [];

  /** Hands over the entries recorded so far and starts a new list (the worker streams them). */
  take(): TraceEntry[] {
    const out = this.entries;
    this.entries = [];
    return out;
  }
  private seq = 0;
  /** When false, watch entries are not recorded (big headless runs that only need the end state). */
  constructor(readonly recordWatch = true) {}

  watch(timeMs: number, event: WatchType, object: Job | Pod | KubeEvent): void {
    if (!this.recordWatch) return;
    this.entries.push({ type: 'watch', timeMs, seq: this.seq++, event, object });
  }

  action(timeMs: number, e: Omit<ActionEntry, 'type' | 'timeMs' | 'seq'>): void {
    this.entries.push({ type: 'action', timeMs, seq: this.seq++, ...e });
  }

  why(timeMs: number, job: string, rule: string, text: string): void {
    if (!this.recordWatch) return;
    this.entries.push({ type: 'why', timeMs, seq: this.seq++, job, rule, text });
  }
}
