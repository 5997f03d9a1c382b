import { describe, expect, it } from 'vitest';
import { createJobs, errorOf, manifest, must, setup } from './rest_testkit';
import type { WatchEvent } from './rest_types';
import type { Job } from './types';

/** `TYPE ns/name@rv` per event (BOOKMARK: `BOOKMARK@rv[!]`, ! = initial-events-end). */
function trace(events: WatchEvent<Job>[]): string[] {
  return events.map((e) => {
    if (e.type === 'ERROR') return `ERROR ${e.object.code} ${e.object.message}`;
    if (e.type === 'BOOKMARK') return `BOOKMARK@${e.object.metadata.resourceVersion}${e.object.metadata.annotations?.['k8s.io/initial-events-end'] === 'true' ? '!' : ''}`;
    return `${e.type} ${e.object.metadata.namespace}/${e.object.metadata.name}@${e.object.metadata.resourceVersion}`;
  });
}

describe('watch event sequences', () => {
  it('ADDED → MODIFIED → DELETED with increasing resourceVersions', () => {
    const { api } = setup();
    const w = must(api.jobs.watch('default', { resourceVersion: '1' }));
    must(api.jobs.create('default', manifest('a')));
    must(api.jobs.patch('default', 'a', 'merge', { metadata: { labels: { x: 'y' } } }));
    must(api.jobs.delete('default', 'a', { propagationPolicy: 'Background' }));
    expect(trace(w.poll())).toEqual(['ADDED default/a@2', 'MODIFIED default/a@3', 'DELETED default/a@4']);
    expect(w.poll()).toEqual([]);
    expect(w.resourceVersion).toBe('4');
  });

  it('Orphan delete: MODIFIED (finalizer, deletionTimestamp) then DELETED', () => {
    const { api } = setup();
    must(api.jobs.create('default', manifest('a')));
    const w = must(api.jobs.watch('default', { resourceVersion: '2' }));
    must(api.jobs.delete('default', 'a'));
    const ev = w.poll();
    expect(ev.map((e) => e.type)).toEqual(['MODIFIED', 'DELETED']);
    const mod = ev[0]!.object as Job;
    expect(mod.metadata.finalizers).toEqual(['orphan']);
    expect(mod.metadata.deletionTimestamp).toBeDefined();
    expect(mod.metadata.generation).toBe(2);
  });

  it('no resourceVersion: synthetic ADDED for existing objects (sorted), then changes', () => {
    const { api } = setup();
    createJobs(api, [['b', 'default'], ['a', 'default'], ['x', 'other']]);
    const w = must(api.jobs.watch('default'));
    must(api.jobs.create('default', manifest('c')));
    expect(trace(w.poll())).toEqual(['ADDED default/a@3', 'ADDED default/b@2', 'ADDED default/c@5']);
  });

  it('all namespaces sees both', () => {
    const { api } = setup();
    const w = must(api.jobs.watch(null, { resourceVersion: '1' }));
    createJobs(api, [['a', 'default'], ['a', 'team']]);
    expect(trace(w.poll())).toEqual(['ADDED default/a@2', 'ADDED team/a@3']);
  });

  it('sendInitialEvents: initial ADDED, then the initial-events-end BOOKMARK', () => {
    const { api } = setup();
    createJobs(api, [['a', 'default'], ['b', 'default']]);
    const w = must(api.jobs.watch('default', { sendInitialEvents: true, resourceVersionMatch: 'NotOlderThan', allowWatchBookmarks: true }));
    expect(trace(w.poll())).toEqual(['ADDED default/a@2', 'ADDED default/b@3', 'BOOKMARK@3!']);
  });

  it('sendInitialEvents=false starts at the given revision without initial events', () => {
    const { api } = setup();
    createJobs(api, [['a', 'default']]);
    const w = must(api.jobs.watch('default', { sendInitialEvents: false, resourceVersionMatch: 'NotOlderThan' }));
    createJobs(api, [['b', 'default']]);
    expect(trace(w.poll())).toEqual(['ADDED default/b@3']);
  });

  it('resumes from a resourceVersion seen earlier', () => {
    const { api } = setup();
    createJobs(api, [['a', 'default'], ['b', 'default'], ['c', 'default']]);
    const w = must(api.jobs.watch('default', { resourceVersion: '3' }));
    expect(trace(w.poll())).toEqual(['ADDED default/c@4']);
  });

  it('too old: one ERROR event (410) and the watch ends', () => {
    const { api, store } = setup();
    const [a] = createJobs(api, [['a', 'default']]);
    for (let i = 0; i < store.history.capacity + 2; i++) store.recordEvent(a!, 'Normal', 'Tick', String(i), 'test');
    const w = must(api.jobs.watch('default', { resourceVersion: '2' }));
    const oldest = store.history.oldestResumableRv();
    expect(trace(w.poll())).toEqual([`ERROR 410 too old resource version: 2 (${oldest})`]);
    expect(w.done).toBe(true);
    expect(w.poll()).toEqual([]);
  });

  it('a watcher that falls behind the history gets the 410 ERROR', () => {
    const { api, store } = setup();
    const [a] = createJobs(api, [['a', 'default']]);
    const w = must(api.jobs.watch('default', { resourceVersion: '2' }));
    for (let i = 0; i < store.history.capacity + 2; i++) store.recordEvent(a!, 'Normal', 'Tick', String(i), 'test');
    const ev = w.poll();
    expect(ev).toHaveLength(1);
    expect(ev[0]!.type).toBe('ERROR');
  });

  it('label selector: starts matching → ADDED, stops matching → DELETED (old state, new rv)', () => {
    const { api } = setup();
    createJobs(api, [['a', 'default']]);
    const w = must(api.jobs.watch('default', { resourceVersion: '2', labelSelector: 'app=web' }));
    must(api.jobs.patch('default', 'a', 'merge', { metadata: { labels: { app: 'web' } } }));
    must(api.jobs.patch('default', 'a', 'merge', { metadata: { labels: { app: 'web', v: '2' } } }));
    must(api.jobs.patch('default', 'a', 'merge', { metadata: { labels: { app: 'db' } } }));
    const ev = w.poll();
    expect(trace(ev)).toEqual(['ADDED default/a@3', 'MODIFIED default/a@4', 'DELETED default/a@5']);
    expect((ev[2]!.object as Job).metadata.labels?.app).toBe('web');
  });

  it('allowWatchBookmarks: a poll that skipped non-matching events ends with a BOOKMARK', () => {
    const { api } = setup();
    const w = must(api.jobs.watch('default', { resourceVersion: '1', allowWatchBookmarks: true }));
    createJobs(api, [['a', 'other'], ['b', 'other']]);
    expect(trace(w.poll())).toEqual(['BOOKMARK@3']);
    expect(w.resourceVersion).toBe('3');
    createJobs(api, [['c', 'default']]);
    expect(trace(w.poll())).toEqual(['ADDED default/c@4']);
  });

  it('timeoutSeconds ends the watch in virtual time', () => {
    const { api, store } = setup();
    const w = must(api.jobs.watch('default', { resourceVersion: '1', timeoutSeconds: 10 }));
    store.clock.nowMs = 5000;
    createJobs(api, [['a', 'default']]);
    store.clock.nowMs = 10_000;
    createJobs(api, [['b', 'default']]);
    expect(trace(w.poll())).toEqual(['ADDED default/a@2']);
    expect(w.done).toBe(true);
  });

  it('stop() closes the handle', () => {
    const { api } = setup();
    const w = must(api.jobs.watch('default', { resourceVersion: '1' }));
    w.stop();
    createJobs(api, [['a', 'default']]);
    expect(w.poll()).toEqual([]);
    expect(w.done).toBe(true);
  });

  it('pods are watched too (DELETED of a pod carries a new resourceVersion)', () => {
    const { api, store } = setup();
    const [a] = createJobs(api, [['a', 'default']]);
    const w = must(api.pods.watch('default', { resourceVersion: '2' }));
    must(api.jobs.delete('default', 'a', { propagationPolicy: 'Background' }));
    expect(w.poll()).toEqual([]);
    expect(a).toBeDefined();
    expect(store.currentRevision()).toBe(3);
  });

  it.each([
    [{ sendInitialEvents: true }, 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'],
    [{ resourceVersionMatch: 'NotOlderThan' }, 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'],
    [{ sendInitialEvents: true, resourceVersionMatch: 'Exact' }, 'ListOptions.meta.k8s.io "" is invalid: [resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan, resourceVersionMatch: Unsupported value: "Exact": supported values: "NotOlderThan"]'],
    [{ fieldSelector: 'spec.completions=1' }, 'field label "spec.completions" not supported for batchv1.Job'],
    [{ resourceVersion: '50' }, 'Timeout: Too large resource version: 50, current: 1'],
  ])('bad watch options %j', (opts, message) => {
    const { api } = setup();
    expect(errorOf(api.jobs.watch('default', opts)).message).toBe(message);
  });
});
