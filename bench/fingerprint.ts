// A determinism guard for performance work: runs the conformance cases, the seeded fuzz
// scenarios and a few mid-sized Jobs (past the controller's 500-per-sync caps) with the
// full trace, and prints one SHA-256 per group of the JSON-serialized outcomes. An
// optimization must leave every hash unchanged.
//   node --import tsx bench/fingerprint.ts [--write FILE | --check FILE]

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { randomScenario } from '../src/engine/fuzz/generate';
import { runScenario } from '../src/engine/index';
import type { SimScenario } from '../src/engine/sim/scenario';
import { parseScenario } from '../src/scenario/parse';
import { yamlFiles } from '../src/engine/conformance/testkit';

const root = join(import.meta.dirname, '..');


function load(text: string): SimScenario | null {
  const parsed = parseScenario(text);
  return parsed.ok ? parsed.scenario : null;
}

/** The 100k benchmark scenario with other sizes and Job fields (same workload model). */
function variant(completions: number, parallelism: number, spec: Record<string, unknown>, failure = 0.05): SimScenario | null {
  const doc = parse(readFileSync(join(root, 'bench/scenarios/indexed-100k.yaml'), 'utf8')) as {
    spec: { job: { spec: Record<string, unknown> }; workload: { random: { failureProbability: number } } };
  };
  const js = doc.spec.job.spec;
  js.completions = completions;
  js.parallelism = parallelism;
  delete js.maxFailedIndexes;
  Object.assign(js, spec);
  for (const [k, v] of Object.entries(spec)) if (v === null) delete js[k];
  doc.spec.workload.random.failureProbability = failure;
  return load(stringify(doc));
}

function hashOf(outcomes: unknown[]): string {
  const h = createHash('sha256');
  for (const o of outcomes) h.update(JSON.stringify(o));
  return h.digest('hex').slice(0, 16);
}

function groups(): Record<string, string> {
  const out: Record<string, string> = {};
  const cases = yamlFiles().sort();
  const caseScenarios = cases.map((f) => load(stringify((parse(readFileSync(f, 'utf8')) as { scenario: unknown }).scenario)));
  out.conformance = hashOf(caseScenarios.map((s) => (s ? runScenario(s) : null)));
  const fuzz: unknown[] = [];
  for (let seed = 1; seed <= 1500; seed++) fuzz.push(runScenario(randomScenario(seed)));
  out.fuzz = hashOf(fuzz);
  const mids: Array<[string, SimScenario | null]> = [
    ['indexed-perIndex-3000', variant(3000, 1200, { maxFailedIndexes: 50 }, 0.1)],
    ['indexed-backoffLimit-3000', variant(3000, 900, { backoffLimitPerIndex: null, backoffLimit: 400 })],
    ['nonindexed-2500', variant(2500, 800, { completionMode: null, backoffLimitPerIndex: null, backoffLimit: 1000 })],
    ['nonindexed-fail-fast', variant(2000, 1000, { completionMode: null, backoffLimitPerIndex: null, backoffLimit: 20 })],
    ['indexed-success-policy', variant(2000, 700, { successPolicy: { rules: [{ succeededCount: 1500 }] } })],
    ['indexed-pfp', variant(2000, 600, { podFailurePolicy: { rules: [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [1] } }] } })],
  ];
  for (const [name, s] of mids) out[name] = hashOf([s ? runScenario(s) : null]);
  const big = load(readFileSync(join(root, 'bench/scenarios/indexed-100k.yaml'), 'utf8'));
  const r = big ? runScenario(big, { recordTrace: false }) : null;
  out['indexed-100k-status'] = hashOf([r]);
  return out;
}

const [mode, file] = process.argv.slice(2);
const got = groups();
console.log(JSON.stringify(got, null, 2));
if (mode === '--write' && file) writeFileSync(file, `${JSON.stringify(got, null, 2)}\n`);
if (mode === '--check' && file) {
  const want = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const diff = Object.keys(want).filter((k) => want[k] !== got[k]);
  console.log(diff.length === 0 ? 'fingerprint: identical' : `fingerprint: DIFFERENT in ${diff.join(', ')}`);
  process.exitCode = diff.length === 0 ? 0 : 1;
}
