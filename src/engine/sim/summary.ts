// Records, from the watch stream, the per-pod and per-event summary the headless runner
// prints (scenario-format.md `--output json`): every pod ever created, in creation order.

import type { KubeEvent, KubeObject, Pod } from '../api/types';
import type { EventSummary, PodSummary } from './result';
import type { WatchType } from './trace';

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

export class SummaryRecorder {
  readonly pods: PodSummary[] = [];
  private byUid = new Map<string, PodSummary>();
  readonly events: EventSummary[] = [];
  readonly eventObjects: KubeEvent[] = [];

  constructor(
    private readonly nowMs: () => number,
    private readonly attemptOf: (uid: string) => number,
    private readonly indexOf: (p: Pod) => number | null,
  ) {}

  observe(type: WatchType, obj: KubeObject): void {
    if (obj.kind === 'Event') {
      if (type !== 'ADDED') return;
      this.eventObjects.push(obj);
      this.events.push({
        atSeconds: this.nowMs() / 1000,
        type: obj.type,
        reason: obj.reason,
        object: `${obj.involvedObject.kind}/${obj.involvedObject.name}`,
        message: obj.message,
      });
      return;
    }
    if (obj.kind !== 'Pod') return;
    const uid = obj.metadata.uid ?? '';
    let s = this.byUid.get(uid);
    const t = this.nowMs() / 1000;
    if (s === undefined) {
      if (type !== 'ADDED') return;
      s = {
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
      this.byUid.set(uid, s);
      this.pods.push(s);
    }
    const wasTerminal = s.phase === 'Succeeded' || s.phase === 'Failed';
    s.phase = obj.status.phase;
    if (s.startedAtSeconds === null && obj.status.phase === 'Running') s.startedAtSeconds = t;
    if (!wasTerminal && (s.phase === 'Succeeded' || s.phase === 'Failed')) s.finishedAtSeconds = t;
    if (s.deletedAtSeconds === null && obj.metadata.deletionTimestamp !== undefined) s.deletedAtSeconds = t;
    s.exitCode = exitCodeOf(obj);
    s.restartCount = (obj.status.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0);
    s.conditions = (obj.status.conditions ?? []).map((c) => (c.reason !== undefined ? { type: c.type, status: c.status, reason: c.reason } : { type: c.type, status: c.status }));
  }
}
