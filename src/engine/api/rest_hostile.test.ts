import { describe, expect, it } from 'vitest';
import { Rng } from '../sim/random';
import type { RestApi } from './rest';
import { createJobs, setup } from './rest_testkit';
import type { RestResult, WatchOptions } from './rest_types';

/** Every answer is a value or a Status error; an InternalError would mean a caught exception. */
function expectStatus<T>(r: RestResult<T>): void {
  if (r.ok) return;
  expect(r.error.kind).toBe('Status');
  expect(typeof r.error.code).toBe('number');
  expect(r.error.reason).not.toBe('InternalError');
}

const HOSTILE: unknown[] = [
  null,
  undefined,
  42,
  'not json',
  '{"kind":"Job"',
  [],
  [1, 2, 3],
  { kind: 'Job', apiVersion: 'batch/v1', metadata: 'x' },
  { kind: 'Job', apiVersion: 'batch/v1', metadata: { name: 'a' }, spec: { parallelism: 'two' } },
  { kind: 'Job', apiVersion: 'batch/v1', metadata: { name: 'a' }, spec: { parallelism: 1e308 } },
  { kind: 'Job', apiVersion: 'batch/v1', metadata: { name: 'a'.repeat(100_000) }, spec: {} },
  { kind: 'Job', apiVersion: 'v1', metadata: { name: 'a' } },
  { kind: 'Pod', apiVersion: 'batch/v1', metadata: { name: 'a' } },
  JSON.parse('{"__proto__":{"polluted":true},"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"a"}}'),
  '{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"a","__proto__":{"x":1}}}',
  '['.repeat(5000) + ']'.repeat(5000),
  '{"a":"\\u00zz"}',
  '{"a":tru}',
  '"\u0001"',
];

const PATCHES: [string, unknown][] = [
  ['json', { op: 'add' }],
  ['json', [{ op: 'remove', path: '/' }]],
  ['json', [{ op: 'move', from: '/spec', path: '/spec/template' }]],
  ['json', [{ op: 'add', path: '/spec/template/spec/containers/99', value: {} }]],
  ['json', [{ op: 'replace', path: '', value: 7 }]],
  ['json', [{ op: 'copy', from: '/nope', path: '/x' }]],
  ['json', '[{"op":"add","path":"/metadata/labels/a~1b","value":"x"}]'],
  ['merge', [1]],
  ['merge', 'null'],
  ['merge', { spec: null }],
  ['merge', { metadata: { name: null } }],
  ['merge', { kind: 'Pod' }],
  ['merge', { status: { active: -1 } }],
  ['strategic', { spec: { template: { spec: { containers: [{ $patch: 'delete', name: 'main' }] } } } }],
  ['strategic', { $patch: 'replace' }],
  ['strategic', { spec: { template: { spec: { containers: 'x' } } } }],
  ['strategic', '{"spec":{"parallelism":1,"parallelism":2}}'],
  ['bogus', {}],
];

function everyVerb(api: RestApi, body: unknown): RestResult<unknown>[] {
  return [
    api.jobs.create('default', body),
    api.jobs.create('default', body, { fieldValidation: 'Strict' }),
    api.jobs.update('default', 'a', body),
    api.jobs.updateStatus('default', 'a', body),
    api.jobs.patch('default', 'a', 'merge', body),
    api.jobs.patch('default', 'a', 'json', body),
    api.jobs.patchStatus('default', 'a', 'strategic', body, { fieldValidation: 'Strict' }),
  ];
}

describe('hostile input never throws and always yields a Status error or a value', () => {
  it.each(HOSTILE.map((b, i) => [i, b]))('body #%d', (_i, body) => {
    const { api } = setup();
    createJobs(api, [['a', 'default']]);
    for (const r of everyVerb(api, body)) expectStatus(r);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(PATCHES)('%s patch %j', (type, patch) => {
    const { api } = setup();
    createJobs(api, [['a', 'default']]);
    for (const mode of ['Strict', 'Warn', 'Ignore']) {
      expectStatus(api.jobs.patch('default', 'a', type, patch, { fieldValidation: mode }));
      expectStatus(api.jobs.patchStatus('default', 'a', type, patch, { fieldValidation: mode }));
    }
  });

  it.each([
    [{ dryRun: 7 }],
    [{ dryRun: ['All', 'x'] }],
    [{ fieldValidation: 3 }],
    [{ fieldManager: 'x'.repeat(200) }],
    [{ fieldManager: 'bad\u0007' }],
    [null],
    ['strict'],
  ])('write options %j', (opts) => {
    const { api } = setup();
    createJobs(api, [['a', 'default']]);
    const o = opts as never;
    const results = [api.jobs.create('default', { kind: 'Job' }, o), api.jobs.patch('default', 'a', 'merge', {}, o), api.jobs.update('default', 'a', {}, o)];
    for (const r of results) expectStatus(r);
  });

  it.each([
    [{ limit: -1 }],
    [{ limit: Number.NaN }],
    [{ limit: 1e308 }],
    [{ continue: 'x'.repeat(10_000) }],
    [{ labelSelector: '(((' }],
    [{ fieldSelector: '=,=' }],
    [{ resourceVersion: '-1' }],
    [{ resourceVersion: '99999999999999999999999' }],
    [{ timeoutSeconds: -3, allowWatchBookmarks: true }],
  ])('list/watch options %j', (o) => {
    const opts = o as WatchOptions;
    const { api } = setup();
    createJobs(api, [['a', 'default']]);
    expectStatus(api.jobs.list(null, opts));
    const w = api.jobs.watch('default', opts);
    expectStatus(w);
    if (w.ok) expect(Array.isArray(w.value.poll())).toBe(true);
  });

  it.each([
    [{ propagationPolicy: 5 }],
    [{ gracePeriodSeconds: 'soon' }],
    [{ preconditions: 'x' }],
    [{ preconditions: { uid: 5 } }],
    [{ orphanDependents: 'yes' }],
  ])('delete options %j', (opts) => {
    const { api } = setup();
    createJobs(api, [['a', 'default']]);
    expectStatus(api.jobs.delete('default', 'a', opts as never));
    expectStatus(api.jobs.deleteCollection('default', opts as never));
  });

  it('seeded random JSON against every verb', () => {
    const rng = new Rng(7, 'hostile');
    const atoms: unknown[] = [null, true, 0, -1, 2147483648, 'x', '', 'Job', 'batch/v1', [], {}];
    const keys = ['kind', 'apiVersion', 'metadata', 'name', 'spec', 'status', 'template', 'parallelism', 'containers', 'labels', 'op', 'path', 'value', '$patch'];
    const gen = (d: number): unknown => {
      const k = rng.int(0, d > 3 ? 0 : 2);
      if (k === 0) return rng.pick(atoms);
      if (k === 1) return Array.from({ length: rng.int(0, 3) }, () => gen(d + 1));
      const o: Record<string, unknown> = {};
      for (let i = rng.int(0, 4); i > 0; i--) o[rng.pick(keys)] = gen(d + 1);
      return o;
    };
    const { api } = setup();
    createJobs(api, [['a', 'default']]);
    for (let i = 0; i < 300; i++) {
      const body = gen(0);
      for (const r of everyVerb(api, body)) expectStatus(r);
      expectStatus(api.jobs.patch('default', 'a', 'strategic', body));
      expectStatus(api.jobs.create('default', JSON.stringify(body)));
    }
  });
});
