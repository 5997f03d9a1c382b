import { describe, expect, it } from 'vitest';
import { TraceIndex, type Frame } from './fold';
import { computeConditionSegments, computeIndexGrid, computeMarkers, podViewOf } from './derive';
import { eventRow } from './selectors';
import { demoData, demoTrace, job, pod } from './testFixtures';
import { TraceEncoder } from '../worker/compact';
import type { RunData } from '../worker/runData';
import type { TraceEntry } from '../engine/sim/trace';

const phases = (data: RunData, f: Frame) =>
  Array.from(f.pods.ids, (id, k) => podViewOf(data, id, f.pods.tr[k] ?? 0)).map((p) => `${p.name}:${p.phase}`);

describe('TraceIndex', () => {
  it.each([
    { name: 'before anything', t: -1, pods: [] },
    { name: 'at t=0', t: 0, pods: ['demo-a:Pending', 'demo-b:Pending'] },
    { name: 'mid-run', t: 6000, pods: ['demo-a:Running', 'demo-b:Failed'] },
    { name: 'after the replacement', t: 17500, pods: ['demo-a:Succeeded', 'demo-b:Failed', 'demo-c:Running'] },
    { name: 'after the failed pod was deleted', t: 25000, pods: ['demo-a:Succeeded', 'demo-c:Succeeded'] },
  ])('state $name', ({ t, pods }) => {
    const data = demoData();
    expect(phases(data, new TraceIndex(data).frameAt(t))).toEqual(pods);
  });

  it.each([1, 2, 3, 1000])('seeking with a checkpoint every %i transitions matches a plain fold', (interval) => {
    const data = demoData();
    const idx = new TraceIndex(data, interval);
    // Seek back and forth in a scrambled order to exercise both the cache and the checkpoints.
    for (const t of [20000, 0, 6000, 25000, 1000, 16000, 11000, 6000, 21000, 0, 17000]) {
      expect(phases(data, idx.frameAt(t))).toEqual(phases(data, new TraceIndex(data, 100_000).frameAt(t)));
    }
  });

  it('returns the same frame object while no entry is crossed', () => {
    const idx = new TraceIndex(demoData());
    const a = idx.frameAt(2000);
    expect(idx.frameAt(5999)).toBe(a);
    expect(idx.frameAt(6000)).not.toBe(a);
  });

  it('steps between recorded times', () => {
    const idx = new TraceIndex(demoData());
    expect(idx.nextTime(0)).toBe(1000);
    expect(idx.nextTime(1500)).toBe(6000);
    expect(idx.prevTime(6000)).toBe(1000);
    expect(idx.prevTime(6000.5)).toBe(6000);
    expect(idx.prevTime(0)).toBeNull();
    expect(idx.nextTime(21000)).toBeNull();
  });

  it('lists events in write order and the Job', () => {
    const data = demoData();
    const f = new TraceIndex(data).frameAt(20000);
    expect(Array.from(f.events.rows, (r) => eventRow(data, r).reason)).toEqual(['SuccessfulCreate', 'Completed']);
    expect(f.jobs[0]?.status.succeeded).toBe(2);
  });

  it('encodes attempt, exit code and index; chunks continue the id tables', () => {
    const trace = demoTrace();
    const enc = new TraceEncoder(() => 7);
    const a = enc.encode(trace.slice(0, 8));
    const b = enc.encode(trace.slice(8));
    expect(a.podNames).toEqual(['demo-a', 'demo-b']);
    expect(b.podNames).toEqual(['demo-c']);
    expect(Array.from(b.pId)).toEqual([0, 2, 2, 2, 1]);
    expect(b.pExit[0]).toBe(0);
    expect(a.podAttempt[0]).toBe(7);
    expect(Array.from(a.times)).toEqual([0, 1000, 6000]);
    expect(Array.from(b.times)).toEqual([11000, 16000, 17000, 20000, 21000]);
  });
});

describe('derived views', () => {
  it('marks pod failures and condition changes', () => {
    expect(computeMarkers(demoData())).toEqual([
      { timeMs: 6000, kind: 'podFailed', label: 'demo-b' },
      { timeMs: 20000, kind: 'condition', label: 'Complete=True' },
    ]);
  });

  it('builds condition lanes up to the end of the run', () => {
    expect(computeConditionSegments(demoData().jobs, 21000)).toEqual([
      { type: 'Complete', status: 'True', startMs: 20000, endMs: 21000, reason: 'CompletionsReached' , message: '' },
    ]);
  });

  it('builds the index grid from the Job status and the pods', () => {
    let seq = 0;
    const w = (o: TraceEntry extends infer _ ? Parameters<typeof pod>[0] : never, phase: 'Running' | 'Failed', index: number): TraceEntry => ({
      type: 'watch', timeMs: 0, seq: seq++, event: 'ADDED', object: pod(o, phase, { index }),
    });
    const trace = [w('p0', 'Failed', 0), w('p1', 'Running', 1), w('p3', 'Failed', 3), w('p3b', 'Running', 3)];
    const data = new TraceEncoder().encode(trace);
    const frame = new TraceIndex(data).frameAt(0);
    const g = computeIndexGrid(job({ completedIndexes: '0,4-5', failedIndexes: '2' }, { completions: 7, completionMode: 'Indexed' }), data, frame.pods);
    expect(Array.from(g.states)).toEqual([2, 1, 3, 1, 2, 2, 0]);
    expect(Array.from(g.failures)).toEqual([1, 0, 0, 1, 0, 0, 0]);
  });
});
