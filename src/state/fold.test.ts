import { describe, expect, it } from 'vitest';
import { TraceIndex } from './fold';
import { computeConditionSegments, computeMarkers } from './derive';
import { demoTrace } from './testFixtures';
import type { Pod } from '../engine/api/types';

const phases = (pods: Pod[]) => pods.map((p) => `${p.metadata.name}:${p.status.phase}`);

describe('TraceIndex', () => {
  it.each([
    { name: 'before anything', t: -1, pods: [] },
    { name: 'at t=0', t: 0, pods: ['demo-a:Pending', 'demo-b:Pending'] },
    { name: 'mid-run', t: 6000, pods: ['demo-a:Running', 'demo-b:Failed'] },
    { name: 'after the replacement', t: 17500, pods: ['demo-a:Succeeded', 'demo-b:Failed', 'demo-c:Running'] },
    { name: 'after the failed pod was deleted', t: 25000, pods: ['demo-a:Succeeded', 'demo-c:Succeeded'] },
  ])('state $name', ({ t, pods }) => {
    expect(phases(new TraceIndex(demoTrace()).frameAt(t).pods)).toEqual(pods);
  });

  it.each([1, 2, 3, 1000])('seeking with a checkpoint every %i entries matches a plain fold', (interval) => {
    const plain = new TraceIndex(demoTrace(), 100_000);
    const idx = new TraceIndex(demoTrace(), interval);
    // Seek back and forth in a scrambled order to exercise both the cache and the checkpoints.
    for (const t of [20000, 0, 6000, 25000, 1000, 16000, 11000, 6000, 21000, 0]) {
      const a = idx.frameAt(t);
      const b = plain.entriesAt(plain.positionAt(t));
      expect([...a.objects.entries()].sort()).toEqual([...b.entries()].map(([k, e]) => [k, e.object] as const).sort());
      expect(phases(a.pods)).toEqual(phases(new TraceIndex(demoTrace(), 100_000).frameAt(t).pods));
    }
  });

  it('returns the same frame object while no watch entry is crossed', () => {
    const idx = new TraceIndex(demoTrace());
    const a = idx.frameAt(2000);
    expect(idx.frameAt(5999)).toBe(a);
    expect(idx.frameAt(6000)).not.toBe(a);
  });

  it('steps between recorded times', () => {
    const idx = new TraceIndex(demoTrace());
    expect(idx.nextTime(0)).toBe(1000);
    expect(idx.nextTime(1500)).toBe(6000);
    expect(idx.prevTime(6000)).toBe(1000);
    expect(idx.prevTime(0)).toBeNull();
    expect(idx.nextTime(21000)).toBeNull();
  });

  it('lists events in write order and the Job', () => {
    const f = new TraceIndex(demoTrace()).frameAt(20000);
    expect(f.events.map((e) => e.reason)).toEqual(['SuccessfulCreate', 'Completed']);
    expect(f.jobs[0]?.status.succeeded).toBe(2);
  });
});

describe('derived views', () => {
  it('marks pod failures and condition changes', () => {
    expect(computeMarkers(demoTrace())).toEqual([
      { timeMs: 6000, kind: 'podFailed', label: 'demo-b' },
      { timeMs: 20000, kind: 'condition', label: 'Complete=True' },
    ]);
  });

  it('builds condition lanes up to the end of the run', () => {
    expect(computeConditionSegments(demoTrace(), 21000)).toEqual([
      { type: 'Complete', status: 'True', startMs: 20000, endMs: 21000, reason: 'CompletionsReached', message: '' },
    ]);
  });
});
