import { describe, expect, it } from 'vitest';
import type { Job } from '../engine/api/types';
import type { TraceEntry } from '../engine/sim/trace';
import { formatDuration } from '../ui/format';
import { TraceEncoder, type JobEntry, type LogEntry } from '../worker/compact';
import { HISTORY_MAX, HISTORY_KEY, loadHistory, pushHistory } from './consoleSlice';
import { computeIndexGrid, type PodView } from './derive';
import { TraceIndex } from './fold';
import { memoryStorage } from './persistence';
import { idleTarget } from './playbackSlice';
import { groupPods, overParallelism } from './podGroups';
import { job, pod } from './testFixtures';
import { backoffWindows, deadlineWindows, ttlWindows } from './windows';

const T0 = Date.parse('2025-01-01T00:00:00Z');
const ts = (ms: number) => new Date(T0 + ms).toISOString().replace('.000Z', 'Z');
const entry = (timeMs: number, j: Job, deleted = false): JobEntry => ({ timeMs, seq: timeMs, deleted, job: j });
const why = (timeMs: number, rule: string, text: string): LogEntry => ({ type: 'why', timeMs, seq: timeMs, job: 'demo', rule, text });

describe('deadlineWindows', () => {
  it.each([
    { name: 'no deadline', jobs: [entry(0, job({ startTime: ts(0) }))], want: [] },
    { name: 'one window from startTime', jobs: [entry(0, job({ startTime: ts(2000) }, { activeDeadlineSeconds: 30 }))], want: [[2000, 32000, 30]] },
    {
      name: 're-based when a resume resets startTime',
      jobs: [
        entry(0, job({ startTime: ts(0) }, { activeDeadlineSeconds: 30 })),
        entry(10000, job({}, { activeDeadlineSeconds: 30, suspend: true })),
        entry(50000, job({ startTime: ts(50000) }, { activeDeadlineSeconds: 30 })),
      ],
      want: [[0, 10000, 30], [50000, 80000, 30]],
    },
    {
      name: 'a patched deadline opens a new window',
      jobs: [entry(0, job({ startTime: ts(0) }, { activeDeadlineSeconds: 30 })), entry(5000, job({ startTime: ts(0) }, { activeDeadlineSeconds: 100 }))],
      want: [[0, 5000, 30], [0, 100000, 100]],
    },
  ])('$name', ({ jobs, want }) => {
    expect(deadlineWindows(jobs, T0).map((w) => [w.startMs, w.endMs, w.seconds])).toEqual(want);
  });
});

describe('backoffWindows', () => {
  it.each([
    { name: 'one announced wait', log: [why(1000, 'backoff', '1 failure(s) since the last success → …; next pod in 10s')], want: [[1000, 11000, 10]] },
    {
      name: 'repeats of the same wait merge',
      log: [why(1000, 'backoff', 'next pod in 10s'), why(6000, 'backoff', 'next pod in 5s'), why(12000, 'backoff', 'next pod in 20s')],
      want: [[1000, 11000, 10], [12000, 32000, 20]],
    },
    { name: 'per-index backoff, fractional seconds', log: [why(500, 'backoff.perIndex', 'every pending index is in its per-index backoff; next in 9.500s')], want: [[500, 10000, 9.5]] },
    { name: 'other rules are ignored', log: [why(0, 'manageJob.create', 'next pod in 10s')], want: [] },
  ])('$name', ({ log, want }) => {
    expect(backoffWindows(log).map((w) => [w.startMs, w.endMs, w.seconds])).toEqual(want);
  });
});

describe('ttlWindows', () => {
  const done = (ttl: number | undefined) => job({ conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: ts(10000) }] }, ttl === undefined ? {} : { ttlSecondsAfterFinished: ttl });
  it.each([
    { name: 'no TTL', jobs: [entry(10000, done(undefined))], want: [] },
    { name: 'deleted by the TTL controller', jobs: [entry(10000, done(100)), entry(110000, done(100), true)], want: [[10000, 110000, 100, 110000]] },
    { name: 'not deleted within the run', jobs: [entry(10000, done(100))], want: [[10000, 110000, 100, null]] },
    { name: 'not finished', jobs: [entry(0, job({}, { ttlSecondsAfterFinished: 5 }))], want: [] },
  ])('$name', ({ jobs, want }) => {
    expect(ttlWindows(jobs, T0).map((w) => [w.startMs, w.endMs, w.seconds, w.deletedAtMs])).toEqual(want);
  });
});

describe('computeIndexGrid backoff and ignored failures', () => {
  const build = (status: Job['status'], spec: Partial<Job['spec']> = {}) => {
    let seq = 0;
    const w = (timeMs: number, name: string, phase: 'Running' | 'Failed', index: number, ignored = 0): TraceEntry => {
      const p = pod(name, phase, { index });
      if (ignored > 0) p.metadata.annotations = { 'batch.kubernetes.io/job-index-ignored-failure-count': String(ignored) };
      return { type: 'watch', timeMs, seq: seq++, event: 'ADDED', object: p };
    };
    const data = new TraceEncoder().encode([w(1000, 'a', 'Failed', 0), w(2000, 'b', 'Running', 1), w(3000, 'c', 'Failed', 2, 2), w(4000, 'd', 'Running', 2, 2)]);
    return computeIndexGrid(job(status, { completions: 3, completionMode: 'Indexed', backoffLimitPerIndex: 1, ...spec }), data, new TraceIndex(data).frameAt(5000).pods);
  };
  it.each([
    { name: 'running Job: a failed index without a live pod waits', status: {}, spec: {}, states: [4, 1, 1], at: [1000, -1, -1] },
    { name: 'finished Job: nothing waits', status: { conditions: [{ type: 'Failed', status: 'True' }] }, spec: {}, states: [0, 1, 1], at: [-1, -1, -1] },
    { name: 'suspended Job: nothing waits', status: {}, spec: { suspend: true }, states: [0, 1, 1], at: [-1, -1, -1] },
  ])('$name', ({ status, spec, states, at }) => {
    const g = build(status, spec);
    expect(Array.from(g.states)).toEqual(states);
    expect(Array.from(g.failedAtMs)).toEqual(at);
    expect(Array.from(g.ignored)).toEqual([0, 0, 2]);
  });
});

describe('pod groups and over-parallelism', () => {
  const v = (name: string, phase: string, terminating = false): PodView => ({ name, phase, terminating, ready: false, index: null, attempt: null, exitCode: null, restarts: 0, reason: '', disrupted: false });
  it('groups active, terminating and finished pods in order', () => {
    const g = groupPods([v('a', 'Failed'), v('b', 'Running', true), v('c', 'Pending'), v('d', 'Succeeded'), v('e', 'Running')]);
    expect([g.active, g.terminating, g.finished].map((x) => x.map((p) => p.name))).toEqual([['c', 'e'], ['b'], ['a', 'd']]);
  });
  it.each([
    { nonTerminal: 3, parallelism: 2, want: { n: 3, p: 2 } },
    { nonTerminal: 2, parallelism: 2, want: null },
    { nonTerminal: 2, parallelism: undefined, want: { n: 2, p: 1 } },
  ])('$nonTerminal pods, parallelism $parallelism', ({ nonTerminal, parallelism, want }) => {
    expect(overParallelism(nonTerminal, parallelism)).toEqual(want);
  });
});

describe('idleTarget', () => {
  it.each([
    { name: 'short gap plays normally', cursor: 0, next: 20000, end: 100000, speed: 10, want: null },
    { name: 'long gap lands 1 s before the next entry', cursor: 74000, next: 154000, end: 2000000, speed: 10, want: 153000 },
    { name: 'threshold scales with the speed', cursor: 74000, next: 154000, end: 2000000, speed: 30, want: null },
    { name: 'idle until the end', cursor: 10000, next: null, end: 3600000, speed: 10, want: 3599000 },
  ])('$name', ({ cursor, next, end, speed, want }) => {
    expect(idleTarget(cursor, next, end, speed)).toBe(want);
  });
});

describe('kubectl history', () => {
  it.each([
    { name: 'appends', history: ['get pods'], cmd: 'get jobs', want: ['get pods', 'get jobs'] },
    { name: 'skips an immediate repeat', history: ['get pods'], cmd: 'get pods', want: ['get pods'] },
    { name: 'keeps the last 50', history: Array.from({ length: HISTORY_MAX }, (_, i) => `c${i}`), cmd: 'new', want: [...Array.from({ length: HISTORY_MAX - 1 }, (_, i) => `c${i + 1}`), 'new'] },
  ])('$name', ({ history, cmd, want }) => expect(pushHistory(history, cmd)).toEqual(want));

  it.each([
    { name: 'nothing saved', raw: undefined, want: [] },
    { name: 'garbage', raw: '{not json', want: [] },
    { name: 'non-strings dropped', raw: '["get pods", 3, null, "get jobs"]', want: ['get pods', 'get jobs'] },
  ])('loads $name', ({ raw, want }) => {
    expect(loadHistory(memoryStorage(raw === undefined ? {} : { [HISTORY_KEY]: raw }))).toEqual(want);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [12_000, '12s'],
    [290_000, '4m 50s'],
    [3_720_000, '1h 2m'],
  ])('%i ms → %s', (ms, want) => expect(formatDuration(ms)).toBe(want));
});
