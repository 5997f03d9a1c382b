// The KubectlApi (what the kubectl interpreter needs) implemented on the REST facade
// (rest.ts): namespaced or all-namespace lists with label and field selectors, get,
// create, patch and delete for Jobs and Pods, and list for Events. Pods only accept
// metadata (labels, annotations) patches here, like the playground's kubectl.

import type { ApiResult, KubectlApi, ListOptions } from '../kubectl/api';
import { notFound, statusError } from './errors';
import { applyPatch } from './patch';
import { createRestApi } from './rest';
import { parseJsonText } from './rest_json';
import type { ObjectList, RestResult } from './rest_types';
import type { ObjectStore } from './server';
import type { JsonValue, KubeObject, Pod } from './types';

function items<T extends KubeObject>(r: RestResult<ObjectList<T>>): ApiResult<T[]> {
  return r.ok ? { ok: true, value: r.value.items } : r;
}

function plain<T>(r: RestResult<T>): ApiResult<T> {
  return r.ok ? { ok: true, value: r.value, warnings: r.warnings } : r;
}

const listOpts = (o: ListOptions): { labelSelector?: string; fieldSelector?: string } => ({ labelSelector: o.labelSelector, fieldSelector: o.fieldSelector });

export function createKubectlApi(store: ObjectStore): KubectlApi {
  const api = createRestApi(store);
  return {
    listJobs: (opts) => items(api.jobs.list(opts.namespace ?? null, listOpts(opts))),
    getJob: (ns, name) => plain(api.jobs.get(ns, name)),
    createJob: (ns, body) => plain(api.jobs.create(ns, body)),
    patchJob: (ns, name, type, text) => plain(api.jobs.patch(ns, name, type, text)),
    // kubectl delete sends propagationPolicy=Background unless --cascade says otherwise.
    deleteJob: (ns, name, opts) => plain(api.jobs.delete(ns, name, { propagationPolicy: opts.propagationPolicy ?? 'Background', gracePeriodSeconds: opts.gracePeriodSeconds })),
    listPods: (opts) => items(api.pods.list(opts.namespace ?? null, listOpts(opts))),
    getPod: (ns, name) => plain(api.pods.get(ns, name)),
    patchPod: (ns, name, type, text) => {
      const pod = store.getPod(ns, name);
      if (!pod) return { ok: false, error: notFound('pods', '', name) };
      const p = parseJsonText(text);
      if (!p.ok) return { ok: false, error: statusError(400, 'BadRequest', `error decoding patch: ${p.error}`) };
      const r = applyPatch(pod as unknown as JsonValue, type, p.json.value);
      if (!r.ok) return r;
      const next = r.value as unknown as Partial<Pod>;
      return { ok: true, value: store.put({ ...pod, metadata: { ...pod.metadata, labels: next.metadata?.labels, annotations: next.metadata?.annotations } }) };
    },
    deletePod: (ns, name, opts) => plain(api.pods.delete(ns, name, { gracePeriodSeconds: opts.gracePeriodSeconds })),
    listEvents: (opts) => items(api.events.list(opts.namespace ?? null, listOpts(opts))),
  };
}
