// Engine-level tests: determinism, invariants after every step, and a seeded fuzz of
// random scenarios (the seed and scenario are printed on failure).

import { describe, expect, it, vi } from 'vitest';
import { runScenario } from './index';
import { randomScenario } from './fuzz/generate';
import { InvariantChecker } from './sim/invariants';
import { Simulation } from './sim/simulation';
import type { SimScenario } from './sim/scenario';

const base: SimScenario = {
  name: 'demo',
  clockStart: '2025-01-01T00:00:00Z',
  seed: 1,
  job: {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'demo' },
    spec: {
      completions: 4,
      parallelism: 2,
      completionMode: 'Indexed',
      backoffLimitPerIndex: 1,
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] } },
    },
  },
  workload: {
    defaults: { startupSeconds: 1, readySeconds: 0, durationSeconds: 10, exitCode: 0, terminationSeconds: 3 },
    rules: [{ index: { text: '1', ranges: [[1, 1]] }, attempt: { text: '0', ranges: [[0, 0]] }, outcome: { exitCode: 1 } }],
    random: { failureProbability: 0.3, exitCodes: [1, 2], durationSeconds: { min: 2, max: 9 } },
  },
  actions: [{ atMs: 5000, kind: 'suspend', value: true }, { atMs: 9000, kind: 'suspend', value: false }],
  until: 'finished',
  syncDelayMs: 0,
};

function runChecked(s: SimScenario): { violations: string[]; error?: string } {
  const sim = new Simulation(s);
  const inv = new InvariantChecker(sim);
  sim.onStep = () => inv.step();
  sim.afterSync = (job, pods) => inv.afterSync(job, pods);
  try {
    if (sim.start() === null) sim.run(s.until);
  } catch (e) {
    return { violations: inv.violations, error: String((e as Error).stack ?? e) };
  }
  return { violations: inv.violations };
}

describe('determinism', () => {
  it('the same scenario gives byte-identical output', () => {
    const a = JSON.stringify(runScenario(base));
    const b = JSON.stringify(runScenario(base));
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThan(1000);
  });

  it('does not depend on host time', () => {
    const a = JSON.stringify(runScenario(base));
    const spy = vi.spyOn(Date, 'now').mockReturnValue(4102444800000);
    try {
      expect(JSON.stringify(runScenario(base))).toBe(a);
    } finally {
      spy.mockRestore();
    }
  });

  it('a different seed changes random outcomes but not the rules', () => {
    const a = runScenario(base);
    const b = runScenario({ ...base, seed: 2 });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.pods.map((p) => p.name)).not.toEqual(b.pods.map((p) => p.name));
  });
});

describe('invariants hold after every step', () => {
  it('on the demo scenario', () => {
    expect(runChecked(base)).toEqual({ violations: [] });
  });
});

describe('fuzz: 1,000 random scenarios', () => {
  it('never throws and never violates an invariant', () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 1000; seed++) {
      const s = randomScenario(seed);
      const r = runChecked(s);
      if (r.error || r.violations.length > 0) {
        failures.push(`seed ${seed}: ${r.error ?? ''} ${r.violations.join('; ')}\nscenario: ${JSON.stringify(s)}`);
        if (failures.length >= 3) break;
      }
    }
    expect(failures).toEqual([]);
  });
});
