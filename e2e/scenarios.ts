// Scenario texts used by the end-to-end tests.

const indent = (text: string, spaces: number): string =>
  text
    .trim()
    .split('\n')
    .map((l) => `${' '.repeat(spaces)}${l}`)
    .join('\n');

/** A scenario around Job "demo" (one busybox container): `spec` lines go under the Job's spec, `workload` lines under spec.workload. */
export const jobScenario = (name: string, spec: string, workload: string, actions = '[]') => `apiVersion: job-playground/v1
kind: Scenario
metadata:
  name: ${name}
spec:
  job:
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: demo
    spec:
${indent(spec, 6)}
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: main
              image: busybox
  workload:
${indent(workload, 4)}
  actions: ${actions}
`;

export const SMALL_JOB = jobScenario('e2e-small', 'completions: 2\nparallelism: 2\nbackoffLimit: 3', 'defaults:\n  startupSeconds: 1\n  durationSeconds: 20');

export const INDEXED_JOB = SMALL_JOB.replace('completions: 2', 'completions: 4\n      completionMode: Indexed\n      backoffLimitPerIndex: 1').replace('e2e-small', 'e2e-indexed');
