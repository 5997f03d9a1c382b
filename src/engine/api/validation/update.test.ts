import { describe, expect, it } from 'vitest';
import type { Job, JobStatus } from '../types';
import { validateJobStatusUpdate } from './index';
import { jobWith, storedJob, updateJob } from './testkit';
import { clone } from './util';

type UpdateRow = [string, Record<string, unknown>, (j: Job) => void, string[]];

const indexed = { 'spec.completionMode': 'Indexed', 'spec.completions': 3, 'spec.parallelism': 3 };
const suspended = { 'spec.suspend': true };

describe('update of the main resource', () => {
  it.each<UpdateRow>([
    ['parallelism change ok', {}, (j) => (j.spec.parallelism = 5), []],
    ['suspend toggle ok', {}, (j) => (j.spec.suspend = true), []],
    ['labels change ok', {}, (j) => (j.metadata.labels = { a: 'b' }), []],
    ['NonIndexed completions immutable', {}, (j) => (j.spec.completions = 4), ['spec.completions: Invalid value: 4: field is immutable']],
    ['completionMode immutable', {}, (j) => (j.spec.completionMode = 'Indexed'), ['spec.completionMode: Invalid value: "Indexed": field is immutable']],
    ['elastic Indexed scaling ok', indexed, (j) => { j.spec.completions = 5; j.spec.parallelism = 5; }, []],
    ['elastic Indexed out of tandem', indexed, (j) => (j.spec.completions = 5), ['spec.completions: Invalid value: 5: can only be modified in tandem with spec.parallelism']],
    ['Indexed completions to null', indexed, (j) => delete j.spec.completions, ['spec.completions: Required value: when completion mode is Indexed']],
    ['selector immutable', {}, (j) => (j.spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': '1a2b3c', x: 'y' } }), ['spec.selector: Invalid value: {"matchLabels":{"batch.kubernetes.io/controller-uid":"1a2b3c","x":"y"}}: field is immutable']],
    ['image immutable', {}, (j) => ((j.spec.template.spec.containers[0] ?? { name: '' }).image = 'alpine'), ['spec.template: Invalid value:', 'field is immutable']],
    ['podFailurePolicy immutable', {}, (j) => (j.spec.podFailurePolicy = { rules: [] }), ['spec.podFailurePolicy: Invalid value:', 'field is immutable']],
    ['successPolicy immutable', indexed, (j) => (j.spec.successPolicy = { rules: [{ succeededCount: 1 }] }), ['spec.successPolicy: Invalid value:', 'field is immutable']],
    ['backoffLimitPerIndex immutable', indexed, (j) => (j.spec.backoffLimitPerIndex = 1), ['spec.backoffLimitPerIndex: Invalid value: 1: field is immutable']],
    ['managedBy cannot be added', {}, (j) => (j.spec.managedBy = 'example.com/x'), ['spec.managedBy: Invalid value: "example.com/x": field is immutable']],
    ['maxFailedIndexes mutable', { ...indexed, 'spec.backoffLimitPerIndex': 1 }, (j) => (j.spec.maxFailedIndexes = 1), []],
    ['spec errors still apply', {}, (j) => (j.spec.parallelism = -1), ['spec.parallelism: Invalid value: -1: must be greater than or equal to 0']],
    ['suspended never started: nodeSelector mutable', suspended, (j) => (j.spec.template.spec.nodeSelector = { disk: 'ssd' }), []],
    ['suspended never started: template labels mutable', suspended, (j) => ((j.spec.template.metadata ??= {}).annotations = { a: 'b' }), []],
    ['suspended never started: image still immutable', suspended, (j) => ((j.spec.template.spec.containers[0] ?? { name: '' }).image = 'alpine'), ['spec.template: Invalid value:', 'field is immutable']],
    ['not suspended: nodeSelector immutable', {}, (j) => (j.spec.template.spec.nodeSelector = { disk: 'ssd' }), ['spec.template: Invalid value:', 'field is immutable']],
  ])('%s', (_n, create, mutate, expected) => {
    const out = updateJob(storedJob(jobWith(create)), mutate);
    if (expected.length === 0) expect(out.text).toBe('');
    else for (const s of expected) expect(out.text).toContain(s);
  });

  it('started suspended job: scheduling directives immutable', () => {
    const old = storedJob(jobWith(suspended));
    old.status.startTime = '2025-01-01T00:00:00Z';
    const out = updateJob(old, (j) => (j.spec.template.spec.nodeSelector = { disk: 'ssd' }));
    expect(out.text).toContain('spec.template: Invalid value:');
  });

  it('spec errors appear twice in causes but once in the text', () => {
    const out = updateJob(storedJob(jobWith({})), (j) => (j.spec.parallelism = -1));
    expect(out.errors.filter((e) => e.field === 'spec.parallelism')).toHaveLength(2);
    expect(out.text).toBe('The Job "myjob" is invalid: spec.parallelism: Invalid value: -1: must be greater than or equal to 0');
  });

  it('warnings only when the spec changed', () => {
    const old = storedJob(jobWith({ 'spec.template.spec.containers.0.env': [{ name: 'X', value: '1' }, { name: 'X', value: '2' }] }));
    expect(updateJob(old, (j) => (j.metadata.labels = { a: 'b' })).warnings).toEqual([]);
    expect(updateJob(old, (j) => (j.spec.parallelism = 2)).warnings).toEqual([
      'spec.template.spec.containers[0].env[1]: hides previous definition of "X", which may be dropped when using apply',
    ]);
  });

  it('legacy job without prefixed labels keeps validating', () => {
    const old = storedJob(jobWith({}));
    const labels = old.spec.template.metadata?.labels ?? {};
    delete labels['batch.kubernetes.io/job-name'];
    delete labels['batch.kubernetes.io/controller-uid'];
    old.spec.selector = { matchLabels: { 'controller-uid': '1a2b3c' } };
    expect(updateJob(old, (j) => (j.spec.parallelism = 2)).text).toBe('');
  });
});

type StatusRow = [string, Record<string, unknown>, JobStatus, JobStatus, string[]];

const t0 = '2025-01-01T00:00:00Z';
const t1 = '2025-01-01T00:01:00Z';
const cond = (type: string, status = 'True'): { type: string; status: string } => ({ type, status });
const completeStatus: JobStatus = { startTime: t0, completionTime: t1, succeeded: 1, conditions: [cond('SuccessCriteriaMet'), cond('Complete')] };

describe('status subresource', () => {
  it.each<StatusRow>([
    ['progress ok', {}, {}, { active: 1, ready: 1, startTime: t0 }, []],
    ['ready above active', {}, { active: 1 }, { active: 1, ready: 2 }, ['status.ready: Invalid value: 2: cannot set more ready pods than active']],
    ['negative counters', {}, {}, { active: -1, failed: -1 }, ['status.active: Invalid value: -1: must be greater than or equal to 0', 'status.failed: Invalid value: -1']],
    ['failed decreases', {}, { failed: 2 }, { failed: 1 }, ['status.failed: Invalid value: 1: cannot decrease the failed counter']],
    ['succeeded decreases', {}, { succeeded: 2 }, { succeeded: 1 }, ['status.succeeded: Invalid value: 1: cannot decrease the succeeded counter']],
    ['succeeded decreases on elastic Indexed ok', indexed, { succeeded: 2, completedIndexes: '0-1' }, { succeeded: 1, completedIndexes: '0' }, []],
    ['uncounted empty uid and duplicate', {}, {}, { uncountedTerminatedPods: { succeeded: ['', 'a'], failed: ['a'] } }, ['status.uncountedTerminatedPods.succeeded[0]: Invalid value: "": must not be empty', 'status.uncountedTerminatedPods.failed[0]: Duplicate value: "a"']],
    ['complete ok', {}, { startTime: t0, active: 1 }, completeStatus, []],
    ['disable terminal Complete', {}, completeStatus, { ...completeStatus, conditions: [cond('SuccessCriteriaMet')] }, ['status.conditions: Invalid value: cannot disable the terminal Complete=True condition']],
    ['complete without completionTime', {}, { startTime: t0 }, { startTime: t0, conditions: [cond('SuccessCriteriaMet'), cond('Complete')] }, ['status.completionTime: Required value: completionTime is required for Complete jobs']],
    ['completionTime without Complete', {}, { startTime: t0 }, { startTime: t0, completionTime: t1 }, ['status.completionTime: Invalid value: "2025-01-01T00:01:00Z": cannot set completionTime when there is no Complete=True condition']],
    ['completionTime before startTime', {}, { startTime: t1 }, { ...completeStatus, startTime: t1, completionTime: t0 }, ['completionTime cannot be set before startTime']],
    ['completionTime mutated', {}, completeStatus, { ...completeStatus, completionTime: '2025-01-01T00:02:00Z' }, ['status.completionTime: Invalid value: "2025-01-01T00:02:00Z": completionTime cannot be mutated']],
    ['finished with active', {}, { startTime: t0, active: 1 }, { ...completeStatus, active: 1 }, ['status.active: Invalid value: 1: active>0 is invalid for finished job']],
    ['finished without startTime', {}, {}, { conditions: [cond('FailureTarget'), cond('Failed')] }, ['status.startTime: Required value: startTime is required for finished job']],
    ['failed without FailureTarget', {}, { startTime: t0 }, { startTime: t0, conditions: [cond('Failed')] }, ['cannot set Failed=True condition without the FailureTarget=true condition']],
    ['complete without SuccessCriteriaMet', {}, { startTime: t0 }, { startTime: t0, completionTime: t1, conditions: [cond('Complete')] }, ['cannot set Complete=True condition without the SuccessCriteriaMet=true condition']],
    ['complete and failed', {}, { startTime: t0 }, { ...completeStatus, conditions: [cond('SuccessCriteriaMet'), cond('Complete'), cond('FailureTarget'), cond('Failed')] }, ['cannot set Complete=True and Failed=true conditions', 'cannot set SuccessCriteriaMet=True and Failed=true conditions']],
    ['startTime removed', {}, { startTime: t0 }, {}, ['status.startTime: Required value: startTime cannot be removed for unsuspended job']],
    ['completedIndexes on NonIndexed', {}, {}, { completedIndexes: '0' }, ['status.completedIndexes: Invalid value: "0": cannot set non-empty completedIndexes when non-indexed completion mode']],
    ['completedIndexes out of range', indexed, {}, { completedIndexes: '0-5' }, ['status.completedIndexes: Invalid value: "0-5": error parsing completedIndexes: too large index: "5"']],
    ['failedIndexes without blpi', indexed, {}, { failedIndexes: '1' }, ['status.failedIndexes: Invalid value: "1": cannot set non-null failedIndexes when backoffLimitPerIndex is null']],
    ['failed and completed overlap', { ...indexed, 'spec.backoffLimitPerIndex': 1 }, {}, { completedIndexes: '0-1', failedIndexes: '1-2' }, ['status.failedIndexes: Invalid value: "1-2": failedIndexes and completedIndexes overlap at index: 1']],
    ['terminating on finished job', {}, { startTime: t0 }, { ...completeStatus, terminating: 1 }, ['status.terminating: Invalid value: 1: terminating>0 is invalid for finished job']],
    ['finished with uncounted pods', {}, { startTime: t0 }, { ...completeStatus, uncountedTerminatedPods: { succeeded: ['a'] } }, ['status.uncountedTerminatedPods: Invalid value: {"Succeeded":["a"],"Failed":null}: uncountedTerminatedPods needs to be empty for finished job']],
    ['pre-existing bad ready does not block unrelated update', {}, { active: 1, ready: 2 }, { active: 1, ready: 2, succeeded: 1 }, []],
  ])('%s', (_n, create, oldStatus, newStatus, expected) => {
    const old = storedJob(jobWith(create));
    old.status = clone(oldStatus);
    const next = clone(old);
    next.status = clone(newStatus);
    const errs = validateJobStatusUpdate(next, old);
    const text = errs.map((e) => `${e.field}: ${e.type === 'FieldValueRequired' ? 'Required value' : e.type === 'FieldValueDuplicate' ? 'Duplicate value' : 'Invalid value'}${e.value !== undefined ? `: ${e.value}` : ''}${e.detail ? `: ${e.detail}` : ''}`).join('\n');
    if (expected.length === 0) expect(text).toBe('');
    else for (const s of expected) expect(text).toContain(s);
  });
});
