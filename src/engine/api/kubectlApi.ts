// The KubectlApi (what the kubectl interpreter needs) implemented on the in-memory
// API server: namespaced get/list with label and field selectors, create, patch and
// delete for Jobs and Pods, and list for Events.

import type { ApiResult, DeleteOptions, KubectlApi, ListOptions } from '../kubectl/api';
import { statusError, notFound } from './errors';
import { createJob, patchJob } from './jobs';
import { applyPatch } from './patch';
import { matchesRequirements, parseFieldSelector, parseLabelSelector } from './selectors';
import type { ObjectStore } from './server';
import type { Job, JsonValue, KubeEvent, KubeObject, Pod } from './types';

const FIELDS: Record<string, string[]> = {
  Job: ['metadata.name', 'metadata.namespace', 'status.successful'],
  Pod: ['metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  Event: ['metadata.name', 'metadata.namespace', 'involvedObject.kind', 'involvedObject.name', 'involvedObject.namespace', 'involvedObject.uid', 'reason', 'type', 'source'],
};
const KIND_LABEL: Record<string, string> = { Job: 'batchv1.Job', Pod: '/v1, Kind=Pod', Event: '/v1, Kind=Event' };

function fieldValue(obj: KubeObject, field: string): string {
  if (field === 'status.successful' && obj.kind === 'Job') return String(obj.status.succeeded ?? 0);
  let cur: unknown = obj;
  for (const part of field.split('.')) cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[part] : undefined;
  if (field === 'source' && obj.kind === 'Event') return obj.source.component;
  return cur === undefined || cur === null ? '' : String(cur);
}

function list<T extends KubeObject>(items: Iterable<T>, kind: string, opts: ListOptions): ApiResult<T[]> {
  const ls = parseLabelSelector(opts.labelSelector ?? '');
  if (!ls.ok) return { ok: false, error: statusError(400, 'BadRequest', ls.error) };
  const fs = parseFieldSelector(opts.fieldSelector ?? '', FIELDS[kind] ?? [], KIND_LABEL[kind] ?? kind);
  if (!fs.ok) return { ok: false, error: statusError(400, 'BadRequest', fs.error) };
  const out: T[] = [];
  for (const o of items) {
    if (opts.namespace !== undefined && o.metadata.namespace !== opts.namespace) continue;
    if (!matchesRequirements(o.metadata.labels, ls.reqs)) continue;
    if (!fs.reqs.every((r) => (fieldValue(o, r.field) === r.value) === (r.op === '='))) continue;
    out.push(o);
  }
  out.sort((a, b) => ((a.metadata.namespace ?? '') + '/' + (a.metadata.name ?? '')).localeCompare((b.metadata.namespace ?? '') + '/' + (b.metadata.name ?? '')));
  return { ok: true, value: out };
}

function parsePatchText(text: string): { ok: true; value: unknown } | { ok: false; error: ReturnType<typeof statusError> } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, error: statusError(400, 'BadRequest', `error decoding patch: ${(e as Error).message}`) };
  }
}

export function createKubectlApi(store: ObjectStore): KubectlApi {
  return {
    listJobs: (opts) => list<Job>(store.jobs.values(), 'Job', opts),
    getJob: (ns, name) => {
      const j = store.getJob(ns, name);
      return j ? { ok: true, value: j } : { ok: false, error: notFound('jobs', 'batch', name) };
    },
    createJob: (ns, body) => {
      const r = createJob(store, body, ns);
      return r.ok ? { ok: true, value: r.value, warnings: r.warnings } : r;
    },
    patchJob: (ns, name, type, text) => {
      const p = parsePatchText(text);
      if (!p.ok) return p;
      const r = patchJob(store, ns, name, type, p.value);
      return r.ok ? { ok: true, value: r.value, warnings: r.warnings } : r;
    },
    deleteJob: (ns, name, opts: DeleteOptions) => {
      const r = store.deleteJob(ns, name, opts.propagationPolicy ?? 'Background');
      return r.ok ? { ok: true, value: r.value } : r;
    },
    listPods: (opts) => list<Pod>(store.pods.values(), 'Pod', opts),
    getPod: (ns, name) => {
      const p = store.getPod(ns, name);
      return p ? { ok: true, value: p } : { ok: false, error: notFound('pods', '', name) };
    },
    patchPod: (ns, name, type, text) => {
      const pod = store.getPod(ns, name);
      if (!pod) return { ok: false, error: notFound('pods', '', name) };
      const p = parsePatchText(text);
      if (!p.ok) return p;
      const r = applyPatch(JSON.parse(JSON.stringify(pod)) as JsonValue, type, p.value);
      if (!r.ok) return r;
      const next = r.value as unknown as Pod;
      // Only metadata (labels, annotations) of a pod may change through kubectl here.
      return { ok: true, value: store.put({ ...pod, metadata: { ...pod.metadata, labels: next.metadata?.labels, annotations: next.metadata?.annotations } }) };
    },
    deletePod: (ns, name, opts) => {
      const r = store.deletePod(ns, name, opts.gracePeriodSeconds);
      return r.ok ? { ok: true, value: r.value } : r;
    },
    listEvents: (opts) => list<KubeEvent>(store.events.values(), 'Event', opts),
  };
}
