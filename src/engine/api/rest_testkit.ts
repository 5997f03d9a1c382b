// Helpers for the REST facade tests: a fresh store with a virtual clock, Job manifests, and
// pods owned by a Job (what the controller would have created).

import { Rng } from '../sim/random';
import { VirtualClock } from '../sim/time';
import { Trace } from '../sim/trace';
import { createRestApi, type RestApi } from './rest';
import type { RestResult } from './rest_types';
import { ObjectStore } from './server';
import type { Job, Pod } from './types';

export const CLOCK_START = Date.UTC(2025, 0, 1);

export function newStore(seed = 1): ObjectStore {
  return new ObjectStore(new VirtualClock(CLOCK_START), new Rng(seed, 'names'), new Rng(seed, 'uids'), new Trace());
}

export function setup(seed = 1): { store: ObjectStore; api: RestApi } {
  const store = newStore(seed);
  return { store, api: createRestApi(store) };
}

export function manifest(name: string, namespace = 'default', labels: Record<string, string> = {}): Record<string, unknown> {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace, labels },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] } } },
  };
}

/** Unwraps a successful result (the test fails with the Status message otherwise). */
export function must<T>(r: RestResult<T>): T {
  if (!r.ok) throw new Error(`unexpected ${r.error.code} ${r.error.reason}: ${r.error.message}`);
  return r.value;
}

export function errorOf<T>(r: RestResult<T>): { code: number; reason: string; message: string } {
  if (r.ok) throw new Error('expected an error');
  return { code: r.error.code, reason: r.error.reason, message: r.error.message };
}

export function createJobs(api: RestApi, specs: [string, string, Record<string, string>?][]): Job[] {
  return specs.map(([name, ns, labels]) => must(api.jobs.create(ns, manifest(name, ns, labels ?? {}))));
}

/** A running pod controlled by `job`. */
export function addPod(store: ObjectStore, job: Job, name: string): Pod {
  const ns = job.metadata.namespace ?? 'default';
  return store.add<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      labels: { 'batch.kubernetes.io/job-name': job.metadata.name ?? '' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name ?? '', uid: job.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] },
    status: { phase: 'Running' },
  } as Pod);
}
