// The windows read off real engine runs of the gallery examples (no hand-built traces).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/index';
import { findExample } from '../scenario/examples/index';
import { parseScenario } from '../scenario/parse';
import { TraceEncoder } from '../worker/compact';
import { computeWindows } from './windows';
import { DEFAULT_SCENARIO } from './defaultScenario';

function windowsOf(id: string): Array<[string, number, number]> {
  const ex = findExample(id);
  if (!ex) throw new Error(`no example ${id}`);
  const parsed = parseScenario(ex.text);
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
  const out = runScenario(parsed.scenario);
  if (!out.ok) throw new Error('rejected');
  const data = new TraceEncoder().encode(out.trace);
  const first = data.jobs[0];
  const clockStartMs = Date.parse(first?.job.metadata.creationTimestamp ?? '') - Math.floor((first?.timeMs ?? 0) / 1000) * 1000;
  return computeWindows(data.jobs, data.log, clockStartMs).map((w) => [w.kind, w.seconds, Math.round(w.startMs / 1000)]);
}

describe('windows of the gallery examples', () => {
  it.each([
    ['backoff-delays', (w: Array<[string, number, number]>) => expect(w.filter((x) => x[0] === 'backoff').map((x) => x[1])).toEqual([10, 20, 40, 80, 160, 320, 600])],
    ['ttl-after-finished', (w: Array<[string, number, number]>) => expect(w).toEqual([['ttl', 30, 11]])],
    ['suspend-resets-deadline', (w: Array<[string, number, number]>) => expect(w.filter((x) => x[0] === 'deadline').length).toBeGreaterThanOrEqual(2)],
  ])('%s', (id, check) => check(windowsOf(id)));
});

describe('a backoff wait cut short', () => {
  it('ends when the controller creates pods again (a success reset the backoff)', () => {
    const parsed = parseScenario(DEFAULT_SCENARIO);
    if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
    const out = runScenario(parsed.scenario);
    if (!out.ok) throw new Error('rejected');
    const data = new TraceEncoder().encode(out.trace);
    const backoff = computeWindows(data.jobs, data.log, Date.parse('2025-01-01T00:00:00Z')).filter((w) => w.kind === 'backoff');
    expect(backoff.map((w) => [w.startMs, w.endMs])).toEqual([[6000, 11000]]);
  });
});
