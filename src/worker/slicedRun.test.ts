// The sliced run must give exactly what runScenario gives, however the slices fall: every
// conformance case is run with a slice ending after every single event and compared.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runScenario } from '../engine/index';
import type { TraceEntry } from '../engine/sim/trace';
import { parseScenario } from '../scenario/parse';
import { SlicedRun } from './slicedRun';
import { podLimitNote, Simulation } from '../engine/sim/simulation';
import { CASES_DIR, yamlFiles } from '../engine/conformance/testkit';

const root = CASES_DIR;
const cases = yamlFiles()
  .sort()
  .map((p) => [p.slice(root.length + 1), stringify((parse(readFileSync(p, 'utf8')) as { scenario: unknown }).scenario)] as const);

function sliced(text: string, untilMs?: number): { trace: TraceEntry[]; summary: ReturnType<SlicedRun['summary']>; slices: number } | null {
  const parsed = parseScenario(text);
  if (!parsed.ok) return null;
  const run = new SlicedRun(parsed.scenario, untilMs);
  if (run.refused) return null;
  run.checkMask = 0;
  let t = 0;
  const trace: TraceEntry[] = [];
  let slices = 0;
  for (;;) {
    slices++;
    const done = run.step(0, () => t++);
    trace.push(...run.takeEntries());
    if (done) break;
  }
  return { trace, summary: run.summary(), slices };
}

describe('SlicedRun', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(100));

  it.each(cases)('%s: same trace and outcome as runScenario', (_name, text) => {
    const parsed = parseScenario(text);
    if (!parsed.ok) return;
    const whole = runScenario(parsed.scenario);
    const s = sliced(text);
    if (!whole.ok) {
      expect(s).toBeNull();
      return;
    }
    expect(s).not.toBeNull();
    expect(s?.trace).toEqual(whole.trace);
    expect(s?.summary).toEqual({
      scenario: whole.scenario,
      finished: whole.finished,
      finishedAtSeconds: whole.finishedAtSeconds,
      endMs: whole.endMs,
      jobDeleted: whole.jobDeleted,
      eventsProcessed: whole.eventsProcessed,
      notes: whole.notes,
    });
  });

  it('stops at a given time like run(untilMs)', () => {
    const [, text] = cases[0] ?? ['', ''];
    const parsed = parseScenario(text);
    if (!parsed.ok) throw new Error('fixture');
    const whole = runScenario(parsed.scenario, { untilMs: 7000 });
    const s = sliced(text, 7000);
    expect(whole.ok && s?.trace).toEqual(whole.ok && whole.trace);
    expect(s?.summary.endMs).toBe(7000);
  });

  it('stops at the pod limit with the engine note only, not also the 24 h horizon note', () => {
    const text = stringify({
      apiVersion: 'job-playground/v1',
      kind: 'Scenario',
      metadata: { name: 'pod-limit' },
      spec: {
        job: {
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata: { name: 'many' },
          spec: { completions: 100000, parallelism: 100000, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } },
        },
      },
    });
    const parsed = parseScenario(text);
    if (!parsed.ok) throw new Error('fixture');
    const whole = new Simulation(parsed.scenario, false);
    whole.podLimit = 1200;
    whole.start();
    whole.run('finished');
    const run = new SlicedRun(parsed.scenario);
    run.sim.podLimit = 1200;
    while (!run.step(1000, () => 0));
    expect(run.summary().notes).toEqual(whole.notes);
    expect(run.summary().notes).toEqual([podLimitNote(1200)]);
    expect(run.summary().endMs).toBe(whole.clock.nowMs);
  });
});
