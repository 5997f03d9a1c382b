import { describe, expect, it } from 'vitest';
import { decodeJob } from './decode';
import { kubectlErrorText } from './errors';
import { baseJob, createJob, jobWith, setPath } from './validation/testkit';

const PREFIX = 'Error from server (BadRequest): Job in version "v1" cannot be handled as a Job: ';

function errorText(raw: unknown, fv: 'Strict' | 'Warn' | 'Ignore' = 'Warn'): string {
  const d = decodeJob(raw, fv);
  return d.ok ? '' : kubectlErrorText(d.error);
}

describe('decode: type errors', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['string into int32', { 'spec.parallelism': 'two' }, 'json: cannot unmarshal string into Go struct field JobSpec.spec.parallelism of type int32'],
    ['float into int32', { 'spec.completions': 1.5 }, 'json: cannot unmarshal number 1.5 into Go struct field JobSpec.spec.completions of type int32'],
    ['int32 overflow', { 'spec.backoffLimit': 3000000000 }, 'json: cannot unmarshal number 3000000000 into Go struct field JobSpec.spec.backoffLimit of type int32'],
    ['int64 field accepts big values', { 'spec.activeDeadlineSeconds': 3000000000 }, ''],
    ['bool field given a string', { 'spec.suspend': 'yes' }, 'json: cannot unmarshal string into Go struct field JobSpec.spec.suspend of type bool'],
    ['string field given a number', { 'metadata.name': 5 }, 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string'],
    ['label value number', { 'metadata.labels': { a: 1 } }, 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
    ['spec is a string', { spec: 'x' }, 'json: cannot unmarshal string into Go struct field Job.spec of type v1.JobSpec'],
    ['containers is an object', { 'spec.template.spec.containers': { name: 'x' } }, 'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container'],
    ['container name number', { 'spec.template.spec.containers.0.name': 7 }, 'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.name of type string'],
    ['exit codes strings', { 'spec.podFailurePolicy': { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: ['1'] } }] } }, 'json: cannot unmarshal string into Go struct field PodFailurePolicyOnExitCodesRequirement.spec.podFailurePolicy.rules.onExitCodes.values of type int32'],
    ['bad quantity', { 'spec.template.spec.containers.0.resources': { limits: { cpu: 'lots' } } }, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['bad quantity suffix', { 'spec.template.spec.containers.0.resources': { limits: { memory: '1KK' } } }, "unable to parse quantity's suffix"],
    ['quantity format', { 'spec.template.spec.containers.0.resources': { limits: { memory: '1Kb' } } }, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['bad timestamp', { 'metadata.creationTimestamp': 'yesterday' }, 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"'],
    ['NaN string', { 'spec.parallelism': 'NaN' }, 'json: cannot unmarshal string into Go struct field JobSpec.spec.parallelism of type int32'],
    ['1e400', { 'spec.parallelism': Number('1e400') }, 'json: cannot unmarshal number Infinity into Go struct field JobSpec.spec.parallelism of type int32'],
  ])('%s', (_n, edits, expected) => {
    const out = errorText(jobWith(edits));
    if (expected === '') expect(out).toBe('');
    else expect(out).toBe(PREFIX + expected);
  });
});

describe('decode: request shape', () => {
  it.each<[string, unknown, string]>([
    ['wrong apiVersion', { ...baseJob(), apiVersion: 'v1' }, 'Error from server (BadRequest): the API version in the data (v1) does not match the expected API version (batch/v1)'],
    ['missing kind', { ...baseJob(), kind: undefined }, "Error from server (BadRequest): Object 'Kind' is missing in"],
    ['wrong kind', { ...baseJob(), kind: 'Pod' }, PREFIX + 'no kind "Pod" is registered for version "batch/v1"'],
    ['not an object', 'hello', 'Error from server (BadRequest): couldn\'t get version/kind; json parse error: json: cannot unmarshal string into Go value of type struct'],
    ['array body', [1, 2], "couldn't get version/kind"],
    ['null body', null, "couldn't get version/kind"],
    ['kind is a number', { ...baseJob(), kind: 5 }, "couldn't get version/kind"],
  ])('%s', (_n, raw, expected) => {
    expect(errorText(raw)).toContain(expected);
  });

  it('fills Go zero-value structs', () => {
    const d = decodeJob({ apiVersion: 'batch/v1', kind: 'Job' });
    expect(d.ok && d.job.spec.template.spec.containers).toEqual([]);
    expect(d.ok && d.job.status).toEqual({});
  });

  it('canonicalizes quantities', () => {
    const d = decodeJob(jobWith({ 'spec.template.spec.containers.0.resources': { limits: { cpu: 0.5, memory: '1024Mi' }, requests: { cpu: '1000m' } } }));
    expect(d.ok && d.job.spec.template.spec.containers[0]?.resources).toEqual({ limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '1' } });
  });

  it('null fields are treated as absent', () => {
    const d = decodeJob(jobWith({ 'spec.parallelism': null, 'metadata.labels': null }));
    expect(d.ok && d.job.spec.parallelism).toBeUndefined();
    expect(d.ok && d.job.metadata.labels).toBeUndefined();
  });
});

describe('decode: fieldValidation', () => {
  const raw = (): Record<string, unknown> =>
    jobWith({ 'spec.foo': 1, 'spec.template.spec.containers.0.imagee': 'x', 'metadata.labelz': {} });

  it('Warn: warnings, fields dropped', () => {
    const d = decodeJob(raw(), 'Warn');
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.warnings).toEqual([
      'unknown field "metadata.labelz"',
      'unknown field "spec.template.spec.containers[0].imagee"',
      'unknown field "spec.foo"',
    ]);
    expect('foo' in d.job.spec).toBe(false);
    expect('imagee' in (d.job.spec.template.spec.containers[0] ?? {})).toBe(false);
  });

  it('Strict: 400 listing every unknown field', () => {
    expect(errorText(raw(), 'Strict')).toBe(
      PREFIX +
        'strict decoding error: unknown field "metadata.labelz", unknown field "spec.template.spec.containers[0].imagee", unknown field "spec.foo"',
    );
  });

  it('Ignore: silently dropped', () => {
    const d = decodeJob(raw(), 'Ignore');
    expect(d.ok && d.warnings).toEqual([]);
    expect(d.ok && 'foo' in d.job.spec).toBe(false);
  });

  it('default mode is Warn', () => {
    const d = decodeJob(raw());
    expect(d.ok && d.warnings.length).toBe(3);
  });

  it('keeps opaque subtrees and volume sources', () => {
    const d = decodeJob(
      jobWith({
        'spec.template.spec.affinity': { nodeAffinity: { anything: [1, 2] } },
        'spec.template.spec.volumes': [{ name: 'd', configMap: { name: 'c' } }],
      }),
      'Strict',
    );
    expect(d.ok).toBe(true);
    expect(d.ok && d.job.spec.template.spec.volumes).toEqual([{ name: 'd', configMap: { name: 'c' } }]);
  });

  it('a __proto__ label key is kept as data', () => {
    const raw = JSON.parse('{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"x","labels":{"__proto__":"y"}}}') as unknown;
    const d = decodeJob(raw);
    expect(d.ok && Object.keys(d.job.metadata.labels ?? {})).toEqual(['__proto__']);
  });
});

describe('hostile input never throws', () => {
  const deep = (n: number): unknown => {
    let v: unknown = 'x';
    for (let i = 0; i < n; i++) v = { a: v };
    return v;
  };
  const cyclic = (): unknown => {
    const o: Record<string, unknown> = {};
    o.self = o;
    return o;
  };
  const garbage: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['number', 42],
    ['deeply nested opaque field', jobWith({ 'spec.template.spec.affinity': deep(5000) })],
    ['deeply nested unknown field', jobWith({ 'spec.zzz': deep(5000) })],
    ['cyclic opaque field', jobWith({ 'spec.template.spec.affinity': cyclic() })],
    ['wrong types everywhere', { apiVersion: 'batch/v1', kind: 'Job', metadata: [], spec: 1, status: 'x' }],
    ['status wrong types', jobWith({ status: { active: 'a' } })],
    ['containers of numbers', jobWith({ 'spec.template.spec.containers': [1, 2] })],
    ['huge number of rules', jobWith({ 'spec.podFailurePolicy': { rules: Array.from({ length: 5000 }, () => ({ action: 'Ignore' })) } })],
    ['huge quantity exponent', jobWith({ 'spec.template.spec.containers.0.resources': { limits: { cpu: '1e999999999' } } })],
    ['bigint', jobWith({ 'spec.parallelism': 10n })],
    ['function value', jobWith({ 'spec.template.spec.affinity': { f: () => 1 } })],
    ['NaN', jobWith({ 'spec.parallelism': Number.NaN })],
    ['null container entries', jobWith({ 'spec.template.spec.containers': [null] })],
    ['null env entries', setPath(baseJob(), 'spec.template.spec.containers.0.env', [null, { name: 'A' }])],
  ];
  it.each(garbage)('%s', (_n, raw) => {
    for (const fv of ['Strict', 'Warn', 'Ignore'] as const) {
      const out = (() => {
        try {
          return createJob(raw, fv);
        } catch (e) {
          return { text: `THREW ${String(e)}`, errors: [], warnings: [] };
        }
      })();
      expect(out.text.startsWith('THREW')).toBe(false);
    }
  });

  it('type errors are a 400 Status', () => {
    const d = decodeJob(jobWith({ 'spec.parallelism': {} }));
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.error.code).toBe(400);
    expect(d.error.reason).toBe('BadRequest');
    expect(d.error.kind).toBe('Status');
  });
});
