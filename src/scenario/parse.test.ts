import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKLOAD } from '../engine/sim/scenario';
import { formatScenarioError, parseScenario } from './parse';
import type { ParseResult } from './parse';

const JOB = `    apiVersion: batch/v1
    kind: Job
    metadata: {name: demo}
    spec:
      completions: 3
      completionMode: Indexed
      template:
        spec:
          restartPolicy: Never
          containers: [{name: main, image: busybox}]
`;

/** A scenario with `spec:` lines (indented 2) appended after spec.job. */
function scenario(specExtra = '', top = ''): string {
  return `apiVersion: job-playground/v1
kind: Scenario
metadata:
  name: demo-scenario
spec:
  job:
${JOB}${specExtra}${top}`;
}

function errorsOf(r: ParseResult): string[] {
  return r.ok ? [] : r.errors.map(formatScenarioError);
}

function ok(r: ParseResult) {
  if (!r.ok) throw new Error(`unexpected errors:\n${errorsOf(r).join('\n')}`);
  return r;
}

describe('parseScenario: valid scenarios', () => {
  it('applies every default', () => {
    const r = ok(parseScenario(scenario()));
    expect(r.scenario).toEqual({
      name: 'demo-scenario',
      clockStart: '2025-01-01T00:00:00Z',
      seed: 1,
      job: {
        apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'demo' },
        spec: { completions: 3, completionMode: 'Indexed', template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] } } },
      },
      workload: { defaults: DEFAULT_WORKLOAD, rules: [] },
      actions: [],
      until: 'finished',
      syncDelayMs: 0,
    });
    expect(r.warnings).toEqual([]);
    expect(r.expect).toBeUndefined();
  });

  it('reads the full format of the contract', () => {
    const text = scenario(`  clock: {start: "2025-03-04T05:06:07+01:00"}
  seed: 42
  controller: {syncDelaySeconds: 0.5}
  workload:
    defaults: {startupSeconds: 2, durationSeconds: 20.0005}
    rules:
      - index: "1,3-5"
        attempt: "0-2"
        exitCode: 42
        container: main
        conditions:
          - {type: ConfigIssue, status: "True"}
          - {type: Other, status: False}
      - attempt: 1
        durationSeconds: 5
    random: {failureProbability: 0.1, exitCodes: [1, 2], durationSeconds: {min: 5, max: 15}}
  actions:
    - {at: 15, failPod: {index: 2, exitCode: 137}}
    - {at: 20, disruptPod: {index: 1}}
    - {at: 25, deletePod: {name: demo-abcde, gracePeriodSeconds: 0}}
    - {at: 26, setPodCondition: {index: 0, type: ConfigIssue, status: "True"}}
    - {at: 30, suspend: true}
    - {at: "45s", scale: {parallelism: 5, completions: 5}}
    - {at: 50, patchJob: {type: merge, patch: {spec: {activeDeadlineSeconds: 100}}}}
    - {at: 50, patchJob: {type: json, patch: [{op: replace, path: /spec/parallelism, value: 1}]}}
    - {at: 55, kubectl: "delete pod -l batch.kubernetes.io/job-completion-index=3"}
    - {at: 1m, apply: {apiVersion: batch/v1, kind: Job, metadata: {name: demo}, spec: {parallelism: 2}}}
    - {at: 1m0.5s, failPod: {}}
    - {at: 61, deleteJob: {propagationPolicy: Background}}
    - {at: 62, deleteJob: }
  until: 1h
`, 'expect: {finished: true, podsCreated: 3}\n');
    const r = ok(parseScenario(text));
    const s = r.scenario;
    expect(s.clockStart).toBe('2025-03-04T04:06:07Z');
    expect(s.seed).toBe(42);
    expect(s.syncDelayMs).toBe(500);
    expect(s.until).toBe(3_600_000);
    expect(s.workload.defaults).toEqual({ ...DEFAULT_WORKLOAD, startupSeconds: 2, durationSeconds: 20.001 });
    expect(s.workload.rules).toEqual([
      {
        index: { text: '1,3-5', ranges: [[1, 1], [3, 5]] },
        attempt: { text: '0-2', ranges: [[0, 2]] },
        outcome: { exitCode: 42, container: 'main', conditions: [{ type: 'ConfigIssue', status: 'True' }, { type: 'Other', status: 'False' }] },
      },
      { attempt: { text: '1', ranges: [[1, 1]] }, outcome: { durationSeconds: 5 } },
    ]);
    expect(s.workload.random).toEqual({ failureProbability: 0.1, exitCodes: [1, 2], durationSeconds: { min: 5, max: 15 } });
    expect(s.actions).toEqual([
      { atMs: 15000, kind: 'failPod', target: { index: 2 }, exitCode: 137 },
      { atMs: 20000, kind: 'disruptPod', target: { index: 1 }, reason: 'EvictionByEvictionAPI' },
      { atMs: 25000, kind: 'deletePod', target: { name: 'demo-abcde' }, gracePeriodSeconds: 0 },
      { atMs: 26000, kind: 'setPodCondition', target: { index: 0 }, type: 'ConfigIssue', status: 'True' },
      { atMs: 30000, kind: 'suspend', value: true },
      { atMs: 45000, kind: 'scale', parallelism: 5, completions: 5 },
      { atMs: 50000, kind: 'patchJob', patchType: 'merge', patch: { spec: { activeDeadlineSeconds: 100 } } },
      { atMs: 50000, kind: 'patchJob', patchType: 'json', patch: [{ op: 'replace', path: '/spec/parallelism', value: 1 }] },
      { atMs: 55000, kind: 'kubectl', command: 'delete pod -l batch.kubernetes.io/job-completion-index=3' },
      { atMs: 60000, kind: 'applyJob', manifest: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'demo' }, spec: { parallelism: 2 } } },
      { atMs: 60500, kind: 'failPod', target: {}, exitCode: 1 },
      { atMs: 61000, kind: 'deleteJob', propagationPolicy: 'Background' },
      { atMs: 62000, kind: 'deleteJob' },
    ]);
    expect(r.expect).toEqual({ finished: true, podsCreated: 3 });
  });

  it('accepts JSON', () => {
    const json = JSON.stringify({ spec: { job: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j1' } }, until: 30 } });
    const r = ok(parseScenario(json));
    expect(r.scenario.name).toBe('j1');
    expect(r.scenario.until).toBe(30000);
  });

  it('names the scenario after the Job when metadata.name is absent', () => {
    expect(ok(parseScenario('spec: {job: {metadata: {name: Not_A_Label}}}')).scenario.name).toBe('scenario');
    expect(ok(parseScenario('spec: {job: {metadata: {name: abc}}}')).scenario.name).toBe('abc');
  });

  it('warns about actions after until', () => {
    const r = ok(parseScenario(scenario('  actions: [{at: 90, suspend: true}]\n  until: 60\n')));
    expect(r.warnings).toEqual(['spec.actions[0].at: at 90s is after until (60s): this action will not run (line 17)']);
  });
});

describe('parseScenario: errors name the path and the line', () => {
  // Line numbers: the scenario() header and JOB take lines 1-16; specExtra starts at line 17.
  it.each([
    ['wrong type in a rule', '  workload:\n    rules:\n      - exitCode: "x"\n',
      ['spec.workload.rules[0].exitCode: must be an integer, not the string "x" (line 19)']],
    ['fractional exit code', '  workload:\n    rules:\n      - {index: 1, exitCode: 1.5}\n',
      ['spec.workload.rules[0].exitCode: must be an integer, not number 1.5 (line 19)']],
    ['unknown key in defaults', '  workload:\n    defaults: {exitcode: 1}\n',
      ['spec.workload.defaults.exitcode: unknown key; allowed keys: startupSeconds, readySeconds, durationSeconds, terminationSeconds, exitCode, container, conditions, succeedAfterRestarts (line 18)']],
    ['unknown key in spec', '  bogus: 1\n',
      ['spec.bogus: unknown key; allowed keys: clock, seed, job, workload, actions, until, controller (line 17)']],
    ['bad index set', '  workload:\n    rules: [{index: "5-3"}]\n',
      ['spec.workload.rules[0].index: malformed set "5-3": range "5-3" ends before it starts (line 18)']],
    ['bad attempt set', '  workload:\n    rules: [{attempt: "a"}]\n',
      ['spec.workload.rules[0].attempt: malformed set "a": each element is "N" or "N-M" (e.g. "1,3-5") (line 18)']],
    ['negative seconds', '  workload:\n    defaults: {durationSeconds: -1}\n',
      ['spec.workload.defaults.durationSeconds: must be between 0 and 1000000000 seconds, not -1 (line 18)']],
    ['condition without type', '  workload:\n    rules: [{conditions: [{status: "True"}]}]\n',
      ['spec.workload.rules[0].conditions[0].type: required (line 18)']],
    ['random probability', '  workload:\n    random: {failureProbability: 2}\n',
      ['spec.workload.random.failureProbability: must be a number between 0 and 1 (line 18)']],
    ['random min > max', '  workload:\n    random:\n      durationSeconds: {min: 5, max: 1}\n',
      ['spec.workload.random.durationSeconds: min (5) must not be greater than max (1) (line 19)']],
    ['action without at', '  actions:\n    - suspend: true\n',
      ['spec.actions[0].at: required: the time of the action in seconds since t=0 (line 18)']],
    ['action without action key', '  actions:\n    - at: 1\n',
      ['spec.actions[0]: must have one action key: failPod, disruptPod, deletePod, setPodCondition, suspend, scale, patchJob, kubectl, deleteJob, apply (line 18)']],
    ['two action keys', '  actions:\n    - at: 1\n      suspend: true\n      kubectl: get pods\n',
      ['spec.actions[0].kubectl: an action item has exactly one action key, found suspend, kubectl (line 20)']],
    ['unknown action key', '  actions:\n    - {at: 1, suspend: true, pause: 1}\n',
      ['spec.actions[0].pause: unknown key; allowed keys: at, failPod, disruptPod, deletePod, setPodCondition, suspend, scale, patchJob, kubectl, deleteJob, apply (line 18)']],
    ['actions out of order', '  actions:\n    - {at: 20, suspend: true}\n    - {at: 10, suspend: false}\n',
      ['spec.actions[1].at: actions must be in time order: 10s comes after 20s (spec.actions[0]) (line 19)']],
    ['time order is checked even when the body is wrong', '  actions:\n    - {at: 20, suspend: true}\n    - {at: 10, suspend: 3}\n', [
      'spec.actions[1].at: actions must be in time order: 10s comes after 20s (spec.actions[0]) (line 19)',
      'spec.actions[1].suspend: must be true or false, not number 3 (line 19)',
    ]],
    ['bad duration', '  actions:\n    - {at: 1m30x, suspend: true}\n',
      ['spec.actions[0].at: must be seconds (a number) or a duration like "90s", "1m30s", "2h", not the string "1m30x" (line 18)']],
    ['at beyond 24 h', '  actions:\n    - {at: 25h, suspend: true}\n',
      ['spec.actions[0].at: must be at most 86400 seconds (24h), the longest simulated run (line 18)']],
    ['index and name', '  actions:\n    - {at: 1, failPod: {index: 1, name: p}}\n',
      ['spec.actions[0].failPod: set either index or name, not both (line 18)']],
    ['suspend not boolean', '  actions:\n    - {at: 1, suspend: "yes"}\n',
      ['spec.actions[0].suspend: must be true or false, not the string "yes" (line 18)']],
    ['empty scale', '  actions:\n    - {at: 1, scale: {}}\n',
      ['spec.actions[0].scale: set parallelism, completions or both (line 18)']],
    ['json patch not a list', '  actions:\n    - {at: 1, patchJob: {type: json, patch: {spec: {}}}}\n',
      ['spec.actions[0].patchJob.patch: a json patch must be a list of operations like { op: replace, path: /spec/parallelism, value: 2 } (line 18)']],
    ['bad patch type', '  actions:\n    - {at: 1, patchJob: {type: apply, patch: {}}}\n',
      ['spec.actions[0].patchJob.type: must be one of "merge", "strategic", "json", not the string "apply" (line 18)']],
    ['bad propagation policy', '  actions:\n    - {at: 1, deleteJob: {propagationPolicy: background}}\n',
      ['spec.actions[0].deleteJob.propagationPolicy: must be one of "Background", "Foreground", "Orphan", not the string "background" (line 18)']],
    ['setPodCondition without type', '  actions:\n    - {at: 1, setPodCondition: {status: "True"}}\n',
      ['spec.actions[0].setPodCondition.type: required (line 18)']],
    ['apply a non-mapping', '  actions:\n    - {at: 1, apply: [1]}\n',
      ['spec.actions[0].apply: must be a Job manifest (a mapping with apiVersion, kind, metadata, spec) (line 18)']],
    ['empty kubectl', '  actions:\n    - {at: 1, kubectl: " "}\n',
      ['spec.actions[0].kubectl: must not be empty (line 18)']],
    ['bad until', '  until: later\n',
      ['spec.until: must be seconds (a number) or a duration like "90s", "1m30s", "2h", not the string "later" (line 17)']],
    ['bad clock', '  clock: {start: "2025-02-30T00:00:00Z"}\n',
      ['spec.clock.start: "2025-02-30T00:00:00Z" is not a valid date and time (line 17)']],
    ['clock not RFC 3339', '  clock: {start: "yesterday"}\n',
      ['spec.clock.start: must be an RFC 3339 time like "2025-01-01T00:00:00Z", not "yesterday" (line 17)']],
    ['seed not integer', '  seed: 1.5\n', ['spec.seed: must be an integer, not number 1.5 (line 17)']],
    ['sync delay', '  controller: {syncDelaySeconds: x}\n',
      ['spec.controller.syncDelaySeconds: must be a number of seconds, not the string "x" (line 17)']],
  ])('%s', (_name, extra, want) => {
    expect(errorsOf(parseScenario(scenario(extra)))).toEqual(want);
  });

  it.each([
    ['unknown top-level key', 'extra: 1\nspec: {job: {}}\n', ['extra: unknown key; allowed keys: apiVersion, kind, metadata, spec, expect (line 1)']],
    ['wrong apiVersion', 'apiVersion: v2\nspec: {job: {}}\n', ['apiVersion: must be one of "job-playground/v1", not the string "v2" (line 1)']],
    ['wrong kind', 'kind: Job\nspec: {job: {}}\n', ['kind: must be one of "Scenario", not the string "Job" (line 1)']],
    ['missing spec', 'kind: Scenario\n', ['spec: required: the scenario needs at least spec.job (a batch/v1 Job manifest) (line 1)']],
    ['missing job', 'spec:\n  seed: 2\n', ['spec.job: required: a batch/v1 Job manifest, as for kubectl apply (line 2)']],
    ['job not a mapping', 'spec:\n  job: "x"\n', ['spec.job: must be a Job manifest (a mapping with apiVersion, kind, metadata, spec) (line 2)']],
    ['bad name', 'metadata: {name: Bad_Name}\nspec: {job: {}}\n', ['metadata.name: must be a DNS-1123 label: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit (line 1)']],
    ['not a mapping', '- 1\n- 2\n', ['must be a mapping with apiVersion, kind, metadata, spec, not a list (line 1, column 1)']],
    ['empty', '', ['the scenario is empty: it needs at least spec.job (a batch/v1 Job manifest) (line 1, column 1)']],
    ['comment only', '# nothing\n', ['the scenario is empty: it needs at least spec.job (a batch/v1 Job manifest) (line 1, column 1)']],
  ])('%s', (_name, text, want) => {
    expect(errorsOf(parseScenario(text))).toEqual(want);
  });

  it('reports every error at once, in line order', () => {
    const r = parseScenario('spec:\n  seed: x\n  job: {}\n  until: y\nextra: 1\n');
    expect(errorsOf(r)).toEqual([
      'spec.seed: must be an integer, not the string "x" (line 2)',
      'spec.until: must be seconds (a number) or a duration like "90s", "1m30s", "2h", not the string "y" (line 4)',
      'extra: unknown key; allowed keys: apiVersion, kind, metadata, spec, expect (line 5)',
    ]);
  });

  it('returns expect with the errors (for --check of invalid scenarios)', () => {
    const r = parseScenario('spec: {job: {}, seed: x}\nexpect: {error: [x]}\n');
    expect(r.ok).toBe(false);
    expect(r.expect).toEqual({ error: ['x'] });
  });

  it('gives the column too', () => {
    const r = parseScenario('spec:\n  job: {}\n  workload: {defaults: {exitCode: x}}\n');
    expect(r.ok ? null : r.errors).toEqual([
      { path: 'spec.workload.defaults.exitCode', message: 'must be an integer, not the string "x"', line: 3, column: 35 },
    ]);
  });
});

describe('parseScenario: values', () => {
  const at = (v: string) => {
    const r = parseScenario(scenario(`  actions: [{at: ${v}, suspend: true}]\n`));
    return r.ok ? r.scenario.actions[0]?.atMs : errorsOf(r)[0];
  };
  it.each([
    ['0', 0], ['15', 15000], ['1.5', 1500], ['0.0004', 0], ['0.0006', 1], ['"90s"', 90000], ['"1m30s"', 90000],
    ['"2h"', 7200000], ['"500ms"', 500], ['"1h2m3.5s"', 3723500], ['"15"', 15000], ['"1.25m"', 75000],
  ])('at %s → %s ms', (v, ms) => {
    expect(at(v)).toBe(ms);
  });
  it.each([['-1'], ['"1d"'], ['"m"'], ['"1m 30s"'], ['true'], ['[1]'], ['".inf"'], ['.nan']])('at %s is an error', (v) => {
    expect(typeof at(v)).toBe('string');
  });

  const index = (v: string) => {
    const r = parseScenario(scenario(`  workload: {rules: [{index: ${v}}]}\n`));
    return r.ok ? r.scenario.workload.rules[0]?.index : errorsOf(r)[0];
  };
  it.each([
    ['3', { text: '3', ranges: [[3, 3]] }],
    ['"3"', { text: '3', ranges: [[3, 3]] }],
    ['"1,3-5"', { text: '1,3-5', ranges: [[1, 1], [3, 5]] }],
    ['"5, 1-2, 3"', { text: '5, 1-2, 3', ranges: [[1, 3], [5, 5]] }],
    ['"0-3,2-6"', { text: '0-3,2-6', ranges: [[0, 6]] }],
  ])('index %s', (v, want) => {
    expect(index(v)).toEqual(want);
  });
  it.each([['-1'], ['1.5'], ['""'], ['"1,"'], ['"a-b"'], ['"3-1"'], ['"1-2-3"'], ['{a: 1}']])('index %s is an error', (v) => {
    expect(typeof index(v)).toBe('string');
  });

  it.each([
    ['"2025-01-01T00:00:00Z"', '2025-01-01T00:00:00Z'],
    ['"2025-06-30T23:59:59-02:30"', '2025-07-01T02:29:59Z'],
    ['"2024-02-29T12:00:00.000Z"', '2024-02-29T12:00:00Z'],
  ])('clock.start %s → %s', (v, want) => {
    const r = ok(parseScenario(scenario(`  clock: {start: ${v}}\n`)));
    expect(r.scenario.clockStart).toBe(want);
  });
  it.each([['"2025-01-01T00:00:00.5Z"'], ['"2025-13-01T00:00:00Z"'], ['"2025-01-01 00:00:00Z"'], ['"2025-01-01T24:00:00Z"'], ['20250101']])(
    'clock.start %s is an error', (v) => {
      expect(parseScenario(scenario(`  clock: {start: ${v}}\n`)).ok).toBe(false);
    });

  it('accepts unquoted True/False condition statuses', () => {
    const r = ok(parseScenario(scenario('  actions: [{at: 1, setPodCondition: {type: X, status: True}}]\n')));
    expect(r.scenario.actions[0]).toMatchObject({ status: 'True' });
  });
});
