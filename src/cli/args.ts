// Command-line arguments of the headless runner (docs: scenario-format.md, "The headless runner").

import { MAX_SIMULATED_MS } from '../engine/sim/scenario';
import { parseDurationMs } from '../scenario/values';

export const OUTPUTS = ['json', 'status', 'describe', 'yaml'] as const;
export type OutputKind = (typeof OUTPUTS)[number];

export interface CliOptions {
  /** A path, or '-' for standard input. */
  file: string;
  output: OutputKind;
  /** --until: overrides the scenario's `until` (ms). */
  untilMs?: number;
  check: boolean;
  help: boolean;
  /** --share: print the scenario's share-link fragment instead of running it. */
  share: boolean;
  /** --from-url: a share link (or its fragment) that carries the scenario, instead of a file. */
  fromUrl?: string;
}

export type ArgsResult = { ok: true; options: CliOptions } | { ok: false; message: string };

export const USAGE = `usage: npm run --silent sim -- <scenario.yaml | -> [options]
       npm run --silent sim -- --from-url '<share link or #s=... fragment>' [options]

Runs a Job Playground scenario headlessly ('-' reads it from standard input).

options:
  --output, -o json|status|describe|yaml   what to print (default json)
  --until SECONDS                          stop at this time (seconds or "1m30s"), overriding spec.until
  --check                                  compare the outcome with the scenario's expect: block
  --share                                  print the scenario's share-link fragment (#s=1....) and exit
  --from-url LINK                          run the scenario a share link carries (quote it: it has a #)
  --help, -h                               show this help

exit codes: 0 ok; 2 the scenario is invalid; 1 anything else (usage, I/O, --check mismatch)`;

function takeValue(argv: string[], i: number, flag: string, inline: string | undefined): { value: string; next: number } | string {
  if (inline !== undefined) return { value: inline, next: i + 1 };
  const v = argv[i + 1];
  if (v === undefined || (v.startsWith('-') && v !== '-' && !/^-?\d/.test(v))) return `${flag} needs a value`;
  return { value: v, next: i + 2 };
}

/** Parses argv (without `node` and the script path). Never throws. */
export function parseArgs(argv: string[]): ArgsResult {
  const options: CliOptions = { file: '', output: 'json', check: false, help: false, share: false };
  const files: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (flag === '--help' || flag === '-h') {
      options.help = true;
      i++;
    } else if (flag === '--check' && inline === undefined) {
      options.check = true;
      i++;
    } else if (flag === '--share' && inline === undefined) {
      options.share = true;
      i++;
    } else if (flag === '--from-url') {
      const v = takeValue(argv, i, flag, inline);
      if (typeof v === 'string') return { ok: false, message: v };
      options.fromUrl = v.value;
      i = v.next;
    } else if (flag === '--output' || flag === '-o') {
      const v = takeValue(argv, i, flag, inline);
      if (typeof v === 'string') return { ok: false, message: v };
      const out = OUTPUTS.find((o) => o === v.value);
      if (!out) return { ok: false, message: `--output must be one of ${OUTPUTS.join(', ')}, not ${JSON.stringify(v.value)}` };
      options.output = out;
      i = v.next;
    } else if (flag === '--until') {
      const v = takeValue(argv, i, flag, inline);
      if (typeof v === 'string') return { ok: false, message: v };
      const ms = parseDurationMs(v.value);
      if (ms === null) return { ok: false, message: `--until must be seconds or a duration like "90s", not ${JSON.stringify(v.value)}` };
      if (ms > MAX_SIMULATED_MS) return { ok: false, message: `--until must be at most ${MAX_SIMULATED_MS / 1000} seconds (24h)` };
      options.untilMs = ms;
      i = v.next;
    } else if (arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      i++;
    } else {
      return { ok: false, message: `unknown option ${JSON.stringify(arg)}` };
    }
  }
  if (options.help) return { ok: true, options };
  if (options.fromUrl !== undefined) {
    if (files.length > 0) return { ok: false, message: `--from-url runs the scenario of the link; do not also give a file (${files.join(' ')})` };
    return { ok: true, options };
  }
  if (files.length === 0) return { ok: false, message: 'missing the scenario file (or - for standard input)' };
  if (files.length > 1) return { ok: false, message: `one scenario file at a time, got ${files.length}: ${files.join(' ')}` };
  options.file = files[0] ?? '';
  return { ok: true, options };
}
