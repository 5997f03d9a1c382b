// One fuzz check of a scenario: the simulation with the invariant checker after every
// step and sync (as engine.test.ts does), then the text path: the scenario as YAML (the
// project's serializer, full or minimal, or through a share link) → parseScenario (must
// give back the same scenario) → runScenario → the runner's output.

import { runScenario } from '../engine/index';
import { canonicalJson } from '../engine/fuzz/canonical';
import { InvariantChecker } from '../engine/sim/invariants';
import type { SimScenario } from '../engine/sim/scenario';
import { Simulation } from '../engine/sim/simulation';
import { formatScenarioError, parseScenario } from '../scenario/parse';
import { serializeScenario } from '../scenario/serialize';
import { decodeShare, encodeShare } from '../scenario/share';
import { isObj } from '../scenario/values';
import type { CliOptions } from './args';
import { render } from './run';

export type FailureKind = 'exception' | 'violation' | 'roundtrip' | 'runner';

export interface Failure {
  kind: FailureKind;
  message: string;
}

export type CheckResult = { ok: true; skipped: boolean } | { ok: false; failure: Failure };

/** A run past this size is cut (not a failure): the fuzzer looks for bugs, not for limits. */
export const FUZZ_MAX_EVENTS = 100_000;
export const FUZZ_MAX_PODS = 5_000;

const OUTPUTS: ReadonlyArray<CliOptions['output']> = ['json', 'status', 'yaml', 'describe'];
const OVER_BUDGET = new Error('over the fuzz budget');

function errorText(e: unknown): string {
  if (e instanceof Error) return (e.stack ?? `${e.name}: ${e.message}`).split('\n').slice(0, 6).join('\n');
  return String(e);
}

/** Scenario as YAML text, as a user would write it. */
export function scenarioYaml(s: SimScenario, metadata: { title?: string; description?: string } = {}): string {
  return serializeScenario(s, { metadata });
}

/** The text the check parses: full YAML, minimal YAML, or the text a share link carries (by seed). */
function scenarioText(s: SimScenario): string {
  const how = s.seed % 3;
  if (how === 0) return scenarioYaml(s);
  if (how === 1) return serializeScenario(s, { minimal: true });
  const decoded = decodeShare(encodeShare({ scenario: s }));
  if (!decoded.ok) throw new Error(`a share link did not decode: ${decoded.message}`);
  return decoded.scenarioText;
}

/** The same failure: kind and first line, with numbers (times, counts, names' suffixes) ignored. */
export function signature(f: Failure): string {
  return `${f.kind}: ${(f.message.split('\n')[0] ?? '').replace(/\d+/g, '#')}`;
}

function simulate(s: SimScenario): { failure?: Failure; skipped: boolean } {
  const sim = new Simulation(s, false);
  const inv = new InvariantChecker(sim);
  let pods = 0;
  sim.store.watch((type, obj) => {
    if (type === 'ADDED' && obj.kind === 'Pod') pods++;
  });
  sim.onStep = () => {
    inv.step();
    if (sim.eventsProcessed > FUZZ_MAX_EVENTS || pods > FUZZ_MAX_PODS) throw OVER_BUDGET;
  };
  sim.afterSync = (job, pods) => inv.afterSync(job, pods);
  try {
    if (sim.start() === null) sim.run(s.until);
  } catch (e) {
    if (e === OVER_BUDGET) return { skipped: true };
    return { failure: { kind: 'exception', message: `the simulation threw: ${errorText(e)}` }, skipped: false };
  }
  const v = inv.violations[0];
  return v === undefined ? { skipped: false } : { failure: { kind: 'violation', message: `invariant violated: ${v}` }, skipped: false };
}

/** The first place where two JSON values differ, for a readable round-trip failure. */
function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (canonicalJson(a) === canonicalJson(b)) return '';
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
      const d = firstDifference(ao[k], bo[k], `${path}.${k}`);
      if (d !== '') return d;
    }
  }
  return `${path || '(root)'}: ${canonicalJson(a) ?? 'absent'} became ${canonicalJson(b) ?? 'absent'}`;
}

/** YAML → parseScenario → runScenario → render, as `npm run sim` does. */
function textPath(s: SimScenario, runEngine: boolean): Failure | undefined {
  let text: string;
  try {
    text = scenarioText(s);
  } catch (e) {
    return { kind: 'runner', message: `serializing the scenario failed: ${errorText(e)}` };
  }
  const parsed = parseScenario(text);
  if (!parsed.ok) {
    const errors = parsed.errors.map(formatScenarioError).join('; ');
    if (errors.includes('internal error') || isObj(s.job)) return { kind: 'roundtrip', message: `the serialized scenario does not parse: ${errors}` };
    return undefined;
  }
  const diff = firstDifference(s, parsed.scenario);
  if (diff !== '') return { kind: 'roundtrip', message: `parse(serialize(s)) differs from s at ${diff}` };
  if (!runEngine) return undefined;
  try {
    const outcome = runScenario(parsed.scenario, { recordTrace: true });
    if (!outcome.ok) {
      if (!outcome.text.startsWith('The ') && !outcome.text.startsWith('Error from server')) return { kind: 'runner', message: `unexpected rejection text: ${outcome.text}` };
      return undefined;
    }
    const output = OUTPUTS[s.seed % OUTPUTS.length] ?? 'json';
    render({ output }, outcome, parsed.scenario.clockStart);
  } catch (e) {
    return { kind: 'exception', message: `the runner threw: ${errorText(e)}` };
  }
  return undefined;
}

/** Runs every check on one scenario; never throws. */
export function checkScenario(s: SimScenario): CheckResult {
  try {
    const sim = simulate(s);
    if (sim.failure) return { ok: false, failure: sim.failure };
    const text = textPath(s, !sim.skipped);
    return text ? { ok: false, failure: text } : { ok: true, skipped: sim.skipped };
  } catch (e) {
    return { ok: false, failure: { kind: 'exception', message: `the fuzz check threw: ${errorText(e)}` } };
  }
}

/** Whether `s` is still expressible as a scenario file (the minimizer must keep it reproducible). */
export function roundTrips(s: SimScenario): boolean {
  return textPath(s, false) === undefined;
}
