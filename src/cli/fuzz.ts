// The fuzzer: `npm run fuzz -- --runs N --seed S [--keep-going] [--out DIR]` or
// `npm run fuzz -- --replay FILE`. Each seed's hostile scenario (src/engine/fuzz) is run
// with the invariant checker and through the scenario text path (fuzzCheck.ts); a
// failure is minimized and written as a scenario file that `npm run sim` can run.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fuzzScenario } from '../engine/fuzz/generate';
import { minimize } from '../engine/fuzz/minimize';
import type { SimScenario } from '../engine/sim/scenario';
import { formatScenarioError, parseScenario } from '../scenario/parse';
import { checkScenario, roundTrips, scenarioYaml, signature } from './fuzzCheck';
import type { Failure } from './fuzzCheck';

const USAGE = `usage: npm run fuzz -- [--runs N] [--seed S] [--keep-going] [--out DIR]
       npm run fuzz -- --replay FILE

Runs N seeded hostile scenarios (seeds S .. S+N-1; defaults: 1000 runs from seed 1) with the
invariant checker after every step and through the scenario text path. The first failure
is minimized and written to DIR/<seed>.yaml (default fuzz-failures/); exit 1. --keep-going
goes on after a failure (one file per distinct failure). --replay checks one scenario file.

exit codes: 0 no failure; 1 a failure (or a usage error)`;

interface FuzzOptions {
  runs: number;
  seed: number;
  keepGoing: boolean;
  out: string;
  replay?: string;
}

function parseInt32(flag: string, v: string | undefined, min: number): number | string {
  if (v === undefined || !/^\d+$/.test(v) || Number(v) < min || Number(v) > 4294967295) return `${flag} needs an integer ≥ ${min}, not ${JSON.stringify(v ?? '')}`;
  return Number(v);
}

export function parseFuzzArgs(argv: string[]): FuzzOptions | string {
  const o: FuzzOptions = { runs: 1000, seed: 1, keepGoing: false, out: 'fuzz-failures' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--runs' || flag === '--seed') {
      const n = parseInt32(flag, value(), flag === '--runs' ? 1 : 0);
      if (typeof n === 'string') return n;
      if (flag === '--runs') o.runs = n;
      else o.seed = n;
    } else if (flag === '--keep-going') o.keepGoing = true;
    else if (flag === '--out' || flag === '--replay') {
      const v = value();
      if (v === undefined || v === '') return `${flag} needs a path`;
      if (flag === '--out') o.out = v;
      else o.replay = v;
    } else if (flag === '--help' || flag === '-h') return '';
    else return `unknown argument ${JSON.stringify(argv[i])}`;
  }
  return o;
}

/** Minimizes a failing scenario, keeping the same failure and a scenario file that reproduces it. */
function shrink(s: SimScenario, failure: Failure): { scenario: SimScenario; failure: Failure; tries: number } {
  const want = signature(failure);
  const reproducible = failure.kind === 'roundtrip' || roundTrips(s);
  let last = failure;
  const { scenario, tries } = minimize(s, (c) => {
    if (reproducible && failure.kind !== 'roundtrip' && !roundTrips(c)) return false;
    const r = checkScenario(c);
    if (r.ok || signature(r.failure) !== want) return false;
    last = r.failure;
    return true;
  });
  return { scenario, failure: last, tries };
}

function writeFailure(out: string, seed: number, s: SimScenario, f: Failure): string {
  mkdirSync(out, { recursive: true });
  const file = join(out, `${seed}.yaml`);
  const header = [
    `# Minimized fuzz failure (seed ${seed}): ${f.kind}`,
    ...f.message.split('\n').map((l) => `#   ${l}`),
    `# Re-check: npm run fuzz -- --replay ${file}`,
    `# Run:      npm run --silent sim -- ${file} --output describe`,
    '',
  ].join('\n');
  writeFileSync(file, header + scenarioYaml(s));
  return file;
}

function replay(file: string): number {
  const parsed = parseScenario(readFileSync(file, 'utf8'));
  if (!parsed.ok) {
    process.stderr.write(parsed.errors.map((e) => `${formatScenarioError(e)}\n`).join(''));
    return 1;
  }
  const r = checkScenario(parsed.scenario);
  if (r.ok) {
    process.stdout.write(`${file}: no failure${r.skipped ? ' (cut at the fuzz budget)' : ''}\n`);
    return 0;
  }
  process.stdout.write(`${file}: ${r.failure.kind}: ${r.failure.message}\n`);
  return 1;
}

function fuzz(o: FuzzOptions): number {
  const seen = new Set<string>();
  let failures = 0;
  let skipped = 0;
  let ran = 0;
  const t0 = performance.now();
  for (let seed = o.seed; seed < o.seed + o.runs; seed++) {
    ran++;
    const s = fuzzScenario(seed);
    const r = checkScenario(s);
    if (r.ok) {
      if (r.skipped) skipped++;
      continue;
    }
    failures++;
    const sig = signature(r.failure);
    process.stdout.write(`seed ${seed}: ${r.failure.kind}: ${r.failure.message.split('\n')[0] ?? ''}\n`);
    if (!seen.has(sig)) {
      seen.add(sig);
      const m = shrink(s, r.failure);
      const file = writeFailure(o.out, seed, m.scenario, m.failure);
      process.stdout.write(`  minimized in ${m.tries} reruns (${s.actions.length} → ${m.scenario.actions.length} actions): ${file}\n`);
    }
    if (!o.keepGoing) break;
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  const cut = skipped > 0 ? ` (${skipped} cut at the fuzz budget)` : '';
  process.stdout.write(`${ran} runs, ${failures} violations${cut}, ${seen.size} distinct, ${secs} s\n`);
  return failures === 0 ? 0 : 1;
}

function main(): number {
  // The yaml package reports odd kubectl -p/-f input as process warnings: not failures, and
  // thousands of them would bury the summary.
  process.removeAllListeners('warning');
  process.on('warning', () => undefined);
  const o = parseFuzzArgs(process.argv.slice(2));
  if (typeof o === 'string') {
    (o === '' ? process.stdout : process.stderr).write(o === '' ? `${USAGE}\n` : `error: ${o}\n\n${USAGE}\n`);
    return o === '' ? 0 : 1;
  }
  return o.replay !== undefined ? replay(o.replay) : fuzz(o);
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
}
