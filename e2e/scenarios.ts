// Scenario texts used by the end-to-end tests.

export const SMALL_JOB = `apiVersion: job-playground/v1
kind: Scenario
metadata:
  name: e2e-small
spec:
  job:
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: demo
    spec:
      completions: 2
      parallelism: 2
      backoffLimit: 3
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: main
              image: busybox
  workload:
    defaults:
      startupSeconds: 1
      durationSeconds: 20
  actions: []
`;

export const INDEXED_JOB = SMALL_JOB.replace('completions: 2', 'completions: 4\n      completionMode: Indexed\n      backoffLimitPerIndex: 1').replace('e2e-small', 'e2e-indexed');
