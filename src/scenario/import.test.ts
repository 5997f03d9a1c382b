import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runScenario } from '../engine/index';
import { exportJobYaml } from './export';
import { importKubectlJob } from './import';
import { parseScenario } from './parse';

const SCENARIO = `spec:
  job:
    apiVersion: batch/v1
    kind: Job
    metadata: {name: demo, labels: {team: a}, annotations: {note: keep}}
    spec:
      completionMode: Indexed
      completions: 3
      parallelism: 2
      template:
        metadata: {labels: {app: demo}}
        spec:
          restartPolicy: Never
          containers: [{name: main, image: busybox}]
`;

function run(text: string): ReturnType<typeof runScenario> {
  const p = parseScenario(text);
  if (!p.ok) throw new Error(p.errors.map((e) => e.message).join('\n'));
  return runScenario(p.scenario, { recordTrace: false });
}

describe('importKubectlJob', () => {
  it('strips what the server set and gives a scenario that runs to the same Job', () => {
    const first = run(SCENARIO);
    if (!first.ok) throw new Error(first.text);
    const yaml = exportJobYaml(first);
    expect(yaml).toContain('uid:');
    const r = importKubectlJob(yaml);
    if (!r.ok) throw new Error(r.message);
    expect(r.removed).toEqual(expect.arrayContaining([
      'status', 'metadata.uid', 'metadata.resourceVersion', 'metadata.creationTimestamp', 'metadata.generation',
      'spec.selector', 'spec.template.metadata.labels.batch.kubernetes.io/job-name', 'spec.template.metadata.labels.controller-uid',
    ]));
    expect(r.job).not.toHaveProperty('status');
    expect(r.job.metadata).toEqual({ name: 'demo', namespace: 'default', labels: { team: 'a' }, annotations: { note: 'keep' } });
    expect((r.job.spec as { template: unknown }).template).toMatchObject({ metadata: { labels: { app: 'demo' } } });
    expect(r.scenarioText.startsWith('# Imported from kubectl get job -o yaml.')).toBe(true);
    expect(parse(r.scenarioText)).toMatchObject({ apiVersion: 'job-playground/v1', kind: 'Scenario', metadata: { name: 'demo', title: 'Imported Job demo' } });
    const second = run(r.scenarioText);
    if (!second.ok) throw new Error(second.text);
    expect(second.job.spec).toEqual(first.job.spec);
    expect(second.job.status).toEqual(first.job.status);
  });

  it('accepts kubectl -o json and a List holding one Job', () => {
    const first = run(SCENARIO);
    if (!first.ok) throw new Error(first.text);
    expect(importKubectlJob(JSON.stringify(first.job)).ok).toBe(true);
    expect(importKubectlJob(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [first.job] })).ok).toBe(true);
  });

  it('keeps the selector and labels of a manualSelector Job', () => {
    const job = {
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'm', uid: 'u' },
      spec: { manualSelector: true, selector: { matchLabels: { 'job-name': 'm' } }, template: { metadata: { labels: { 'job-name': 'm' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'i' }] } } },
      status: { active: 1 },
    };
    const r = importKubectlJob(JSON.stringify(job));
    if (!r.ok) throw new Error(r.message);
    expect(r.job.spec).toEqual(job.spec);
    expect(r.removed).toEqual(['status', 'metadata.uid']);
  });

  it('drops a CronJob owner reference with a warning', () => {
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'c-1', ownerReferences: [{ kind: 'CronJob', name: 'c' }] }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'i' }] } } } };
    const r = importKubectlJob(JSON.stringify(job));
    expect(r.ok && r.warnings[0]).toContain('metadata.ownerReferences removed');
  });

  it.each<[string, unknown, string]>([
    ['empty text', '  ', 'paste the output of kubectl get job <name> -o yaml'],
    ['not YAML', 'a: [', 'YAML syntax error'],
    ['a scalar', '5', 'expected the output of kubectl get job <name> -o yaml'],
    ['a Pod', 'apiVersion: v1\nkind: Pod\n', 'expected kind: Job, not "Pod"'],
    ['a wrong apiVersion', 'apiVersion: batch/v2\nkind: Job\n', 'expected apiVersion: batch/v1, not "batch/v2"'],
    ['a list of two Jobs', JSON.stringify({ kind: 'List', items: [{ kind: 'Job' }, { kind: 'Job' }] }), 'the list holds 2 Jobs'],
    ['not text', 42, 'paste the output'],
  ])('refuses %s', (_n, text, message) => {
    const r = importKubectlJob(text as string);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});
