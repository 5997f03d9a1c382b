// Apply at the cursor: a Job edit becomes an `apply:` action; spec.job keeps the Job the run started with.

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseScenario } from '../scenario/parse';
import { runScenario } from '../engine/index';
import { jobChanged, recordApply } from './applyEdit';

const base = `apiVersion: job-playground/v1
kind: Scenario
# a comment that must survive
spec:
  job:
    apiVersion: batch/v1
    kind: Job
    metadata: { name: demo }
    spec:
      parallelism: 1
      template:
        spec:
          restartPolicy: Never
          containers: [{ name: main, image: busybox }]
  workload:
    defaults: { startupSeconds: 0, durationSeconds: 100 }
  actions:
    - { at: 5, suspend: false }
    - { at: 50, suspend: true }
`;

describe('jobChanged', () => {
  it.each([
    ['same text', base, false],
    ['workload only', base.replace('durationSeconds: 100', 'durationSeconds: 50'), false],
    ['parallelism', base.replace('parallelism: 1', 'parallelism: 2'), true],
    ['broken YAML', base + '\n  bad: [', false],
  ])('%s', (_n, edited, want) => {
    expect(jobChanged(base, edited)).toBe(want);
  });
});

/** Records `edited` as an apply at `atMs` and runs the result to 30 s. */
function runApplied(edited: string, atMs: number) {
  const res = recordApply(base, edited, atMs);
  if (!res.ok) throw new Error(res.error);
  const parsed = parseScenario(res.text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const out = runScenario(parsed.scenario, { untilMs: 30_000 });
  if (!out.ok) throw new Error(out.text);
  return out;
}

describe('recordApply', () => {
  it('moves the Job edit into an apply action at the cursor and drops later actions', () => {
    const edited = base.replace('parallelism: 1', 'parallelism: 3');
    const res = recordApply(base, edited, 20_000);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.discarded).toBe(1);
    expect(res.text).toContain('# a comment that must survive');
    const doc = parse(res.text) as { spec: { job: { spec: { parallelism: number } }; actions: Array<Record<string, unknown>> } };
    expect(doc.spec.job.spec.parallelism).toBe(1);
    expect(doc.spec.actions).toHaveLength(2);
    expect(doc.spec.actions[1]).toMatchObject({ at: 20, apply: { spec: { parallelism: 3 } } });
  });

  it('the engine applies it: parallelism 3 from t=20', () => {
    const out = runApplied(base.replace('parallelism: 1', 'parallelism: 3'), 20_000);
    expect(out.actions[1]).toMatchObject({ action: 'applyJob', result: 'ok' });
    expect(out.pods.map((p) => p.createdAtSeconds)).toEqual([0, 20, 20]);
  });

  it('an immutable-field edit is recorded and refused as kubectl prints it', () => {
    const out = runApplied(base.replace('image: busybox', 'image: alpine'), 10_000);
    expect(out.actions[1]?.result).toBe('rejected');
    expect(out.actions[1]?.message).toContain('The Job "demo" is invalid: spec.template: Invalid value:');
    expect(out.actions[1]?.message).toContain('field is immutable');
  });
});
