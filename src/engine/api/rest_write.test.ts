import { describe, expect, it } from 'vitest';
import { errorOf, manifest, must, setup } from './rest_testkit';
import type { Job } from './types';

const CONFLICT = 'Operation cannot be fulfilled on jobs.batch "a": the object has been modified; please apply your changes to the latest version and try again';

describe('create', () => {
  it('stores the Job and answers 201 with the stored object', () => {
    const { api, store } = setup();
    const r = api.jobs.create('default', manifest('a'));
    expect(r.ok && r.code).toBe(201);
    const job = must(r);
    expect(job.metadata.resourceVersion).toBe(store.getJob('default', 'a')?.metadata.resourceVersion);
    expect(job.metadata.generation).toBe(1);
  });

  it('dryRun=All stores nothing, emits nothing, returns the would-be object without resourceVersion', () => {
    const { api, store } = setup();
    const before = store.currentRevision();
    const r = api.jobs.create('default', manifest('a'), { dryRun: 'All' });
    const job = must(r);
    expect(r.ok && r.code).toBe(201);
    expect(job.metadata.uid).toBeTruthy();
    expect(job.metadata.resourceVersion).toBeUndefined();
    expect(store.getJob('default', 'a')).toBeUndefined();
    expect(store.currentRevision()).toBe(before);
    expect(store.trace.entries).toHaveLength(0);
  });

  it('dryRun still answers 409 for a taken name', () => {
    const { api } = setup();
    must(api.jobs.create('default', manifest('a')));
    expect(errorOf(api.jobs.create('default', manifest('a'), { dryRun: ['All'] }))).toEqual({ code: 409, reason: 'AlreadyExists', message: 'jobs.batch "a" already exists' });
  });

  it.each([
    ['create', 'CreateOptions'],
    ['update', 'UpdateOptions'],
    ['patch', 'PatchOptions'],
    ['delete', 'DeleteOptions'],
  ])('an invalid dryRun on %s is the 422 on %s', (verb, kind) => {
    const { api } = setup();
    must(api.jobs.create('default', manifest('a')));
    const opts = { dryRun: 'foo' };
    const r =
      verb === 'create' ? api.jobs.create('default', manifest('b'), opts)
      : verb === 'update' ? api.jobs.update('default', 'a', manifest('a'), opts)
      : verb === 'patch' ? api.jobs.patch('default', 'a', 'merge', {}, opts)
      : api.jobs.delete('default', 'a', opts);
    expect(errorOf(r)).toEqual({ code: 422, reason: 'Invalid', message: `${kind}.meta.k8s.io "" is invalid: dryRun: Unsupported value: ["foo"]: supported values: "All"` });
  });

  it('an invalid fieldValidation is a 422 listing the allowed values', () => {
    const { api } = setup();
    expect(errorOf(api.jobs.create('default', manifest('a'), { fieldValidation: 'Loose' })).message).toBe(
      'CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Loose": supported values: "", "Ignore", "Strict", "Warn"',
    );
  });
});

const UNKNOWN_AND_DUP = '{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"a","name":"a"},"spec":{"foo":1,"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"main","image":"busybox","imagee":"x"}]}}}}';

describe('fieldValidation on POST', () => {
  it.each([
    ['Strict', 400, 'Job in version "v1" cannot be handled as a Job: strict decoding error: duplicate field "metadata.name", unknown field "spec.foo", unknown field "spec.template.spec.containers[0].imagee"', []],
    ['Warn', 201, '', ['duplicate field "metadata.name"', 'unknown field "spec.foo"', 'unknown field "spec.template.spec.containers[0].imagee"']],
    ['Ignore', 201, '', []],
  ])('%s', (mode, code, message, warnings) => {
    const { api } = setup();
    const r = api.jobs.create('default', UNKNOWN_AND_DUP, { fieldValidation: mode });
    if (r.ok) {
      expect(r.code).toBe(code);
      expect(r.warnings).toEqual(warnings);
    } else expect({ code: r.error.code, message: r.error.message }).toEqual({ code, message });
  });

  it('Warn is the default; duplicate keys: the last one wins', () => {
    const { api } = setup();
    const r = api.jobs.create('default', '{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"x","name":"a"},"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"main","image":"busybox"}]}}}}');
    expect(r.ok && r.warnings).toEqual(['duplicate field "metadata.name"']);
    expect(must(r).metadata.name).toBe('a');
  });

  it.each([
    ['{', "couldn't get version/kind; json parse error: unexpected end of JSON input"],
    ['{"a" 1}', "couldn't get version/kind; json parse error: invalid character '1' after object key"],
    ['[1,}', "couldn't get version/kind; json parse error: invalid character '}' looking for beginning of value"],
    ['{} x', "couldn't get version/kind; json parse error: invalid character 'x' after top-level value"],
  ])('bad JSON text %s → 400', (text, message) => {
    const { api } = setup();
    expect(errorOf(api.jobs.create('default', text))).toEqual({ code: 400, reason: 'BadRequest', message });
  });
});

function created(): ReturnType<typeof setup> & { job: Job } {
  const s = setup();
  return { ...s, job: must(s.api.jobs.create('default', manifest('a'))) };
}

describe('update (PUT)', () => {
  it('bumps generation on a spec change and ignores status', () => {
    const { api, job } = created();
    const body = { ...job, spec: { ...job.spec, parallelism: 3 }, status: { active: 99 } };
    const r = must(api.jobs.update('default', 'a', body));
    expect(r.metadata.generation).toBe(2);
    expect(r.status.active).toBeUndefined();
  });

  it('a metadata-only change keeps generation', () => {
    const { api, job } = created();
    const r = must(api.jobs.update('default', 'a', { ...job, metadata: { ...job.metadata, labels: { ...job.metadata.labels, x: 'y' } } }));
    expect(r.metadata.generation).toBe(1);
    expect(Number(r.metadata.resourceVersion)).toBeGreaterThan(Number(job.metadata.resourceVersion));
  });

  it.each([
    ['stale resourceVersion', (j: Job): unknown => ({ ...j, metadata: { ...j.metadata, resourceVersion: '1' } }), 409, CONFLICT],
    ['name differs from the URL', (j: Job): unknown => ({ ...j, metadata: { ...j.metadata, name: 'b' } }), 400, 'the name of the object (b) does not match the name on the URL (a)'],
    ['namespace differs', (j: Job): unknown => ({ ...j, metadata: { ...j.metadata, namespace: 'other' } }), 400, 'the namespace of the provided object does not match the namespace sent on the request'],
    ['immutable template', (j: Job): unknown => ({ ...j, spec: { ...j.spec, completions: 5 } }), 422, undefined],
  ])('%s', (_n, edit, code, message) => {
    const { api, job } = created();
    const e = errorOf(api.jobs.update('default', 'a', edit(job)));
    expect(e.code).toBe(code);
    if (message !== undefined) expect(e.message).toBe(message);
  });

  it('without resourceVersion the update is unconditional', () => {
    const { api, job } = created();
    const { resourceVersion: _, ...meta } = job.metadata;
    expect(must(api.jobs.update('default', 'a', { ...job, metadata: meta, spec: { ...job.spec, parallelism: 2 } })).spec.parallelism).toBe(2);
  });

  it('a missing Job is 404 (PUT never creates)', () => {
    const { api } = setup();
    expect(errorOf(api.jobs.update('default', 'a', manifest('a')))).toEqual({ code: 404, reason: 'NotFound', message: 'jobs.batch "a" not found' });
  });

  it('dryRun returns the would-be object and changes nothing', () => {
    const { api, job, store } = created();
    const rev = store.currentRevision();
    const r = must(api.jobs.update('default', 'a', { ...job, spec: { ...job.spec, parallelism: 4 } }, { dryRun: 'All' }));
    expect(r.spec.parallelism).toBe(4);
    expect(store.getJob('default', 'a')?.spec.parallelism).toBe(1);
    expect(store.currentRevision()).toBe(rev);
  });
});

describe('status subresource', () => {
  it('updateStatus keeps spec and generation, stores status', () => {
    const { api, job } = created();
    const r = must(api.jobs.updateStatus('default', 'a', { ...job, spec: { ...job.spec, parallelism: 7 }, status: { active: 1, startTime: '2025-01-01T00:00:00Z' } }));
    expect(r.status.active).toBe(1);
    expect(r.spec.parallelism).toBe(1);
    expect(r.metadata.generation).toBe(1);
    expect(must(api.jobs.getStatus('default', 'a')).status.active).toBe(1);
  });

  it.each([
    ['negative active', { active: -1 }, 'Job.batch "a" is invalid: status.active: Invalid value: -1: must be greater than or equal to 0'],
    ['failed decreases', { failed: 0 }, 'Job.batch "a" is invalid: status.failed: Invalid value: 0: cannot decrease the failed counter'],
  ])('422: %s', (_n, status, message) => {
    const { api, job, store } = created();
    store.put({ ...store.getJob('default', 'a')!, status: { failed: 2 } });
    const cur = store.getJob('default', 'a')!;
    const e = errorOf(api.jobs.updateStatus('default', 'a', { ...job, metadata: cur.metadata, status: { ...cur.status, ...status } }));
    expect(e.code).toBe(422);
    expect(e.message).toBe(message);
  });

  it('a stale resourceVersion is the 409 Conflict', () => {
    const { api, job } = created();
    expect(errorOf(api.jobs.updateStatus('default', 'a', { ...job, metadata: { ...job.metadata, resourceVersion: '1' }, status: { active: 1 } })).message).toBe(CONFLICT);
  });

  it('patchStatus (merge) ignores spec in the patch', () => {
    const { api } = created();
    const r = must(api.jobs.patchStatus('default', 'a', 'merge', { spec: { parallelism: 5 }, status: { ready: 0, active: 2 } }));
    expect([r.spec.parallelism, r.status.active]).toEqual([1, 2]);
  });
});

describe('patch', () => {
  it.each([
    ['merge', { spec: { parallelism: 2 } }],
    ['strategic', { spec: { parallelism: 2 } }],
    ['json', [{ op: 'replace', path: '/spec/parallelism', value: 2 }]],
    ['json', '[{"op":"replace","path":"/spec/parallelism","value":2}]'],
  ])('%s patch of parallelism bumps generation', (type, patch) => {
    const { api } = created();
    const r = must(api.jobs.patch('default', 'a', type, patch));
    expect([r.spec.parallelism, r.metadata.generation]).toEqual([2, 2]);
  });

  it('merge replaces lists, strategic merges containers by name', () => {
    const { api } = created();
    const merge = must(api.jobs.patch('default', 'a', 'merge', { metadata: { finalizers: ['example.com/x'] } }, { dryRun: 'All' }));
    expect(merge.metadata.finalizers).toEqual(['example.com/x']);
    const smp = api.jobs.patch('default', 'a', 'strategic', { spec: { template: { spec: { containers: [{ name: 'main', image: 'nginx' }] } } } });
    expect(errorOf(smp).message).toContain('field is immutable');
  });

  it.each([
    ['apply', 415, 'UnsupportedMediaType'],
    ['yaml', 415, 'UnsupportedMediaType'],
  ])('patch type %s → %d', (type, code, reason) => {
    const { api } = created();
    const e = errorOf(api.jobs.patch('default', 'a', type, {}));
    expect([e.code, e.reason]).toEqual([code, reason]);
  });

  it('Strict patch with an unknown field is the 422 on field `patch`', () => {
    const { api } = created();
    const e = errorOf(api.jobs.patch('default', 'a', 'merge', { spec: { foo: 1 } }, { fieldValidation: 'Strict' }));
    expect(e.code).toBe(422);
    expect(e.message.startsWith(' "" is invalid: patch: Invalid value: "{')).toBe(true);
    expect(e.message.endsWith(': strict decoding error: unknown field "spec.foo"')).toBe(true);
  });

  it('Warn patch drops the unknown field with a warning', () => {
    const { api } = created();
    const r = api.jobs.patch('default', 'a', 'merge', { spec: { foo: 1 } });
    expect(r.ok && r.warnings).toEqual(['unknown field "spec.foo"']);
  });

  it('force on a non-apply patch is a 422', () => {
    const { api } = created();
    expect(errorOf(api.jobs.patch('default', 'a', 'merge', {}, { force: true })).message).toBe(
      'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch',
    );
  });

  it.each([
    ['stale resourceVersion in the patch', { metadata: { resourceVersion: '1' } }, 409],
    ['renaming through a patch', { metadata: { name: 'b' } }, 400],
    ['failed json test op', [{ op: 'test', path: '/spec/parallelism', value: 9 }], 422],
  ])('%s', (_n, patch, code) => {
    const { api } = created();
    expect(errorOf(api.jobs.patch('default', 'a', Array.isArray(patch) ? 'json' : 'merge', patch)).code).toBe(code);
  });
});
