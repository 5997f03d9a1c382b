// Hand-built objects and a tiny in-memory KubectlApi fake for the kubectl tests.

import { notFound, statusError } from '../../api/errors';
import type { Job, JsonObject, KubeEvent, Pod } from '../../api/types';
import type { ApiResult, KubectlApi, ListOptions, PatchType } from '../api';

export const CLOCK_START = '2025-01-01T00:00:00Z';
export const at = (sec: number): string => new Date(Date.parse(CLOCK_START) + sec * 1000).toISOString().replace('.000Z', 'Z');

const UID = 'a1b2c3d4-0000-4000-8000-000000000001';

export function makeJob(over: Partial<Job['spec']> = {}, status: Job['status'] = {}, name = 'pi'): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: 'default',
      uid: UID,
      resourceVersion: '5',
      generation: 1,
      creationTimestamp: at(0),
      labels: {
        'batch.kubernetes.io/controller-uid': UID,
        'batch.kubernetes.io/job-name': name,
        'controller-uid': UID,
        'job-name': name,
      },
    },
    spec: {
      parallelism: 1,
      completions: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': UID } },
      template: {
        metadata: { labels: { 'batch.kubernetes.io/controller-uid': UID, 'batch.kubernetes.io/job-name': name, 'controller-uid': UID, 'job-name': name } },
        spec: {
          restartPolicy: 'Never',
          containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'sleep 5'] }],
        },
      },
      ...over,
    },
    status,
  };
}

export function makePod(name: string, status: Pod['status'], extraMeta: Partial<Pod['metadata']> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: at(1),
      labels: { 'batch.kubernetes.io/controller-uid': UID, 'job-name': 'pi' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: UID, controller: true, blockOwnerDeletion: true }],
      ...extraMeta,
    },
    spec: { restartPolicy: 'Never', nodeName: 'node-1', containers: [{ name: 'main', image: 'busybox' }] },
    status,
  };
}

export function makeEvent(name: string, reason: string, message: string, sec: number, kind = 'Job', obj = 'pi', count = 1): KubeEvent {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    involvedObject: { kind, name: obj, namespace: 'default' },
    reason,
    message,
    type: reason.startsWith('Backoff') || reason === 'DeadlineExceeded' ? 'Warning' : 'Normal',
    source: { component: 'job-controller' },
    firstTimestamp: at(sec),
    lastTimestamp: at(sec),
    count,
  };
}

function matches(obj: { metadata: { namespace?: string; labels?: Record<string, string>; name?: string } }, o: ListOptions): boolean {
  if (o.namespace !== undefined && obj.metadata.namespace !== o.namespace) return false;
  for (const req of (o.labelSelector ?? '').split(',').filter((s) => s !== '')) {
    const [k, v] = req.split('=');
    if (obj.metadata.labels?.[k ?? ''] !== v) return false;
  }
  for (const req of (o.fieldSelector ?? '').split(',').filter((s) => s !== '')) {
    const [k, v] = req.split('=');
    if (k === 'metadata.name' && obj.metadata.name !== v) return false;
  }
  return true;
}

/** A fake that records calls; merge patches are applied shallowly to metadata/spec. */
export class FakeApi implements KubectlApi {
  calls: string[] = [];
  constructor(
    public jobs: Job[] = [],
    public pods: Pod[] = [],
    public events: KubeEvent[] = [],
  ) {}
  private ok<T>(value: T): ApiResult<T> {
    return { ok: true, value };
  }
  listJobs(o: ListOptions): ApiResult<Job[]> {
    this.calls.push(`listJobs ${JSON.stringify(o)}`);
    return this.ok(this.jobs.filter((j) => matches(j, o)));
  }
  getJob(ns: string, name: string): ApiResult<Job> {
    const j = this.jobs.find((x) => x.metadata.namespace === ns && x.metadata.name === name);
    return j ? this.ok(structuredClone(j)) : { ok: false, error: notFound('jobs', 'batch', name) };
  }
  createJob(ns: string, body: JsonObject): ApiResult<Job> {
    this.calls.push(`createJob ${ns}`);
    const job = structuredClone(body) as unknown as Job;
    job.metadata = { ...job.metadata, namespace: ns };
    if (this.jobs.some((j) => j.metadata.name === job.metadata.name)) {
      return { ok: false, error: statusError(409, 'AlreadyExists', `jobs.batch "${job.metadata.name ?? ''}" already exists`) };
    }
    this.jobs.push(job);
    return this.ok(job);
  }
  patchJob(ns: string, name: string, type: PatchType, patch: string): ApiResult<Job> {
    this.calls.push(`patchJob ${ns}/${name} ${type} ${patch}`);
    const j = this.jobs.find((x) => x.metadata.name === name);
    if (!j) return { ok: false, error: notFound('jobs', 'batch', name) };
    mergeInto(j as unknown as Record<string, unknown>, JSON.parse(patch) as Record<string, unknown>);
    return this.ok(structuredClone(j));
  }
  deleteJob(ns: string, name: string, opts: object): ApiResult<unknown> {
    this.calls.push(`deleteJob ${ns}/${name} ${JSON.stringify(opts)}`);
    const i = this.jobs.findIndex((x) => x.metadata.name === name);
    if (i < 0) return { ok: false, error: notFound('jobs', 'batch', name) };
    this.jobs.splice(i, 1);
    return this.ok({});
  }
  listPods(o: ListOptions): ApiResult<Pod[]> {
    return this.ok(this.pods.filter((p) => matches(p, o)));
  }
  getPod(ns: string, name: string): ApiResult<Pod> {
    const p = this.pods.find((x) => x.metadata.namespace === ns && x.metadata.name === name);
    return p ? this.ok(structuredClone(p)) : { ok: false, error: notFound('pods', '', name) };
  }
  patchPod(_ns: string, name: string, _t: PatchType, patch: string): ApiResult<Pod> {
    const p = this.pods.find((x) => x.metadata.name === name);
    if (!p) return { ok: false, error: notFound('pods', '', name) };
    mergeInto(p as unknown as Record<string, unknown>, JSON.parse(patch) as Record<string, unknown>);
    return this.ok(structuredClone(p));
  }
  deletePod(ns: string, name: string, opts: object): ApiResult<unknown> {
    this.calls.push(`deletePod ${ns}/${name} ${JSON.stringify(opts)}`);
    const i = this.pods.findIndex((x) => x.metadata.name === name);
    if (i < 0) return { ok: false, error: notFound('pods', '', name) };
    this.pods.splice(i, 1);
    return this.ok({});
  }
  listEvents(o: ListOptions): ApiResult<KubeEvent[]> {
    return this.ok(this.events.filter((e) => matches(e, o)));
  }
}

function mergeInto(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete target[k];
    else if (typeof v === 'object' && !Array.isArray(v) && typeof target[k] === 'object' && target[k] !== null) {
      mergeInto(target[k] as Record<string, unknown>, v as Record<string, unknown>);
    } else target[k] = v;
  }
}
