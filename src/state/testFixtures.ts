// Hand-built traces and runs for the store and fold tests (no engine needed): a Job with
// two pods, one failing at 6 s, the Job completing at 20 s.

import type { Job, KubeEvent, Pod } from '../engine/api/types';
import type { RunResult } from '../engine/sim/result';
import type { TraceEntry } from '../engine/sim/trace';
import { TraceEncoder } from '../worker/compact';
import type { RunSummary } from '../worker/protocol';
import type { RunData } from '../worker/runData';

const T0 = Date.parse('2025-01-01T00:00:00Z');
const ts = (ms: number) => new Date(T0 + ms).toISOString().replace('.000Z', 'Z');

export function job(status: Job['status'], spec: Partial<Job['spec']> = {}): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'demo', namespace: 'default', creationTimestamp: ts(0) },
    spec: { completions: 2, parallelism: 2, backoffLimit: 2, template: { spec: { containers: [{ name: 'main' }] } }, ...spec },
    status,
  };
}

export function pod(name: string, phase: Pod['status']['phase'], extra: { index?: number; exitCode?: number; deleting?: boolean } = {}): Pod {
  const labels: Record<string, string> = {};
  if (extra.index !== undefined) labels['batch.kubernetes.io/job-completion-index'] = String(extra.index);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels, creationTimestamp: ts(0), ...(extra.deleting ? { deletionTimestamp: ts(1000) } : {}) },
    spec: { containers: [{ name: 'main' }] },
    status: {
      phase,
      containerStatuses:
        extra.exitCode === undefined
          ? []
          : [{ name: 'main', image: 'x', ready: false, restartCount: 0, state: { terminated: { exitCode: extra.exitCode } } }],
    },
  };
}

export function event(name: string, reason: string, atMs: number): KubeEvent {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    involvedObject: { kind: 'Job', name: 'demo' },
    reason,
    message: reason,
    type: 'Normal',
    source: { component: 'job-controller' },
    firstTimestamp: ts(atMs),
    lastTimestamp: ts(atMs),
    count: 1,
  };
}

export function demoTrace(): TraceEntry[] {
  let seq = 0;
  const w = (timeMs: number, ev: 'ADDED' | 'MODIFIED' | 'DELETED', object: Job | Pod | KubeEvent): TraceEntry => ({ type: 'watch', timeMs, seq: seq++, event: ev, object });
  return [
    w(0, 'ADDED', job({})),
    w(0, 'ADDED', pod('demo-a', 'Pending')),
    w(0, 'ADDED', pod('demo-b', 'Pending')),
    w(0, 'ADDED', event('e1', 'SuccessfulCreate', 0)),
    w(1000, 'MODIFIED', pod('demo-a', 'Running')),
    w(1000, 'MODIFIED', pod('demo-b', 'Running')),
    w(6000, 'MODIFIED', pod('demo-b', 'Failed', { exitCode: 1 })),
    { type: 'why', timeMs: 6000, seq: seq++, job: 'demo', rule: 'backoffLimit', text: '1 failure of 3 allowed' },
    w(6000, 'MODIFIED', job({ active: 1, failed: 1 })),
    w(11000, 'MODIFIED', pod('demo-a', 'Succeeded', { exitCode: 0 })),
    w(16000, 'ADDED', pod('demo-c', 'Pending')),
    w(17000, 'MODIFIED', pod('demo-c', 'Running')),
    w(20000, 'MODIFIED', pod('demo-c', 'Succeeded', { exitCode: 0 })),
    w(20000, 'MODIFIED', job({ succeeded: 2, failed: 1, conditions: [{ type: 'Complete', status: 'True', reason: 'CompletionsReached' }] })),
    w(20000, 'ADDED', event('e2', 'Completed', 20000)),
    w(21000, 'DELETED', pod('demo-b', 'Failed', { exitCode: 1 })),
  ];
}

export function demoResult(trace: TraceEntry[] = demoTrace()): RunResult {
  const last = trace[trace.length - 1];
  return {
    ok: true,
    scenario: 'demo',
    finished: true,
    finishedAtSeconds: 20,
    endMs: last?.timeMs ?? 0,
    jobDeleted: false,
    job: job({}),
    pods: [
      { name: 'demo-a', index: null, attempt: 0, phase: 'Succeeded', exitCode: 0, restartCount: 0, createdAtSeconds: 0, startedAtSeconds: 1, finishedAtSeconds: 11, deletedAtSeconds: null, conditions: [] },
      { name: 'demo-b', index: null, attempt: 1, phase: 'Failed', exitCode: 1, restartCount: 0, createdAtSeconds: 0, startedAtSeconds: 1, finishedAtSeconds: 6, deletedAtSeconds: 21, conditions: [] },
      { name: 'demo-c', index: null, attempt: 2, phase: 'Succeeded', exitCode: 0, restartCount: 0, createdAtSeconds: 16, startedAtSeconds: 17, finishedAtSeconds: 20, deletedAtSeconds: null, conditions: [] },
    ],
    events: [],
    eventObjects: [],
    actions: [],
    trace,
    eventsProcessed: trace.length,
    notes: [],
  };
}

/** The demo trace as the worker streams it (one chunk; attempts from demoResult's pods). */
export function demoData(trace: TraceEntry[] = demoTrace()): RunData {
  const attempts = new Map(demoResult(trace).pods.map((p) => [p.name, p.attempt]));
  return new TraceEncoder((p) => attempts.get(p.metadata.name ?? '') ?? 0).encode(trace);
}

export function demoSummary(trace: TraceEntry[] = demoTrace()): RunSummary {
  const r = demoResult(trace);
  const log = trace.filter((e) => e.type !== 'watch');
  return { scenario: r.scenario, finished: r.finished, finishedAtSeconds: r.finishedAtSeconds, endMs: r.endMs, jobDeleted: r.jobDeleted, eventsProcessed: r.eventsProcessed, notes: r.notes, trace: log };
}
