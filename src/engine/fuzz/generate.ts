// Seeded random scenarios for fuzzing: Job specs across every policy (mostly valid,
// sometimes not), workloads with rules and randomness, and interventions at random times;
// `fuzzScenario` adds hostile input on top (see hostile.ts).

import { Rng } from '../sim/random';
import { MAX_SIMULATED_MS } from '../sim/scenario';
import type { PodTarget, ScenarioAction, SimScenario, WorkloadRule } from '../sim/scenario';
import { garbagePatch, HOSTILE_NUMBERS, hostileKubectl, hostileString, invalidJob } from './hostile';

const chance = (r: Rng, p: number): boolean => r.next() < p;

function jobSpec(r: Rng): Record<string, unknown> {
  const indexed = chance(r, 0.5);
  const completions = r.int(1, 8);
  const spec: Record<string, unknown> = {
    parallelism: r.int(0, 5),
    backoffLimit: r.int(0, 6),
    template: {
      spec: {
        restartPolicy: chance(r, 0.8) ? 'Never' : 'OnFailure',
        terminationGracePeriodSeconds: r.int(0, 30),
        containers: [{ name: 'main', image: 'busybox:1.36' }],
      },
    },
  };
  if (indexed || chance(r, 0.7)) spec.completions = completions;
  if (indexed) spec.completionMode = 'Indexed';
  const never = (spec.template as { spec: { restartPolicy: string } }).spec.restartPolicy === 'Never';
  if (indexed && chance(r, 0.4)) {
    spec.backoffLimitPerIndex = r.int(0, 3);
    if (chance(r, 0.5)) spec.maxFailedIndexes = r.int(0, completions);
    if (chance(r, 0.5)) delete spec.backoffLimit;
  }
  if (never && chance(r, 0.35)) {
    const actions = spec.backoffLimitPerIndex !== undefined ? ['FailJob', 'Ignore', 'Count', 'FailIndex'] : ['FailJob', 'Ignore', 'Count'];
    spec.podFailurePolicy = {
      rules: [
        { action: r.pick(actions), onExitCodes: { operator: r.pick(['In', 'NotIn']), values: [r.pick([1, 2, 42, 137])] } },
        { action: r.pick(actions), onPodConditions: [{ type: 'DisruptionTarget' }] },
      ],
    };
  }
  if (indexed && chance(r, 0.25)) spec.successPolicy = { rules: [{ succeededCount: r.int(1, completions) }] };
  if (chance(r, 0.2)) spec.activeDeadlineSeconds = r.int(0, 120);
  if (chance(r, 0.2)) spec.ttlSecondsAfterFinished = r.int(0, 60);
  if (chance(r, 0.15)) spec.suspend = true;
  if (spec.podFailurePolicy === undefined && chance(r, 0.3)) spec.podReplacementPolicy = r.pick(['Failed', 'TerminatingOrFailed']);
  if (chance(r, 0.05)) spec.parallelism = -1; // invalid on purpose: must be refused, never crash
  return spec;
}

function actions(r: Rng, indexed: boolean, completions: number): ScenarioAction[] {
  const out: ScenarioAction[] = [];
  const n = r.int(0, 6);
  let at = 0;
  for (let i = 0; i < n; i++) {
    at += r.int(0, 40) * 1000 + (chance(r, 0.2) ? 500 : 0);
    const target = indexed && chance(r, 0.6) ? { index: r.int(0, completions) } : {};
    const kind = r.int(0, 9);
    if (kind === 0) out.push({ atMs: at, kind: 'failPod', target, exitCode: r.pick([1, 2, 42, 137]) });
    else if (kind === 1) out.push({ atMs: at, kind: 'disruptPod', target, reason: 'EvictionByEvictionAPI' });
    else if (kind === 2) out.push({ atMs: at, kind: 'deletePod', target });
    else if (kind === 3) out.push({ atMs: at, kind: 'setPodCondition', target, type: 'ConfigIssue', status: 'True' });
    else if (kind === 4) out.push({ atMs: at, kind: 'suspend', value: chance(r, 0.5) });
    else if (kind === 5) {
      const p = r.int(0, 6);
      out.push(indexed && chance(r, 0.5) ? { atMs: at, kind: 'scale', parallelism: p, completions: p } : { atMs: at, kind: 'scale', parallelism: p });
    } else if (kind === 6) out.push({ atMs: at, kind: 'patchJob', patchType: 'merge', patch: { spec: { activeDeadlineSeconds: r.int(1, 100) } } });
    else if (kind === 7) out.push({ atMs: at, kind: 'kubectl', command: r.pick(['get pods', 'get jobs', 'delete pod -l job-name=fuzz', 'describe job fuzz', 'bogus command']) });
    else if (kind === 8) out.push({ atMs: at, kind: 'deleteJob', propagationPolicy: r.pick(['Background', 'Foreground', 'Orphan']) });
    else out.push({ atMs: at, kind: 'patchJob', patchType: 'json', patch: [{ op: 'replace', path: '/spec/backoffLimit', value: r.int(0, 5) }] });
  }
  return out;
}

export function randomScenario(seed: number): SimScenario {
  const r = new Rng(seed, 'fuzz');
  const spec = jobSpec(r);
  const indexed = spec.completionMode === 'Indexed';
  const completions = typeof spec.completions === 'number' ? spec.completions : 1;
  const rules: WorkloadRule[] = [];
  for (let i = r.int(0, 3); i > 0; i--) {
    const a = r.int(0, 2);
    rules.push({
      ...(indexed && chance(r, 0.5) ? { index: { text: String(a), ranges: [[a, a]] as Array<[number, number]> } } : {}),
      attempt: { text: String(a), ranges: [[a, a]] },
      outcome: { exitCode: r.pick([0, 1, 2, 42]), durationSeconds: r.int(1, 30), ...(chance(r, 0.2) ? { conditions: [{ type: 'ConfigIssue', status: 'True' }] } : {}) },
    });
  }
  return {
    name: `fuzz-${seed}`,
    clockStart: '2025-01-01T00:00:00Z',
    seed,
    job: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'fuzz' }, spec },
    workload: {
      defaults: {
        startupSeconds: r.int(0, 5),
        readySeconds: r.int(0, 3),
        durationSeconds: r.int(1, 40),
        exitCode: 0,
        terminationSeconds: r.int(0, 40),
      },
      rules,
      random: chance(r, 0.5) ? { failureProbability: r.next() * 0.5, exitCodes: [1, 42], durationSeconds: { min: 1, max: 20 } } : undefined,
    },
    actions: actions(r, indexed, completions),
    until: chance(r, 0.8) ? 'finished' : r.int(1, 600) * 1000,
    syncDelayMs: chance(r, 0.2) ? 1000 : 0,
  };
}

/** A hostile intervention at `atMs`: garbage patches, hostile kubectl lines, broken applies, edge numbers. */
function hostileAction(r: Rng, atMs: number, job: unknown): ScenarioAction {
  const nonEmpty = (s: string): string => (s.trim() === '' ? 'x' : s);
  const int32 = (): number => r.pick(HOSTILE_NUMBERS.filter((n) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31 - 1));
  const target = (): PodTarget => (chance(r, 0.3) ? { name: nonEmpty(hostileString(r)) } : chance(r, 0.5) ? { index: r.int(0, 10) } : {});
  const kind = r.int(0, 8);
  if (kind <= 1) return { atMs, kind: 'kubectl', command: nonEmpty(hostileKubectl(r)) };
  if (kind === 2) {
    const patchType = r.pick(['merge', 'strategic', 'json'] as const);
    return { atMs, kind: 'patchJob', patchType, patch: garbagePatch(r, patchType) };
  }
  if (kind === 3) {
    const manifest = invalidJob(r, job);
    if (manifest !== null && typeof manifest === 'object' && !Array.isArray(manifest)) return { atMs, kind: 'applyJob', manifest };
    return { atMs, kind: 'applyJob', manifest: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'fuzz' }, spec: manifest } };
  }
  if (kind === 4) return chance(r, 0.5) ? { atMs, kind: 'scale', parallelism: int32() } : { atMs, kind: 'scale', parallelism: int32(), completions: int32() };
  if (kind === 5) {
    return { atMs, kind: 'setPodCondition', target: target(), type: nonEmpty(hostileString(r)), status: r.pick(['True', 'False', 'Unknown']), reason: nonEmpty(hostileString(r)), message: hostileString(r) };
  }
  if (kind === 6) return { atMs, kind: 'disruptPod', target: target(), reason: nonEmpty(hostileString(r)) };
  if (kind === 7) return { atMs, kind: 'failPod', target: target(), exitCode: r.int(0, 255) };
  return { atMs, kind: 'deletePod', target: target(), gracePeriodSeconds: r.pick([0, 1, 30, 86400]) };
}

/** Hostile text where the API accepts any string: annotations, command, args, env values. */
function decorate(r: Rng, job: unknown): void {
  if (job === null || typeof job !== 'object') return;
  const j = job as { metadata?: Record<string, unknown>; spec?: { template?: { metadata?: unknown; spec?: { containers?: Array<Record<string, unknown>> } } } };
  const text = (): Record<string, string> => ({ 'fuzz.example/note': hostileString(r), description: hostileString(r) });
  j.metadata = { ...j.metadata, annotations: text() };
  const t = j.spec?.template;
  if (!t) return;
  t.metadata = { annotations: text() };
  const c = t.spec?.containers?.[0];
  if (c) Object.assign(c, { command: [hostileString(r)], args: [hostileString(r), hostileString(r)], env: [{ name: 'NOTE', value: hostileString(r) }] });
}

/**
 * The fuzzer's scenarios: `randomScenario(seed)` (unchanged, so its fingerprint stays
 * stable) made hostile from a separate stream: invalid Jobs, hostile free text, garbage
 * patches, hostile kubectl lines and edge numbers at random times, some up to 24 h.
 */
export function fuzzScenario(seed: number): SimScenario {
  const s = randomScenario(seed);
  const r = new Rng(seed, 'hostile');
  const mode = r.int(0, 9);
  if (mode <= 1) return s;
  if (mode <= 3) s.job = invalidJob(r, s.job);
  else if (mode <= 5) decorate(r, s.job);
  if (chance(r, 0.3)) s.workload.rules.push({ outcome: { exitCode: r.int(0, 255), container: nonEmptyHostile(r), conditions: [{ type: nonEmptyHostile(r), status: 'True' }] } });
  const horizon = chance(r, 0.1) ? MAX_SIMULATED_MS : 120_000;
  for (let n = r.int(1, 6); n > 0; n--) s.actions.push(hostileAction(r, r.int(0, horizon), s.job));
  s.actions.sort((a, b) => a.atMs - b.atMs);
  return s;
}

function nonEmptyHostile(r: Rng): string {
  const s = hostileString(r);
  return s.trim() === '' ? 'x' : s;
}
