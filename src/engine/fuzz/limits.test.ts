// The playground's limits (docs/limits.md) end a run with a clear note instead of a hang
// or a crash; and the fuzzer's own pieces (hostile generator, minimizer) behave.

import { describe, expect, it } from 'vitest';
import { goQuote } from '../api/errors';
import { createKubectlApi } from '../api/kubectlApi';
import type { Pod } from '../api/types';
import { emptyBackoffRecord, newBackoffRecord } from '../controller/backoff_utils';
import { capOutput, MAX_KUBECTL_OUTPUT_CHARS, runKubectl } from '../kubectl/kubectl';
import type { SimScenario } from '../sim/scenario';
import { MAX_PODS_PER_RUN, podLimitNote, Simulation } from '../sim/simulation';
import { canonicalJson } from './canonical';
import { fuzzScenario, randomScenario } from './generate';
import { minimize } from './minimize';

function scenario(spec: Record<string, unknown>, over: Partial<SimScenario> = {}): SimScenario {
  return {
    name: 'limits',
    clockStart: '2025-01-01T00:00:00Z',
    seed: 1,
    job: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'big' }, spec: { ...spec, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] } } } },
    workload: { defaults: { startupSeconds: 1, readySeconds: 0, durationSeconds: 10, exitCode: 0, terminationSeconds: 1 }, rules: [] },
    actions: [],
    until: 'finished',
    syncDelayMs: 0,
    ...over,
  };
}

describe('limits', () => {
  it('pods per run: an API-valid Job with parallelism 10^9 stops with a note', () => {
    // Before the limit this ran out of memory after ~5 minutes (millions of pods at t=0).
    const sim = new Simulation(scenario({ completions: 1_000_000_000, parallelism: 1_000_000_000 }), false);
    sim.podLimit = 3000;
    expect(sim.start()).toBeNull();
    sim.run('finished');
    expect(sim.notes).toEqual([podLimitNote(3000)]);
    expect(sim.podsCreated).toBeGreaterThan(3000);
    expect(sim.podsCreated).toBeLessThanOrEqual(3500); // one sync creates at most 500
    sim.run('finished');
    expect(sim.notes).toHaveLength(1);
    expect(MAX_PODS_PER_RUN).toBe(150_000);
    expect(podLimitNote(MAX_PODS_PER_RUN)).toBe('stopped after more than 150000 pods were created (the per-run limit); lower parallelism or completions');
  });

  it('simulated horizon: a Job that outlives 24 h stops there with a note', () => {
    const s = scenario({ completions: 1, parallelism: 1 });
    s.workload.defaults.durationSeconds = 200_000;
    const sim = new Simulation(s, false);
    sim.start();
    sim.run('finished');
    expect(sim.clock.nowMs).toBe(24 * 3600 * 1000);
    expect(sim.notes).toEqual(['stopped at the 24 h simulated-time horizon before the Job finished']);
  });

  it('kubectl output: more than 1 MiB is cut at a line with a note', () => {
    const sim = new Simulation(scenario({ completions: 1500, parallelism: 1500, completionMode: 'Indexed' }), false);
    sim.start();
    sim.run(2000);
    const r = runKubectl(createKubectlApi(sim.store), 'get pods -o yaml', { nowMs: sim.clock.nowMs, clockStart: '2025-01-01T00:00:00Z' });
    expect(r.ok).toBe(true);
    expect(r.stdout.length).toBeLessThan(MAX_KUBECTL_OUTPUT_CHARS + 300);
    expect(r.stdout).toMatch(/\n\.\.\. output truncated: \d+\.\d MiB in all; the playground prints at most 1\.0 MiB per command \(narrow it with a name, -l or -o name\)\n$/);
  });

  it.each([
    ['short', 'a\nb\n', 'a\nb\n'],
    ['no newline at all', 'x'.repeat(MAX_KUBECTL_OUTPUT_CHARS + 10), `${'x'.repeat(MAX_KUBECTL_OUTPUT_CHARS)}\n... output truncated: 1.0 MiB in all; the playground prints at most 1.0 MiB per command (narrow it with a name, -l or -o name)\n`],
  ])('capOutput: %s', (_n, input, want) => {
    expect(capOutput(input)).toBe(want);
  });

  it('150,000 finished pods in one sync do not overflow the stack', () => {
    const pods = Array.from({ length: 200_000 }, (_, i) => ({ metadata: { name: `p${i}` } }) as Pod);
    const rec = newBackoffRecord(emptyBackoffRecord(), pods, [pods[0] as Pod], (p) => (p === pods[0] ? 5 : 1));
    expect(rec).toEqual({ failuresAfterLastSuccess: 0, lastFailureTimeMs: null });
  });
});

describe('goQuote (strconv.Quote) keeps hostile names off the terminal', () => {
  it.each([
    ['demo', '"demo"'],
    ['\u001b[31mred', '"\\x1b[31mred"'],
    ['nul\u0000', '"nul\\x00"'],
    ['\u202eevil\u202c', '"\\u202eevil\\u202c"'],
    ['zero\u200bwidth', '"zero\\u200bwidth"'],
    ['tab\tnew\nline\r', '"tab\\tnew\\nline\\r"'],
    ['quote " and \\', '"quote \\" and \\\\"'],
    ['<script>é🙂名</script>', '"<script>é🙂名</script>"'],
    ['\u00a0\u007f\u0085', '"\\u00a0\\x7f\\u0085"'],
    ['\u{e0001}', '"\\U000e0001"'],
  ])('%j', (input, want) => {
    expect(goQuote(input)).toBe(want);
  });
});

describe('fuzz generator', () => {
  it('is deterministic and leaves randomScenario alone', () => {
    for (const seed of [1, 2, 99]) {
      expect(canonicalJson(fuzzScenario(seed))).toBe(canonicalJson(fuzzScenario(seed)));
      expect(canonicalJson(randomScenario(seed))).toBe(canonicalJson(randomScenario(seed)));
    }
  });

  it('makes hostile input of every kind, in time order', () => {
    const kinds = new Set<string>();
    let invalidJobs = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const s = fuzzScenario(seed);
      for (const a of s.actions) kinds.add(a.kind);
      s.actions.forEach((a, i) => expect(a.atMs).toBeGreaterThanOrEqual(s.actions[i - 1]?.atMs ?? 0));
      const spec = (s.job as { spec?: unknown }).spec;
      if (JSON.stringify(s.job) !== JSON.stringify(randomScenario(seed).job) && spec !== undefined) invalidJobs++;
    }
    expect([...kinds].sort()).toEqual(['applyJob', 'deleteJob', 'deletePod', 'disruptPod', 'failPod', 'kubectl', 'patchJob', 'scale', 'setPodCondition', 'suspend']);
    expect(invalidJobs).toBeGreaterThan(50);
  });
});

describe('minimize', () => {
  it('drops every action and field the failure does not need', () => {
    const s = fuzzScenario(7);
    s.actions.push({ atMs: 50_000, kind: 'kubectl', command: 'get pods -o wide --show-labels' });
    s.actions.sort((a, b) => a.atMs - b.atMs);
    const fails = (c: SimScenario): boolean => c.actions.some((a) => a.kind === 'kubectl' && a.command.includes('wide'));
    const { scenario, tries } = minimize(s, fails);
    expect(scenario.actions).toEqual([{ atMs: 0, kind: 'kubectl', command: 'wide' }]);
    expect(scenario.job).toEqual({});
    expect(scenario.workload.rules).toEqual([]);
    expect(tries).toBeLessThan(2000);
  });

  it('shrinks numbers while the failure holds', () => {
    const s = scenario({ completions: 77, parallelism: 40 });
    const fails = (c: SimScenario): boolean => ((c.job as { spec?: { parallelism?: number } }).spec?.parallelism ?? 0) > 9;
    const spec = (minimize(s, fails).scenario.job as { spec: Record<string, unknown> }).spec;
    expect(spec).toEqual({ parallelism: 10 });
  });
});
