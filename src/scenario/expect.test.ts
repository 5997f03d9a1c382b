import { describe, expect, it } from 'vitest';
import { checkExpect, numOk, secondsSince } from './expect';
import { fixtureJob, fixturePod, fixtureResult } from './fixtures';

const START = '2025-01-01T00:00:00Z';
const r = fixtureResult();

describe('numOk (check.py num_ok)', () => {
  it.each([
    [3, 3, true], [3, 4, false], [{ min: 2, max: 4 }, 3, true], [{ min: 2, max: 4 }, 5, false],
    [{ min: 2 }, 100, true], [{ max: 2 }, -5, true], [{ min: 2, max: 4 }, null, false], [true, 1, true],
    ['0-2', '0-2', true], ['0-2', '0-3', false], [null, null, true], [0, null, false], [1.0, 1, true],
  ])('want %j got %j → %s', (want, got, ok) => {
    expect(numOk(want, got)).toBe(ok);
  });
});

describe('secondsSince', () => {
  it.each([
    ['2025-01-01T00:00:31Z', 31], [null, null], [undefined, null], ['2024-12-31T23:59:59Z', -1], ['garbage', 'invalid'],
  ])('%s → %s', (stamp, want) => {
    expect(secondsSince(START, stamp)).toBe(want);
  });
});

describe('checkExpect mirrors check.py', () => {
  it.each<[string, unknown, string[]]>([
    ['empty expect matches', {}, []],
    ['finished', { finished: true, finishedAtSeconds: 31 }, []],
    ['finished mismatch', { finished: false }, ['finished: want false, got true']],
    ['finishedAt range', { finishedAtSeconds: { min: 30, max: 32 } }, []],
    ['finishedAt out of range', { finishedAtSeconds: { min: 32 } }, ['finishedAtSeconds: want {"min":32}, got 31']],
    ['status counters', { status: { active: 0, succeeded: 3, failed: 1, ready: 0, terminating: 0, completedIndexes: '0-2' } }, []],
    ['missing counter reads as 0', { status: { uncounted: 0 } }, []],
    ['missing counter is not 1', { status: { uncounted: 1 } }, ['status.uncounted: want 1, got 0']],
    ['missing string reads as ""', { status: { failedIndexes: '' } }, []],
    ['failedIndexes null = absent', { status: { failedIndexes: null } }, []],
    ['status range', { status: { succeeded: { min: 1, max: 3 } } }, []],
    ['status mismatch', { status: { failed: 2, completedIndexes: '0-1' } }, ['status.failed: want 2, got 1', 'status.completedIndexes: want "0-1", got "0-2"']],
    ['conditions exact', { conditions: [{ type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded' }, { type: 'Failed', message: 'backoff limit' }] }, []],
    ['conditions order matters', { conditions: [{ type: 'Failed' }, { type: 'FailureTarget' }] },
      ['conditions: want [{"type":"Failed"},{"type":"FailureTarget"}], got [{"type":"FailureTarget","status":"True","reason":"BackoffLimitExceeded"},{"type":"Failed","status":"True","reason":"BackoffLimitExceeded"}]']],
    ['conditions count matters', { conditions: [{ type: 'FailureTarget' }] }, ['conditions: want [{"type":"FailureTarget"}], got [{"type":"FailureTarget","status":"True","reason":"BackoffLimitExceeded"},{"type":"Failed","status":"True","reason":"BackoffLimitExceeded"}]']],
    ['condition message is a substring', { conditions: [{ type: 'FailureTarget' }, { type: 'Failed', message: 'deadline' }] }, ['conditions: want [{"type":"FailureTarget"},{"type":"Failed","message":"deadline"}], got [{"type":"FailureTarget","status":"True","reason":"BackoffLimitExceeded"},{"type":"Failed","status":"True","reason":"BackoffLimitExceeded"}]']],
    ['conditionsInclude in order', { conditionsInclude: [{ type: 'FailureTarget' }, { type: 'Failed' }] }, []],
    ['conditionsInclude subset', { conditionsInclude: [{ type: 'Failed', reason: 'BackoffLimitExceeded' }] }, []],
    ['conditionsInclude wrong order', { conditionsInclude: [{ type: 'Failed' }, { type: 'FailureTarget' }] },
      ['conditionsInclude: missing {"type":"FailureTarget"}; got [{"type":"FailureTarget","status":"True","reason":"BackoffLimitExceeded"},{"type":"Failed","status":"True","reason":"BackoffLimitExceeded"}]']],
    ['conditionTimes', { conditionTimes: { Failed: 31, FailureTarget: { min: 29, max: 30 } } }, []],
    ['conditionTimes missing condition', { conditionTimes: { Complete: 31 } }, ['condition Complete time: want 31, got null']],
    ['startTime/completionTime', { startTimeSeconds: 0, completionTimeSeconds: null }, []],
    ['completionTime want absent', { startTimeSeconds: null }, ['startTimeSeconds: want null, got 0']],
    ['completionTime want a value', { completionTimeSeconds: 31 }, ['completionTimeSeconds: want 31, got null']],
    ['podsCreated', { podsCreated: 4, podsCreatedByIndex: { 0: 1, 1: 2, 2: { min: 1 }, 3: 0 } }, []],
    ['podsCreated mismatch', { podsCreated: { max: 3 }, podsCreatedByIndex: { 1: 1 } }, ['podsCreated: want {"max":3}, got 4', 'pods created for index 1: want 1, got 2']],
    ['podCreationTimes', { podCreationTimes: [0, 0, 11, { min: 30, max: 32 }] }, []],
    ['podCreationTimes length', { podCreationTimes: [0, 0, 11] }, ['podCreationTimes: want [0,0,11], got [0,0,11,31]']],
    ['podPhases', { podPhases: { Succeeded: 3, Failed: 1, Running: 0 } }, []],
    ['events by reason', { events: { SuccessfulCreate: 2, BackoffLimitExceeded: { min: 1 }, Suspended: 0 } }, []],
    ['events mismatch', { events: { SuccessfulCreate: 4 } }, ['events SuccessfulCreate: want 4, got 2']],
    ['actions', { actions: [{ result: 'rejected', message: 'spec.completions: Invalid value' }, { result: 'ok' }] }, []],
    ['actions mismatch', { actions: [{ result: 'ok' }] }, [
      'actions: want 1 outcomes, got 2',
      'action 0: want result "ok", got rejected (The Job "demo" is invalid: spec.completions: Invalid value: 5: field is immutable)',
    ]],
    ['action message substring', { actions: [{}, { message: 'x' }] }, ['action 1: message lacks "x"; got ""']],
    ['jobDeleted', { jobDeleted: false }, []],
    ['jobDeleted mismatch', { jobDeleted: true }, ['jobDeleted: want true, got false']],
    ['not a mapping', [1], ['expect: must be a mapping, not [1]']],
    ['error expected but the run went fine', { error: ['x'] }, ['expected exit 2 for an invalid scenario, got 0', 'stderr lacks "x"; stderr was: ""']],
  ])('%s', (_n, want, diffs) => {
    expect(checkExpect(want, r, START)).toEqual(diffs);
  });

  it('NonIndexed pods count under index "None", like Python str(None)', () => {
    const res = fixtureResult({ pods: [fixturePod({ name: 'a', index: null }), fixturePod({ name: 'b', index: null })] });
    expect(checkExpect({ podsCreatedByIndex: { None: 2 } }, res, START)).toEqual([]);
  });

  it('failedIndexes null fails when present', () => {
    const res = fixtureResult({ job: fixtureJob({ failedIndexes: '1' }) });
    expect(checkExpect({ status: { failedIndexes: null } }, res, START)).toEqual(['status.failedIndexes: want absent, got "1"']);
  });

  it.each<[string, unknown, string, number, string[]]>([
    ['error matches', { error: ['spec.completions: Required value', 'The Job "demo" is invalid'] },
      'The Job "demo" is invalid: spec.completions: Required value: when completion mode is Indexed\n', 2, []],
    ['error substring missing', { error: ['spec.parallelism'] }, 'The Job "demo" is invalid: x\n', 2,
      ['stderr lacks "spec.parallelism"; stderr was: "The Job \\"demo\\" is invalid: x"']],
    ['run expected but the scenario is invalid', { finished: true }, 'spec.seed: must be an integer (line 3)\n', 2,
      ['runner exited 2: spec.seed: must be an integer (line 3)']],
  ])('invalid scenario: %s', (_n, want, stderr, code, diffs) => {
    expect(checkExpect(want, null, START, stderr, code)).toEqual(diffs);
  });
});
