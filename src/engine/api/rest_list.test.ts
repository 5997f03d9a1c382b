import { describe, expect, it } from 'vitest';
import { base64UrlEncode } from './rest_json';
import { createJobs, errorOf, must, setup } from './rest_testkit';
import type { Job } from './types';

function cluster(): ReturnType<typeof setup> {
  const s = setup();
  createJobs(s.api, [
    ['b', 'default', { app: 'web', tier: 'front' }],
    ['a', 'default', { app: 'web' }],
    ['c', 'default', { app: 'db' }],
    ['a', 'team', { app: 'web' }],
    ['z', 'team', {}],
  ]);
  return s;
}

const keys = (items: Job[]): string[] => items.map((j) => `${j.metadata.namespace}/${j.metadata.name}`);

describe('list: namespaces and selectors (several Jobs, two namespaces)', () => {
  it.each([
    ['one namespace', 'default', {}, ['default/a', 'default/b', 'default/c']],
    ['all namespaces', null, {}, ['default/a', 'default/b', 'default/c', 'team/a', 'team/z']],
    ['label =', null, { labelSelector: 'app=web' }, ['default/a', 'default/b', 'team/a']],
    ['label !=', 'default', { labelSelector: 'app!=web' }, ['default/c']],
    ['label in', null, { labelSelector: 'app in (db,web),tier' }, ['default/b']],
    ['label notin', null, { labelSelector: 'app notin (web)' }, ['default/c', 'team/z']],
    ['label !exists', null, { labelSelector: '!app' }, ['team/z']],
    ['field metadata.name', null, { fieldSelector: 'metadata.name=a' }, ['default/a', 'team/a']],
    ['field metadata.namespace', null, { fieldSelector: 'metadata.namespace==team' }, ['team/a', 'team/z']],
    ['field status.successful', null, { fieldSelector: 'status.successful=0' }, ['default/a', 'default/b', 'default/c', 'team/a', 'team/z']],
    ['field and label', null, { fieldSelector: 'metadata.name!=a', labelSelector: 'app' }, ['default/b', 'default/c']],
    ['no match', 'nope', {}, []],
  ])('%s', (_n, ns, opts, want) => {
    const { api } = cluster();
    const l = must(api.jobs.list(ns, opts));
    expect(keys(l.items)).toEqual(want);
    expect(l.kind).toBe('JobList');
    expect(l.apiVersion).toBe('batch/v1');
  });

  it.each([
    [{ fieldSelector: 'spec.parallelism=1' }, 400, 'field label "spec.parallelism" not supported for batchv1.Job'],
    [{ fieldSelector: 'garbage' }, 400, "invalid selector: 'garbage'; can't understand 'garbage'"],
    [{ labelSelector: 'a b c' }, 400, undefined],
    [{ sendInitialEvents: true }, 422, 'ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list'],
    [{ resourceVersionMatch: 'Exact' }, 422, 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided'],
    [{ resourceVersion: '0', resourceVersionMatch: 'Exact' }, 422, 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"'],
    [{ resourceVersion: '2', resourceVersionMatch: 'Newest' }, 422, 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Unsupported value: "Newest": supported values: "Exact", "NotOlderThan", ""'],
    [{ resourceVersion: '999' }, 504, 'Timeout: Too large resource version: 999, current: 6'],
    [{ resourceVersion: 'abc' }, 500, 'resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax'],
  ])('bad options %j → %d', (opts, code, message) => {
    const { api } = cluster();
    const e = errorOf(api.jobs.list(null, opts));
    expect(e.code).toBe(code);
    if (message !== undefined) expect(e.message).toBe(message);
  });

  it('the list carries the store revision', () => {
    const { api, store } = cluster();
    expect(must(api.jobs.list(null)).metadata.resourceVersion).toBe(String(store.currentRevision()));
  });
});

describe('pagination', () => {
  it('walks all pages with limit/continue; remainingItemCount without selectors only', () => {
    const { api } = cluster();
    const seen: string[] = [];
    let cont: string | undefined;
    const remaining: (number | undefined)[] = [];
    for (let i = 0; i < 10; i++) {
      const l = must(api.jobs.list(null, { limit: 2, continue: cont }));
      seen.push(...keys(l.items));
      remaining.push(l.metadata.remainingItemCount);
      cont = l.metadata.continue;
      if (cont === undefined) break;
    }
    expect(seen).toEqual(['default/a', 'default/b', 'default/c', 'team/a', 'team/z']);
    expect(remaining).toEqual([3, 1, undefined]);
    const sel = must(api.jobs.list(null, { limit: 1, labelSelector: 'app=web' }));
    expect(sel.metadata.continue).toBeDefined();
    expect(sel.metadata.remainingItemCount).toBeUndefined();
  });

  it('the token is base64url of {v, rv, start}', () => {
    const { api, store } = cluster();
    const l = must(api.jobs.list('default', { limit: 1 }));
    expect(l.metadata.continue).toBe(base64UrlEncode(JSON.stringify({ v: 'meta.k8s.io/v1', rv: store.currentRevision(), start: 'a\u0000' })));
  });

  it('continued pages are served at the first page revision', () => {
    const { api } = cluster();
    const first = must(api.jobs.list('default', { limit: 1 }));
    must(api.jobs.delete('default', 'b', { propagationPolicy: 'Background' }));
    createJobs(api, [['bb', 'default']]);
    const rest = must(api.jobs.list('default', { continue: first.metadata.continue }));
    expect(keys(rest.items)).toEqual(['default/b', 'default/c']);
    expect(rest.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
    expect(keys(must(api.jobs.list('default')).items)).toEqual(['default/a', 'default/bb', 'default/c']);
  });

  it('resourceVersionMatch=Exact lists an older revision', () => {
    const { api } = cluster();
    const rv = must(api.jobs.list(null)).metadata.resourceVersion;
    must(api.jobs.patch('default', 'a', 'merge', { metadata: { labels: { app: 'changed' } } }));
    const old = must(api.jobs.list(null, { resourceVersion: rv, resourceVersionMatch: 'Exact', labelSelector: 'app=web' }));
    expect(keys(old.items)).toEqual(['default/a', 'default/b', 'team/a']);
    expect(old.metadata.resourceVersion).toBe(rv);
  });

  it.each([
    ['not base64', '%%%', 'invalid continue token: continue key is not valid: illegal base64 data at input byte 0'],
    ['not JSON', base64UrlEncode('nope'), 'invalid continue token: continue key is not valid: invalid character looking for beginning of value'],
    ['wrong version', base64UrlEncode('{"v":"x","rv":2,"start":"a"}'), 'invalid continue token: continue key is not valid: server does not recognize this encoded version "x"'],
    ['rv 0', base64UrlEncode('{"v":"meta.k8s.io/v1","rv":0,"start":"a"}'), 'invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)'],
    ['empty start', base64UrlEncode('{"v":"meta.k8s.io/v1","rv":2,"start":""}'), 'invalid continue token: continue key is not valid: encoded start key empty (version meta.k8s.io/v1)'],
    ['path traversal', base64UrlEncode('{"v":"meta.k8s.io/v1","rv":2,"start":"../x"}'), 'invalid continue token: continue key is not valid: ../x'],
  ])('bad token (%s) → 400', (_n, token, message) => {
    const { api } = cluster();
    expect(errorOf(api.jobs.list(null, { continue: token }))).toEqual({ code: 400, reason: 'BadRequest', message });
  });

  it('continue with resourceVersion → 400', () => {
    const { api } = cluster();
    const first = must(api.jobs.list(null, { limit: 1 }));
    expect(errorOf(api.jobs.list(null, { continue: first.metadata.continue, resourceVersion: '3' }))).toEqual({
      code: 400,
      reason: 'BadRequest',
      message: 'specifying resource version is not allowed when using continue',
    });
  });

  it('a token older than the event history → 410 Expired', () => {
    const { api, store } = cluster();
    const first = must(api.jobs.list(null, { limit: 1 }));
    const job = store.getJob('default', 'a')!;
    for (let i = 0; i < store.history.capacity + 5; i++) store.recordEvent(job, 'Normal', 'Tick', `tick ${i}`, 'test');
    expect(errorOf(api.jobs.list(null, { continue: first.metadata.continue }))).toEqual({
      code: 410,
      reason: 'Expired',
      message: 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
    });
  });
});

describe('pods and events', () => {
  it('lists events by field selector and rejects unknown fields with the core/v1 label', () => {
    const { api, store } = cluster();
    store.recordEvent(store.getJob('team', 'a')!, 'Normal', 'Hello', 'hi', 'test');
    expect(must(api.events.list('team', { fieldSelector: 'involvedObject.name=a,reason=Hello' })).items).toHaveLength(1);
    expect(errorOf(api.pods.list(null, { fieldSelector: 'spec.foo=x' })).message).toBe('field label "spec.foo" not supported for /v1, Kind=Pod');
  });
});
