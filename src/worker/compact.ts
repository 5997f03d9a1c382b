// The compact trace: what crosses from the worker to the main thread instead of the
// engine's full watch objects. A 100,000-completion run has ~600,000 watch entries of
// ~1.4 KB each; structured-cloning them takes seconds. Pods become one small record per
// transition (typed columns, transferable), Events one record per write with their
// strings interned, the few Job objects travel whole (the panels read their status),
// and "why"/action entries travel as they are.

import { JOB_COMPLETION_INDEX, JOB_INDEX_IGNORED_FAILURE_COUNT, type Job, type KubeEvent, type Pod } from '../engine/api/types';
import type { ActionEntry, TraceEntry, WhyEntry } from '../engine/sim/trace';

export type LogEntry = WhyEntry | ActionEntry;

export const PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const;
export const FLAG_READY = 1;
export const FLAG_TERMINATING = 2;
export const FLAG_DISRUPTED = 4;
/** The pod was DELETED by this entry. */
export const FLAG_DELETED = 8;

export interface JobEntry {
  timeMs: number;
  seq: number;
  deleted: boolean;
  job: Job;
}

/** One slice of the trace, in trace order. Ids (strings, pods, events) continue across chunks. */
export interface TraceChunk {
  strings: string[];
  podNames: string[];
  podIndex: Int32Array;
  podAttempt: Int32Array;
  /** The pod's job-index-ignored-failure-count annotation at creation (0 when absent). */
  podIgnored: Int32Array;
  /** Pod transitions. */
  pTime: Int32Array;
  pId: Int32Array;
  pPhase: Uint8Array;
  pFlags: Uint8Array;
  pExit: Int16Array;
  pRestarts: Int32Array;
  pReason: Int32Array;
  /** Event writes (key = event id; strings are ids into the string table). */
  eventNames: string[];
  eTime: Int32Array;
  eKey: Int32Array;
  eFlags: Uint8Array;
  eReason: Int32Array;
  eMessage: Int32Array;
  eComponent: Int32Array;
  eCount: Int32Array;
  eLastMs: Float64Array;
  jobs: JobEntry[];
  log: LogEntry[];
  /** Distinct times of this chunk's entries, ascending. */
  times: Int32Array;
}

/** The buffers of a chunk, for postMessage's transfer list. */
export function chunkTransfer(c: TraceChunk): ArrayBuffer[] {
  const arrays = [c.podIndex, c.podAttempt, c.podIgnored, c.pTime, c.pId, c.pPhase, c.pFlags, c.pExit, c.pRestarts, c.pReason, c.eTime, c.eKey, c.eFlags, c.eReason, c.eMessage, c.eComponent, c.eCount, c.eLastMs, c.times];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

interface PodCode {
  phase: number;
  flags: number;
  exit: number;
  restarts: number;
}

function podCode(p: Pod): PodCode {
  const phase = PHASES.indexOf(p.status.phase);
  let flags = 0;
  if (p.metadata.deletionTimestamp !== undefined) flags |= FLAG_TERMINATING;
  for (const c of p.status.conditions ?? []) {
    if (c.type === 'Ready' && c.status === 'True') flags |= FLAG_READY;
    if (c.type === 'DisruptionTarget' && c.status === 'True') flags |= FLAG_DISRUPTED;
  }
  let exit = -1;
  let restarts = 0;
  for (const s of p.status.containerStatuses ?? []) {
    restarts += s.restartCount;
    const code = s.state.terminated?.exitCode;
    if (code !== undefined && (exit === -1 || code !== 0)) exit = code;
  }
  return { phase: phase < 0 ? 4 : phase, flags, exit, restarts };
}

function ignoredFailures(p: Pod): number {
  const n = Number(p.metadata.annotations?.[JOB_INDEX_IGNORED_FAILURE_COUNT] ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

function completionIndex(p: Pod): number {
  const raw = p.metadata.labels?.[JOB_COMPLETION_INDEX] ?? p.metadata.annotations?.[JOB_COMPLETION_INDEX];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) ? n : -1;
}

/** Turns trace entries into chunks; keeps the id tables between chunks. */
export class TraceEncoder {
  private readonly strings = new Map<string, number>();
  private readonly pods = new Map<string, number>();
  private readonly events = new Map<string, number>();
  private lastTime = Number.NaN;
  private lastStamp: string | undefined = undefined;
  private lastStampMs = -1;
  private lastStatus: Pod['status'] | null = null;
  private lastTerminating = false;
  private lastCode: PodCode = { phase: 4, flags: 0, exit: -1, restarts: 0 };

  constructor(private readonly attemptOf: (p: Pod) => number = () => 0) {}

  encode(entries: readonly TraceEntry[]): TraceChunk {
    const newStrings: string[] = [];
    const str = (s: string): number => {
      let id = this.strings.get(s);
      if (id === undefined) {
        id = this.strings.size;
        this.strings.set(s, id);
        newStrings.push(s);
      }
      return id;
    };
    const podNames: string[] = [];
    const podIndex: number[] = [];
    const podAttempt: number[] = [];
    const podIgnored: number[] = [];
    const p = { time: [] as number[], id: [] as number[], phase: [] as number[], flags: [] as number[], exit: [] as number[], restarts: [] as number[], reason: [] as number[] };
    const eventNames: string[] = [];
    const e = { time: [] as number[], key: [] as number[], flags: [] as number[], reason: [] as number[], message: [] as number[], component: [] as number[], count: [] as number[], last: [] as number[] };
    const jobs: JobEntry[] = [];
    const log: LogEntry[] = [];
    const times: number[] = [];
    for (const entry of entries) {
      if (entry.timeMs !== this.lastTime) {
        times.push(entry.timeMs);
        this.lastTime = entry.timeMs;
      }
      if (entry.type !== 'watch') {
        log.push(entry);
        continue;
      }
      const o = entry.object;
      const deleted = entry.event === 'DELETED';
      // An object's identity is its uid (the same string in every version of it, so the
      // lookup hashes nothing new); a pod created again under an old name is a new pod.
      const key = o.metadata.uid ?? `${o.metadata.namespace ?? 'default'}/${o.metadata.name ?? ''}`;
      if (o.kind === 'Job') {
        jobs.push({ timeMs: entry.timeMs, seq: entry.seq, deleted, job: o });
      } else if (o.kind === 'Pod') {
        // ADDED is a new object: no need to look for it.
        let id = entry.event === 'ADDED' ? undefined : this.pods.get(key);
        if (id === undefined) {
          id = this.pods.size;
          this.pods.set(key, id);
          podNames.push(o.metadata.name ?? '');
          podIndex.push(completionIndex(o));
          podAttempt.push(this.attemptOf(o));
          podIgnored.push(ignoredFailures(o));
        }
        const c = this.podCode(o);
        p.time.push(entry.timeMs);
        p.id.push(id);
        p.phase.push(c.phase);
        p.flags.push(deleted ? c.flags | FLAG_DELETED : c.flags);
        p.exit.push(c.exit);
        p.restarts.push(c.restarts);
        p.reason.push(str(o.status.reason ?? ''));
      } else {
        this.encodeEvent(o, entry.timeMs, deleted, entry.event === 'ADDED', key, eventNames, e, str);
      }
    }
    return {
      strings: newStrings,
      podNames,
      podIndex: Int32Array.from(podIndex),
      podAttempt: Int32Array.from(podAttempt),
      podIgnored: Int32Array.from(podIgnored),
      pTime: Int32Array.from(p.time),
      pId: Int32Array.from(p.id),
      pPhase: Uint8Array.from(p.phase),
      pFlags: Uint8Array.from(p.flags),
      pExit: Int16Array.from(p.exit),
      pRestarts: Int32Array.from(p.restarts),
      pReason: Int32Array.from(p.reason),
      eventNames,
      eTime: Int32Array.from(e.time),
      eKey: Int32Array.from(e.key),
      eFlags: Uint8Array.from(e.flags),
      eReason: Int32Array.from(e.reason),
      eMessage: Int32Array.from(e.message),
      eComponent: Int32Array.from(e.component),
      eCount: Int32Array.from(e.count),
      eLastMs: Float64Array.from(e.last),
      jobs,
      log,
      times: Int32Array.from(times),
    };
  }

  private encodeEvent(
    o: KubeEvent,
    timeMs: number,
    deleted: boolean,
    added: boolean,
    key: string,
    names: string[],
    e: Record<'time' | 'key' | 'flags' | 'reason' | 'message' | 'component' | 'count' | 'last', number[]>,
    str: (s: string) => number,
  ): void {
    let id = added ? undefined : this.events.get(key);
    if (id === undefined) {
      id = this.events.size;
      this.events.set(key, id);
      names.push(o.metadata.name ?? '');
    }
    e.time.push(timeMs);
    e.key.push(id);
    e.flags.push((deleted ? 1 : 0) | (o.type === 'Warning' ? 2 : 0));
    e.reason.push(str(o.reason));
    e.message.push(str(o.message));
    e.component.push(str(o.source.component));
    e.count.push(o.count);
    if (o.lastTimestamp !== this.lastStamp) {
      const ms = Date.parse(o.lastTimestamp);
      this.lastStamp = o.lastTimestamp;
      this.lastStampMs = Number.isNaN(ms) ? -1 : ms;
    }
    e.last.push(this.lastStampMs);
  }

  /**
   * podCode for the pod's status, reusing the last result while consecutive entries carry
   * the same status object (pods that took a step together share it, see kubelet/pod_status.ts).
   */
  private podCode(p: Pod): PodCode {
    const terminating = p.metadata.deletionTimestamp !== undefined;
    if (p.status !== this.lastStatus || terminating !== this.lastTerminating) {
      this.lastCode = podCode(p);
      this.lastStatus = p.status;
      this.lastTerminating = terminating;
    }
    return this.lastCode;
  }
}
