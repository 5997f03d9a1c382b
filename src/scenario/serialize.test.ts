import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLES } from './examples/index';
import { parseScenario } from './parse';
import type { ParseResult } from './parse';
import { defaultScenarioName, readMetadata, serializeScenario } from './serialize';

const CASES = import.meta.glob<string>('../engine/conformance/cases/**/*.yaml', { query: '?raw', import: 'default', eager: true });

function ok(r: ParseResult): Extract<ParseResult, { ok: true }> {
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r;
}

/** Every scenario we have: the gallery, and the conformance cases that are valid scenarios. */
const ALL: Array<[string, string]> = [
  ...EXAMPLES.map((e): [string, string] => [`example ${e.id}`, e.text]),
  ...Object.entries(CASES).flatMap(([path, text]): Array<[string, string]> => {
    const doc: unknown = parse(text);
    const sc = typeof doc === 'object' && doc !== null && 'scenario' in doc ? doc.scenario : null;
    const yaml = JSON.stringify(sc);
    return sc !== null && parseScenario(yaml).ok ? [[`case ${path.split('/cases/')[1] ?? path}`, yaml]] : [];
  }),
];

const EVERY_ACTION = `
metadata: {name: all-actions, title: "Every action", description: "d"}
spec:
  clock: {start: "2025-06-01T10:00:00+02:00"}
  seed: 7
  controller: {syncDelaySeconds: 0.5}
  job: {apiVersion: batch/v1, kind: Job, metadata: {name: demo}, spec: {completionMode: Indexed, completions: 3, parallelism: 3,
    template: {spec: {restartPolicy: Never, containers: [{name: main, image: busybox}]}}}}
  workload:
    defaults: {startupSeconds: 2, readySeconds: 1, durationSeconds: 10.5, exitCode: 3, terminationSeconds: 0, container: main,
      conditions: [{type: ConfigIssue, status: "True", reason: R, message: m}]}
    rules:
    - {index: "1,3-5", attempt: "0-2", exitCode: 42}
    - {index: 2, attempt: 1}
    random: {failureProbability: 0.25, exitCodes: [1, 2], durationSeconds: {min: 1, max: 2}}
  actions:
  - {at: 1, failPod: {index: 2, exitCode: 137}}
  - {at: 1.5, failPod: {}}
  - {at: 2, disruptPod: {name: demo-1-x, reason: PreemptionByScheduler}}
  - {at: 3, deletePod: {index: 0, gracePeriodSeconds: 0}}
  - {at: 4, setPodCondition: {index: 1, type: ConfigIssue, status: "False", reason: Why, message: because}}
  - {at: 5, suspend: true}
  - {at: "1m", suspend: false}
  - {at: 61, scale: {parallelism: 5, completions: 5}}
  - {at: 62, patchJob: {type: json, patch: [{op: replace, path: /spec/parallelism, value: 2}]}}
  - {at: 63, patchJob: {patch: {spec: {parallelism: 1}}}}
  - {at: 64, kubectl: "get pods -o wide"}
  - {at: 65, apply: {apiVersion: batch/v1, kind: Job, metadata: {name: demo}, spec: {parallelism: 2}}}
  - {at: 66, deleteJob: {propagationPolicy: Foreground}}
  - {at: 67, deleteJob: {}}
  until: 2h
`;

describe('serializeScenario', () => {
  it('has every gallery example and many conformance cases to round-trip', () => {
    expect(ALL.length).toBeGreaterThan(60);
  });

  it.each(ALL)('%s round-trips, full and minimal', (_n, text) => {
    const s = ok(parseScenario(text)).scenario;
    for (const minimal of [false, true]) {
      const back = ok(parseScenario(serializeScenario(s, { minimal })));
      expect(back.scenario).toEqual(s);
      expect(back.warnings).toEqual([]);
    }
  });

  it('round-trips every action kind and every workload field', () => {
    const s = ok(parseScenario(EVERY_ACTION)).scenario;
    expect(s.actions).toHaveLength(14);
    for (const minimal of [false, true]) expect(ok(parseScenario(serializeScenario(s, { minimal }))).scenario).toEqual(s);
  });

  it('writes metadata texts and expect when given, and the defaults only when not minimal', () => {
    const s = ok(parseScenario('spec: {job: {apiVersion: batch/v1, kind: Job, metadata: {name: demo}}}')).scenario;
    const full = serializeScenario(s, { metadata: { title: 'T', i18n: { 'zh-CN': { title: '标题' } } }, expect: { finished: true } });
    expect(parse(full)).toEqual({
      apiVersion: 'job-playground/v1', kind: 'Scenario',
      metadata: { name: 'demo', title: 'T', i18n: { 'zh-CN': { title: '标题' } } },
      spec: {
        clock: { start: '2025-01-01T00:00:00Z' }, seed: 1, controller: { syncDelaySeconds: 0 },
        job: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'demo' } },
        workload: { defaults: { startupSeconds: 1, readySeconds: 0, durationSeconds: 10, exitCode: 0, terminationSeconds: 1 } },
        actions: [], until: 'finished',
      },
      expect: { finished: true },
    });
    expect(ok(parseScenario(full)).expect).toEqual({ finished: true });
    expect(serializeScenario(s, { minimal: true })).toBe(
      'apiVersion: job-playground/v1\nkind: Scenario\nspec:\n  job:\n    apiVersion: batch/v1\n    kind: Job\n    metadata:\n      name: demo\n',
    );
  });

  it('keeps a scenario name that differs from the Job name', () => {
    const s = ok(parseScenario('metadata: {name: other}\nspec: {job: {metadata: {name: demo}}}')).scenario;
    expect(parse(serializeScenario(s, { minimal: true })).metadata).toEqual({ name: 'other' });
  });

  it.each<[string, unknown, string]>([
    ['a DNS label', { metadata: { name: 'demo' } }, 'demo'],
    ['an upper-case name', { metadata: { name: 'Demo' } }, 'scenario'],
    ['no metadata', {}, 'scenario'],
    ['not a map', 'x', 'scenario'],
  ])('defaultScenarioName: %s', (_n, job, want) => {
    expect(defaultScenarioName(job)).toBe(want);
  });

  it('readMetadata keeps only well-typed texts', () => {
    expect(readMetadata({ metadata: { name: 'n', title: 5, description: 'd', i18n: { 'zh-CN': { title: 't', whatToWatch: [] } } } }))
      .toEqual({ name: 'n', description: 'd', i18n: { 'zh-CN': { title: 't' } } });
    expect(readMetadata(null)).toEqual({});
  });
});

describe('metadata extension fields (gallery texts)', () => {
  const job = 'spec: {job: {metadata: {name: demo}}}\n';
  it('accepts whatToWatch and i18n.<locale> texts', () => {
    const r = parseScenario(`metadata: {name: demo, whatToWatch: w, i18n: {zh-CN: {title: 标题, description: 描述, whatToWatch: 看}}}\n${job}`);
    expect(r.ok).toBe(true);
  });

  it.each<[string, string, string]>([
    ['an unknown metadata key', 'metadata: {colour: red}', 'metadata.colour: unknown key; allowed keys: name, title, description, whatToWatch, i18n'],
    ['i18n that is not a map', 'metadata: {i18n: [zh]}', 'metadata.i18n: must be a mapping of locales (like zh-CN) to { title, description, whatToWatch }'],
    ['a bad locale', 'metadata: {i18n: {"zh cn": {title: t}}}', 'metadata.i18n.zh cn: must be a locale like zh-CN'],
    ['an unknown i18n key', 'metadata: {i18n: {zh-CN: {name: n}}}', 'metadata.i18n.zh-CN.name: unknown key; allowed keys: title, description, whatToWatch'],
    ['a non-string text', 'metadata: {i18n: {zh-CN: {title: 5}}}', 'metadata.i18n.zh-CN.title: must be a string, not'],
    ['a non-string whatToWatch', 'metadata: {whatToWatch: [a]}', 'metadata.whatToWatch: must be a string, not'],
  ])('refuses %s', (_n, meta, message) => {
    const r = parseScenario(`${meta}\n${job}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(`${r.errors[0]?.path}: ${r.errors[0]?.message}`).toContain(message);
  });
});
