// Records, from the watch stream, the per-pod and per-event summary the headless runner
// prints (scenario-format.md `--output json`): every pod ever created, in creation order.

import type { KubeEvent, KubeObject, Pod } from '../api/types';
import type { EventSummary, PodSummary } from './result';
import type { WatchType } from './trace';
import { isTerminalPhase } from '../controller/utils';

function exitCodeOf(p: Pod): number | null {
  const statuses = [...(p.status.containerStatuses ?? []), ...(p.status.initContainerStatuses ?? [])];
  let code: number | null = null;
  for (const s of statuses) {
    const t = s.state.terminated ?? s.lastState?.terminated;
    if (t === undefined) continue;
    if (code === null || (code === 0 && t.exitCode !== 0)) code = t.exitCode;
  }
  return code;
}

/** The summary fields that only depend on the pod's latest state (filled in when read). */
function fillFromLatest(s: PodSummary, obj: Pod): void {
  s.phase = obj.status.phase;
  s.exitCode = exitCodeOf(obj);
  s.restartCount = (obj.status.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0);
  s.conditions = (obj.status.conditions ?? []).map((c) => (c.reason !== undefined ? { type: c.type, status: c.status, reason: c.reason } : { type: c.type, status: c.status }));
}

interface PodRecord {
  summary: PodSummary;
  latest: Pod;
}

export class SummaryRecorder {
  private records: PodRecord[] = [];
  private byUid = new Map<string, PodRecord>();
  readonly eventObjects: KubeEvent[] = [];
  /** The time (s) each of eventObjects was recorded; the summaries are built when read. */
  private eventTimes: number[] = [];

  constructor(
    private readonly nowMs: () => number,
    private readonly attemptOf: (uid: string) => number,
    private readonly indexOf: (p: Pod) => number | null,
  ) {}

  /** Every pod ever created, in creation order, as of the latest event. */
  get pods(): PodSummary[] {
    return this.records.map((r) => {
      fillFromLatest(r.summary, r.latest);
      return r.summary;
    });
  }

  /** Every Event recorded, in order. */
  get events(): EventSummary[] {
    return this.eventObjects.map((ev, i) => ({
      atSeconds: this.eventTimes[i] ?? 0,
      type: ev.type,
      reason: ev.reason,
      object: `${ev.involvedObject.kind}/${ev.involvedObject.name}`,
      message: ev.message,
    }));
  }

  observe(type: WatchType, obj: KubeObject): void {
    if (obj.kind === 'Event') {
      if (type !== 'ADDED') return;
      this.eventObjects.push(obj);
      this.eventTimes.push(this.nowMs() / 1000);
      return;
    }
    if (obj.kind !== 'Pod') return;
    const uid = obj.metadata.uid ?? '';
    let r = this.byUid.get(uid);
    const t = this.nowMs() / 1000;
    if (r === undefined) {
      if (type !== 'ADDED') return;
      const summary: PodSummary = {
        name: obj.metadata.name ?? '',
        index: this.indexOf(obj),
        attempt: this.attemptOf(uid),
        phase: obj.status.phase,
        exitCode: null,
        restartCount: 0,
        createdAtSeconds: t,
        startedAtSeconds: null,
        finishedAtSeconds: null,
        deletedAtSeconds: null,
        conditions: [],
      };
      r = { summary, latest: obj };
      this.byUid.set(uid, r);
      this.records.push(r);
    }
    const s = r.summary;
    r.latest = obj;
    const wasTerminal = isTerminalPhase(s.phase);
    s.phase = obj.status.phase;
    if (s.startedAtSeconds === null && obj.status.phase === 'Running') s.startedAtSeconds = t;
    if (!wasTerminal && isTerminalPhase(s.phase)) s.finishedAtSeconds = t;
    if (s.deletedAtSeconds === null && obj.metadata.deletionTimestamp !== undefined) s.deletedAtSeconds = t;
  }
}
