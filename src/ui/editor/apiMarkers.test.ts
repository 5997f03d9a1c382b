import { describe, expect, it } from 'vitest';
import { apiFieldRange, parseRejection, splitFieldPath } from './apiMarkers';

const TEXT = `apiVersion: job-playground/v1
kind: Scenario
spec:
  job:
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: demo
      labels: { batch.kubernetes.io/job-name: x }
    spec:
      completions: -1
      podFailurePolicy:
        rules:
          - action: FailJob
            onExitCodes: { operator: In, values: [0, 3] }
      template:
        spec:
          restartPolicy: Always
          containers:
            - name: main
              image: busybox
  actions: []
`;

describe('parseRejection', () => {
  it.each([
    ['one cause', 'The Job "demo" is invalid: spec.completions: Invalid value: -1: must be greater than or equal to 0', [{ field: 'spec.completions', message: 'Invalid value: -1: must be greater than or equal to 0' }]],
    [
      'several causes',
      'The Job "demo" is invalid: \n* spec.completions: Invalid value: -1: must be greater than or equal to 0\n* spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
      [
        { field: 'spec.completions', message: 'Invalid value: -1: must be greater than or equal to 0' },
        { field: 'spec.template.spec.restartPolicy', message: 'Required value: valid values: "OnFailure", "Never"' },
      ],
    ],
    ['a cause without a field', 'The Job "demo" is invalid: Forbidden: nope', [{ field: '', message: 'Forbidden: nope' }]],
    ['a map key in brackets', 'The Job "d" is invalid: metadata.labels[a.b/c]: Invalid value: "x": bad', [{ field: 'metadata.labels[a.b/c]', message: 'Invalid value: "x": bad' }]],
    ['not an Invalid error', 'Error from server (AlreadyExists): jobs.batch "demo" already exists', [{ field: '', message: 'Error from server (AlreadyExists): jobs.batch "demo" already exists' }]],
    ['empty', '', []],
  ])('%s', (_name, text, want) => {
    expect(parseRejection(text)).toEqual(want);
  });
});

describe('splitFieldPath', () => {
  it.each([
    ['spec.completions', ['spec', 'completions']],
    ['spec.template.spec.containers[0].name', ['spec', 'template', 'spec', 'containers', 0, 'name']],
    ['metadata.labels[batch.kubernetes.io/job-name]', ['metadata', 'labels', 'batch.kubernetes.io/job-name']],
    ['', []],
  ])('%s', (field, want) => {
    expect(splitFieldPath(field)).toEqual(want);
  });
});

describe('apiFieldRange', () => {
  it.each([
    ['a scalar field: key to value', 'spec.completions', { startLine: 11, startColumn: 7, endLine: 11, endColumn: 22 }],
    ['restartPolicy', 'spec.template.spec.restartPolicy', { startLine: 18, startColumn: 11, endLine: 18, endColumn: 32 }],
    ['a list item field', 'spec.template.spec.containers[0].image', { startLine: 21, startColumn: 15, endLine: 21, endColumn: 29 }],
    ['a flow list value', 'spec.podFailurePolicy.rules[0].onExitCodes.values[0]', { startLine: 15, startColumn: 51, endLine: 15, endColumn: 52 }],
    ['a flow map key: key to value', 'metadata.labels[batch.kubernetes.io/job-name]', { startLine: 9, startColumn: 17, endLine: 9, endColumn: 48 }],
    ['a mapping: the key line only', 'spec.podFailurePolicy', { startLine: 12, startColumn: 7, endLine: 12, endColumn: 23 }],
    ['missing field: nearest parent', 'spec.template.spec.nodeSelector', { startLine: 17, startColumn: 9, endLine: 17, endColumn: 13 }],
    ['missing list item: the list key', 'spec.template.spec.containers[3].name', { startLine: 19, startColumn: 11, endLine: 19, endColumn: 21 }],
    ['no field: the job key', '', { startLine: 4, startColumn: 3, endLine: 4, endColumn: 6 }],
  ])('%s', (_name, field, want) => {
    expect(apiFieldRange(TEXT, field)).toEqual(want);
  });

  it.each([
    ['invalid YAML', 'spec: [\n'],
    ['no spec.job', 'spec:\n  seed: 1\n'],
    ['empty text', ''],
  ])('never throws: %s', (_name, text) => {
    const r = apiFieldRange(text, 'spec.completions');
    expect(r.startLine).toBeGreaterThanOrEqual(1);
    expect(r.endColumn).toBeGreaterThanOrEqual(r.startColumn);
  });
});
