import { describe, expect, it } from 'vitest';
import { ORPHAN_DEFAULT_WARNING } from './rest_options';
import { addPod, createJobs, errorOf, must, setup } from './rest_testkit';
import type { Job } from './types';

function withPods(): ReturnType<typeof setup> & { job: Job } {
  const s = setup();
  const [job] = createJobs(s.api, [['a', 'default']]);
  addPod(s.store, job!, 'a-1');
  addPod(s.store, job!, 'a-2');
  return { ...s, job: job! };
}

describe('delete: propagation policies', () => {
  it.each([
    // [policy, warned, job still stored, response kind, pods kept, pods owned after]
    [undefined, true, false, 'Job', true, 0],
    ['Orphan', false, false, 'Job', true, 0],
    ['Background', false, false, 'Status', false, 2],
    ['Foreground', false, true, 'Job', false, 2],
  ])('propagationPolicy=%s', (policy, warned, stored, kind, podsAlive, owned) => {
    const { api, store, job } = withPods();
    const r = api.jobs.delete('default', 'a', policy === undefined ? {} : { propagationPolicy: policy });
    const v = must(r);
    expect(r.ok && r.warnings).toEqual(warned ? [ORPHAN_DEFAULT_WARNING] : []);
    expect(v.kind).toBe(kind);
    expect(store.getJob('default', 'a') !== undefined).toBe(stored);
    const pods = [...store.pods.values()];
    expect(pods.every((p) => p.metadata.deletionTimestamp === undefined)).toBe(podsAlive);
    expect(store.podsOwnedBy(job.metadata.uid ?? '')).toHaveLength(owned);
    if (policy === undefined || policy === 'Orphan') {
      expect(pods.every((p) => p.metadata.ownerReferences === undefined)).toBe(true);
      expect((v as Job).metadata.finalizers).toEqual(['orphan']);
    }
  });

  it('Background answers the Status Success with the uid', () => {
    const { api, job } = withPods();
    expect(must(api.jobs.delete('default', 'a', { propagationPolicy: 'Background' }))).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name: 'a', group: 'batch', kind: 'jobs', uid: job.metadata.uid },
    });
  });

  it('Foreground finishes when the last pod is gone', () => {
    const { api, store } = withPods();
    const r = must(api.jobs.delete('default', 'a', { propagationPolicy: 'Foreground' })) as Job;
    expect(r.metadata.finalizers).toEqual(['foregroundDeletion']);
    for (const p of [...store.pods.values()]) store.put({ ...p, status: { phase: 'Failed' } });
    expect(store.getJob('default', 'a')).toBeUndefined();
  });

  it('orphanDependents=false means Background, true means Orphan (no warning)', () => {
    const { api, store } = withPods();
    const r = api.jobs.delete('default', 'a', { orphanDependents: false });
    expect(r.ok && r.warnings).toEqual([]);
    expect(store.getJob('default', 'a')).toBeUndefined();
  });

  it('a Job with its own finalizer stays, marked; deleting again with another policy swaps GC finalizers', () => {
    const { api, store } = withPods();
    must(api.jobs.patch('default', 'a', 'merge', { metadata: { finalizers: ['example.com/keep'] } }));
    const r = must(api.jobs.delete('default', 'a', { propagationPolicy: 'Foreground' })) as Job;
    expect(r.metadata.finalizers).toEqual(['example.com/keep', 'foregroundDeletion']);
    const again = must(api.jobs.delete('default', 'a', { propagationPolicy: 'Orphan' })) as Job;
    expect(again.metadata.finalizers).toEqual(['example.com/keep', 'orphan']);
    expect(again.metadata.generation).toBe(r.metadata.generation);
    expect(store.getJob('default', 'a')?.metadata.finalizers).toEqual(['example.com/keep']);
  });

  it('dryRun returns the would-be response and changes nothing', () => {
    const { api, store } = withPods();
    const rev = store.currentRevision();
    const r = must(api.jobs.delete('default', 'a', { dryRun: 'All' })) as Job;
    expect(r.metadata.finalizers).toEqual(['orphan']);
    expect(r.metadata.deletionTimestamp).toBeDefined();
    expect(store.getJob('default', 'a')?.metadata.deletionTimestamp).toBeUndefined();
    expect(store.currentRevision()).toBe(rev);
    expect(must(api.jobs.delete('default', 'a', { dryRun: ['All'], propagationPolicy: 'Background' })).kind).toBe('Status');
    expect(store.getJob('default', 'a')).toBeDefined();
  });
});

describe('delete: preconditions and options', () => {
  it.each([
    [{ uid: 'nope' }, (j: Job) => `Operation cannot be fulfilled on Job.batch "a": the UID in the precondition (nope) does not match the UID in record (${j.metadata.uid}). The object might have been deleted and then recreated`],
    [{ resourceVersion: '1' }, (j: Job) => `Operation cannot be fulfilled on Job.batch "a": the ResourceVersion in the precondition (1) does not match the ResourceVersion in record (${j.metadata.resourceVersion}). The object might have been modified`],
  ])('precondition %j → 409', (preconditions, message) => {
    const { api, store } = withPods();
    const job = store.getJob('default', 'a')!;
    expect(errorOf(api.jobs.delete('default', 'a', { preconditions }))).toEqual({ code: 409, reason: 'Conflict', message: message(job) });
    expect(store.getJob('default', 'a')).toBeDefined();
  });

  it('matching preconditions delete', () => {
    const { api, store } = withPods();
    const job = store.getJob('default', 'a')!;
    must(api.jobs.delete('default', 'a', { propagationPolicy: 'Background', preconditions: { uid: job.metadata.uid, resourceVersion: job.metadata.resourceVersion } }));
    expect(store.getJob('default', 'a')).toBeUndefined();
  });

  it.each([
    [{ propagationPolicy: 'Sideways' }, 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sideways": supported values: "Foreground", "Background", "Orphan", "nil"'],
    [{ propagationPolicy: 'Orphan', orphanDependents: true }, 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Invalid value: "Orphan": orphanDependents and deletionPropagation cannot be both set'],
  ])('bad options %j → 422', (opts, message) => {
    const { api } = withPods();
    expect(errorOf(api.jobs.delete('default', 'a', opts))).toEqual({ code: 422, reason: 'Invalid', message });
  });

  it('a missing Job is 404; gracePeriodSeconds is accepted and ignored', () => {
    const { api } = setup();
    expect(errorOf(api.jobs.delete('default', 'x', { gracePeriodSeconds: -5 })).code).toBe(404);
  });
});

describe('deletecollection', () => {
  it('deletes the selected Jobs of one namespace only, with the default warning', () => {
    const { api, store } = setup();
    createJobs(api, [['a', 'default', { app: 'web' }], ['b', 'default', { app: 'db' }], ['c', 'default', { app: 'web' }], ['a', 'team', { app: 'web' }]]);
    const r = api.jobs.deleteCollection('default', { labelSelector: 'app=web' });
    const list = must(r);
    expect(list.items.map((j) => j.metadata.name)).toEqual(['a', 'c']);
    expect(r.ok && r.warnings).toEqual([ORPHAN_DEFAULT_WARNING]);
    expect([...store.jobs.keys()].sort()).toEqual(['default/b', 'team/a']);
  });

  it('field selector and Background', () => {
    const { api, store } = setup();
    createJobs(api, [['a', 'default'], ['b', 'default']]);
    const r = api.jobs.deleteCollection('default', { fieldSelector: 'metadata.name!=a', propagationPolicy: 'Background' });
    expect(r.ok && r.warnings).toEqual([]);
    expect([...store.jobs.keys()]).toEqual(['default/a']);
  });

  it('dryRun deletes nothing', () => {
    const { api, store } = setup();
    createJobs(api, [['a', 'default'], ['b', 'default']]);
    expect(must(api.jobs.deleteCollection('default', { dryRun: 'All' })).items).toHaveLength(2);
    expect(store.jobs.size).toBe(2);
  });

  it('bad selector → 400', () => {
    const { api } = setup();
    expect(errorOf(api.jobs.deleteCollection('default', { fieldSelector: 'spec.x=1' })).code).toBe(400);
  });
});

describe('pods', () => {
  it('graceful delete, preconditions, 404', () => {
    const { api, store } = withPods();
    expect(errorOf(api.pods.delete('default', 'a-1', { preconditions: { uid: 'x' } })).code).toBe(409);
    const p = must(api.pods.delete('default', 'a-1', { gracePeriodSeconds: 5 }));
    expect(p.metadata.deletionGracePeriodSeconds).toBe(5);
    expect(store.getPod('default', 'a-1')?.metadata.deletionTimestamp).toBeDefined();
    expect(errorOf(api.pods.get('default', 'nope')).message).toBe('pods "nope" not found');
  });
});
