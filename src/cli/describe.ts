// `--output describe`: `kubectl describe job` (the engine's kubectl module) followed by
// `kubectl get pods` for the pods that still exist when the run stops. Pod objects are
// not part of the run summary, so they are folded from the trace's watch events.

import type { Pod } from '../engine/api/types';
import { describeJob } from '../engine/kubectl/describe';
import { podsTable } from '../engine/kubectl/getPods';
import type { RunResult } from '../engine/sim/result';

/** The pods alive at the end of the run, in creation order (needs a run with recordTrace). */
export function podsAtEnd(r: RunResult): Pod[] {
  const pods = new Map<string, Pod>();
  for (const e of r.trace) {
    if (e.type !== 'watch' || e.object.kind !== 'Pod') continue;
    const name = e.object.metadata.name ?? '';
    if (e.event === 'DELETED') pods.delete(name);
    else pods.set(name, e.object);
  }
  return [...pods.values()];
}

export function describeRun(r: RunResult, clockStart: string): string {
  const name = r.job.metadata.name ?? '';
  const events = r.eventObjects.filter((e) => e.involvedObject.kind === 'Job' && e.involvedObject.name === name);
  const pods = podsAtEnd(r);
  const job = describeJob(r.job, pods, events, r.endMs, clockStart);
  const table = podsTable(pods, r.endMs, clockStart);
  const namespace = r.job.metadata.namespace ?? 'default';
  return `${job}\n${table === '' ? `No resources found in ${namespace} namespace.\n` : table}`;
}
