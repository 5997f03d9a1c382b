import { describe, expect, it } from 'vitest';
import type { Container, Pod } from '../api/types';
import { boundStatus, runningStatus, StatusMemo, terminalStatus } from './pod_status';

const containers: Container[] = [{ name: 'main', image: 'busybox:1.36' }];

describe('StatusMemo', () => {
  it('finds the last value only while every input is the same object', () => {
    const memo = new StatusMemo<{ n: number }>();
    expect(memo.find(containers, 't1', true)).toBeNull();
    const a = memo.keep({ n: 1 }, containers, 't1', true);
    expect(memo.find(containers, 't1', true)).toBe(a);
    expect(memo.find(containers, 't2', true)).toBeNull();
    expect(memo.find([...containers], 't1', true)).toBeNull();
    expect(memo.find(containers, 't1')).toBeNull();
    expect(memo.find(containers, 't1', true, undefined)).toBe(a);
    const b = memo.keep({ n: 2 }, containers, 't2', true, 4, 5, 6, 7, 8);
    expect(memo.find(containers, 't2', true, 4, 5, 6, 7, 8)).toBe(b);
    expect(memo.find(containers, 't2', true, 4, 5, 6, 7, 9)).toBeNull();
    expect(memo.find(containers, 't1', true)).toBeNull();
  });
});

describe('pod status builders', () => {
  it('build a pod through bound, running and succeeded without touching their inputs', () => {
    const bound = boundStatus(containers, '2026-01-01T00:00:00Z');
    const frozen = JSON.stringify(bound);
    const running = runningStatus(bound, containers, '2026-01-01T00:00:01Z', true);
    expect(JSON.stringify(bound)).toBe(frozen);
    expect(running.phase).toBe('Running');
    expect(running.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(running.startTime).toBe('2026-01-01T00:00:00Z');
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { containers }, status: running } as Pod;
    const before = JSON.stringify(running);
    const done = terminalStatus(pod, { exitCode: 0, extra: undefined, killed: false, failing: 'main', now: '2026-01-01T00:01:01Z' });
    expect(JSON.stringify(running)).toBe(before);
    expect(done.phase).toBe('Succeeded');
    expect(done.containerStatuses?.[0]?.state.terminated).toEqual({ exitCode: 0, reason: 'Completed', startedAt: '2026-01-01T00:00:01Z', finishedAt: '2026-01-01T00:01:01Z' });
    const failed = terminalStatus(pod, { exitCode: 1, extra: undefined, killed: false, failing: 'main', now: '2026-01-01T00:01:01Z' });
    expect(failed.phase).toBe('Failed');
  });
});
