// The headless runner's logic, with its I/O and the engine injected so that it can be
// tested in-process (sim.ts wires it to Node). Exit codes: 0 ok, 2 only for an invalid
// scenario (scenario errors or a Job the API rejects), 1 for everything else.

import type { RunOutcome, RunResult } from '../engine/sim/result';
import type { SimScenario } from '../engine/sim/scenario';
import { checkExpect } from '../scenario/expect';
import { formatScenarioError, parseScenario, tooLargeMessage } from '../scenario/parse';
import { decodeShare, encodeShare } from '../scenario/share';
import { parseArgs, USAGE } from './args';
import type { CliOptions } from './args';
import { describeRun } from './describe';
import { formatJobYaml, formatJson, formatStatus } from './output';

export type RunScenario = (s: SimScenario, opts?: { untilMs?: number; recordTrace?: boolean }) => RunOutcome;

export interface CliIO {
  /**
   * Reads a scenario file ('-' = standard input); throws an Error with a readable message.
   * A file too large to be a scenario is not read: its size is returned instead.
   */
  read(file: string): string | { tooLargeBytes: number };
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface CliDeps {
  io: CliIO;
  /** Loaded lazily: usage errors and invalid scenarios never need the engine. */
  engine: () => Promise<{ runScenario: RunScenario }>;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs the CLI for `argv` (without node and script path); resolves to the exit code. Never rejects. */
export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  const { io } = deps;
  try {
    const args = parseArgs(argv);
    if (!args.ok) {
      io.stderr(`error: ${args.message}\n\n${USAGE}\n`);
      return 1;
    }
    if (args.options.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    return await runFile(args.options, deps);
  } catch (e) {
    io.stderr(`internal error: ${message(e)}\n`);
    return 1;
  }
}

/** The scenario text: from the file, or from the share link of --from-url. */
function readScenario(opts: CliOptions, io: CliIO): string | { tooLargeBytes: number } | { exit: number } {
  if (opts.fromUrl !== undefined) {
    const link = decodeShare(opts.fromUrl);
    if (link.ok) return link.scenarioText;
    // A link that does not carry a readable scenario is an invalid scenario (exit 2).
    io.stderr(`${link.message}\n`);
    return { exit: 2 };
  }
  try {
    return io.read(opts.file);
  } catch (e) {
    io.stderr(`error: cannot read ${opts.file === '-' ? 'standard input' : opts.file}: ${message(e)}\n`);
    return { exit: 1 };
  }
}

async function runFile(opts: CliOptions, deps: CliDeps): Promise<number> {
  const { io } = deps;
  const text = readScenario(opts, io);
  if (typeof text !== 'string' && 'exit' in text) return text.exit;
  if (typeof text !== 'string') {
    io.stderr(`${formatScenarioError({ path: '', message: tooLargeMessage(text.tooLargeBytes), line: 1, column: 1 })}\n`);
    return 2;
  }
  const parsed = parseScenario(text);
  if (!parsed.ok) {
    const stderr = parsed.errors.map((e) => `${formatScenarioError(e)}\n`).join('');
    if (opts.check && isErrorExpect(parsed.expect)) return reportCheck(io, checkExpect(parsed.expect, null, '', stderr, 2), stderr);
    io.stderr(stderr);
    return 2;
  }
  for (const w of parsed.warnings) io.stderr(`warning: ${w}\n`);
  if (opts.share) {
    io.stdout(`${encodeShare({ scenarioText: text })}\n`);
    return 0;
  }
  if (opts.check && parsed.expect === undefined) {
    io.stderr('error: --check needs an expect: block in the scenario\n');
    return 1;
  }
  const engine = await deps.engine();
  const outcome = engine.runScenario(parsed.scenario, {
    ...(opts.untilMs !== undefined && { untilMs: opts.untilMs }),
    // Only describe needs the trace (to know which pods exist at the end).
    recordTrace: opts.output === 'describe' && !opts.check,
  });
  const clockStart = parsed.scenario.clockStart;
  if (!outcome.ok) {
    const stderr = outcome.text.endsWith('\n') ? outcome.text : `${outcome.text}\n`;
    if (opts.check && isErrorExpect(parsed.expect)) return reportCheck(io, checkExpect(parsed.expect, null, clockStart, stderr, 2), stderr);
    io.stderr(stderr);
    return 2;
  }
  for (const n of outcome.notes) io.stderr(`note: ${n}\n`);
  if (opts.check) return reportCheck(io, checkExpect(parsed.expect, outcome, clockStart, '', 0), '');
  io.stdout(render(opts, outcome, clockStart));
  return 0;
}

function isErrorExpect(expect: unknown): boolean {
  return typeof expect === 'object' && expect !== null && 'error' in expect;
}

function reportCheck(io: CliIO, fails: string[], stderr: string): number {
  if (fails.length === 0) {
    io.stdout('ok: the outcome matches expect\n');
    return 0;
  }
  if (stderr !== '') io.stderr(stderr);
  io.stdout(`FAIL: the outcome differs from expect:\n${fails.map((f) => `  - ${f}\n`).join('')}`);
  return 1;
}

export function render(opts: Pick<CliOptions, 'output'>, r: RunResult, clockStart: string): string {
  switch (opts.output) {
    case 'json':
      return formatJson(r);
    case 'status':
      return formatStatus(r);
    case 'yaml':
      return formatJobYaml(r.job);
    case 'describe':
      return describeRun(r, clockStart);
  }
}
