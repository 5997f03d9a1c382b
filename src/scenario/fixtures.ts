// Hand-built run results for tests of the expect check and the runner's output.

import type { Job } from '../engine/api/types';
import type { PodSummary, RunResult } from '../engine/sim/result';

export function fixtureJob(status: Job['status'] = {}): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'demo', namespace: 'default', uid: 'u-1', creationTimestamp: '2025-01-01T00:00:00Z', labels: { 'job-name': 'demo' } },
    spec: {
      parallelism: 2, completions: 3, completionMode: 'Indexed', backoffLimit: 6,
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] } },
    },
    status,
  };
}

export function fixturePod(p: Partial<PodSummary> & { name: string }): PodSummary {
  return {
    index: 0, attempt: 0, phase: 'Succeeded', exitCode: 0, restartCount: 0, createdAtSeconds: 0,
    startedAtSeconds: 1, finishedAtSeconds: 11, deletedAtSeconds: null, conditions: [], ...p,
  };
}

export function fixtureResult(over: Partial<RunResult> = {}): RunResult {
  return {
    ok: true,
    scenario: 'demo',
    finished: true,
    finishedAtSeconds: 31,
    endMs: 31000,
    jobDeleted: false,
    job: fixtureJob({
      conditions: [
        { type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastTransitionTime: '2025-01-01T00:00:30Z' },
        { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastTransitionTime: '2025-01-01T00:00:31Z' },
      ],
      startTime: '2025-01-01T00:00:00Z',
      active: 0, succeeded: 3, failed: 1, terminating: 0, completedIndexes: '0-2', ready: 0,
    }),
    pods: [
      fixturePod({ name: 'demo-0-a', index: 0 }),
      fixturePod({ name: 'demo-1-b', index: 1, phase: 'Failed', exitCode: 1 }),
      fixturePod({ name: 'demo-1-c', index: 1, attempt: 1, createdAtSeconds: 11 }),
      fixturePod({ name: 'demo-2-d', index: 2, createdAtSeconds: 31 }),
    ],
    events: [
      { atSeconds: 0, type: 'Normal', reason: 'SuccessfulCreate', object: 'Job/demo', message: 'Created pod: demo-0-a' },
      { atSeconds: 0, type: 'Normal', reason: 'SuccessfulCreate', object: 'Job/demo', message: 'Created pod: demo-1-b' },
      { atSeconds: 31, type: 'Warning', reason: 'BackoffLimitExceeded', object: 'Job/demo', message: 'Job has reached the specified backoff limit' },
    ],
    eventObjects: [],
    actions: [
      { atSeconds: 10, action: 'patchJob', result: 'rejected', message: 'The Job "demo" is invalid: spec.completions: Invalid value: 5: field is immutable' },
      { atSeconds: 20, action: 'suspend', result: 'ok', message: '' },
    ],
    trace: [],
    eventsProcessed: 10,
    notes: [],
    ...over,
  };
}
