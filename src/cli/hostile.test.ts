// The hostile-input corpus (test/fixtures/hostile/<category>/*.yaml) through the headless
// runner in-process (as conformance.test.ts does), plus inputs too big to commit (a 10 MB
// document, 10,000-deep nesting) generated here. Each file's first line states the
// expected outcome, e.g.
//   # expect: exit 2, stderr contains "spec.seed: must be an integer, not the string \"one\" (line 5)"
//   # expect: exit 0, action 0 rejected "Error from server (NotFound)"
// and every run must: not throw, print no internal error, exit as stated, name the scenario
// path and line (scenario errors) or print kubectl's API error text (rejected Jobs), and
// never write terminal control or bidi characters to stderr.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/index';
import type { RunResult } from '../engine/sim/result';
import { runCli } from './run';

const root = join(import.meta.dirname, '../../test/fixtures/hostile');

export interface Expectation {
  exit: number;
  stderr: string[];
  actions: Array<{ index: number; result: string; message?: string }>;
}

/** `# expect: exit N[, stderr contains "…"][, action I RESULT ["…"]]…` (strings are JSON). */
export function parseHeader(text: string): Expectation | string {
  const line = (text.startsWith('\ufeff') ? text.slice(1) : text).split('\n', 1)[0] ?? '';
  const m = /^# expect: exit ([012])(.*)$/.exec(line.replace(/\r$/, ''));
  if (!m) return `the first line must be "# expect: exit N ...", not ${JSON.stringify(line.slice(0, 80))}`;
  const e: Expectation = { exit: Number(m[1]), stderr: [], actions: [] };
  const clause = /, (?:stderr contains ("(?:[^"\\]|\\.)*")|action (\d+) (ok|rejected|no-target)(?: ("(?:[^"\\]|\\.)*"))?)/gy;
  const rest = m[2] ?? '';
  let c: RegExpExecArray | null;
  while ((c = clause.exec(rest)) !== null) {
    if (c[1] !== undefined) e.stderr.push(JSON.parse(c[1]) as string);
    else e.actions.push({ index: Number(c[2]), result: c[3] ?? '', ...(c[4] !== undefined && { message: JSON.parse(c[4]) as string }) });
    if (clause.lastIndex === rest.length) break;
  }
  if (rest !== '' && clause.lastIndex !== rest.length) return `cannot read the expectation ${JSON.stringify(rest)}`;
  return e;
}

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runText(text: string, output = 'json'): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['case.yaml', '--output', output], {
    io: { read: () => text, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
    engine: async () => ({ runScenario }),
  });
  return { code, stdout, stderr };
}

/** C0 controls but \t and \n, DEL, C1 controls, bidi embeddings/overrides/isolates. */
function terminalUnsafe(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 9 && c !== 10) || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}
const SCENARIO_ERROR = /\(line \d+(, column \d+)?\)$/;
const API_ERROR = /^(The Job ".*" is invalid: |Error from server( \(\w+\))?: |\* )/;

/** What every run must satisfy, whatever its input. */
function checkCommon(o: Outcome): string[] {
  const problems: string[] = [];
  if (/internal error/i.test(o.stdout + o.stderr)) problems.push(`internal error: ${o.stderr.slice(0, 300)}`);
  if (terminalUnsafe(o.stderr)) problems.push(`stderr carries a terminal control or bidi character: ${JSON.stringify(o.stderr.slice(0, 300))}`);
  if (o.code === 2) {
    for (const l of o.stderr.split('\n')) {
      if (l === '' || l.startsWith('warning: ') || SCENARIO_ERROR.test(l) || API_ERROR.test(l)) continue;
      problems.push(`an error line names neither a scenario line nor an API error: ${JSON.stringify(l.slice(0, 200))}`);
    }
  }
  return problems;
}

function checkExpected(e: Expectation, o: Outcome): string[] {
  const problems: string[] = [];
  if (o.code !== e.exit) problems.push(`exit ${o.code}, expected ${e.exit}; stderr: ${o.stderr.slice(0, 300)}`);
  for (const s of e.stderr) if (!o.stderr.includes(s)) problems.push(`stderr lacks ${JSON.stringify(s)}: ${JSON.stringify(o.stderr.slice(0, 300))}`);
  if (e.actions.length > 0 && o.code === 0) {
    const actions = (JSON.parse(o.stdout) as RunResult).actions;
    for (const want of e.actions) {
      const got = actions[want.index];
      if (got?.result !== want.result) problems.push(`action ${want.index}: ${got?.result ?? 'missing'}, expected ${want.result}`);
      else if (want.message !== undefined && !got.message.includes(want.message)) problems.push(`action ${want.index} message lacks ${JSON.stringify(want.message)}: ${JSON.stringify(got.message.slice(0, 200))}`);
    }
  }
  return problems;
}

export function corpusFiles(): Array<[string, string]> {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(root, d.name)).filter((n) => n.endsWith('.yaml')).map((n): [string, string] => [`${d.name}/${n}`, join(root, d.name, n)]))
    .sort((a, b) => a[0].localeCompare(b[0]));
}

const files = corpusFiles();

describe('hostile corpus through the runner', () => {
  it('has at least 150 files in at least 10 categories', () => {
    expect(files.length).toBeGreaterThanOrEqual(150);
    expect(new Set(files.map(([n]) => n.split('/')[0])).size).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s', async (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const want = parseHeader(text);
    if (typeof want === 'string') throw new Error(want);
    const o = await runText(text);
    expect([...checkCommon(o), ...checkExpected(want, o)]).toEqual([]);
  });
});

const job = 'spec:\n  job:\n    apiVersion: batch/v1\n    kind: Job\n    metadata: {name: demo}\n    spec: {template: {spec: {restartPolicy: Never, containers: [{name: main, image: busybox}]}}}\n';

describe('generated hostile inputs', () => {
  it.each<[string, () => string, number, string]>([
    ['a 10 MB document', () => `${job}  until: 60\n# ${'x'.repeat(10 * 1024 * 1024)}\n`, 2, 'the scenario is too large: 10.0 MB; the limit is 2 MB (line 1, column 1)'],
    ['a 10 MB string value', () => `metadata: {description: "${'<script>'.repeat(1310720)}"}\n${job}`, 2, 'the scenario is too large: 10.0 MB; the limit is 2 MB'],
    ['10,000-deep flow nesting', () => `${job}  x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 2, 'nesting is too deep: more than 100 levels (line 7, column 1)'],
    // Block nesting costs indentation: 1,900 levels is as deep as 2 MB of text allows.
    ['1,900-deep block nesting', () => `spec:\n${Array.from({ length: 1_900 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')}\n`, 2, 'nesting is too deep: more than 100 levels (line 101, column 1)'],
    ['10,000-deep compact sequences', () => `spec:\n  job:\n    ${'- '.repeat(10_000)}x\n`, 2, 'nesting is too deep: more than 100 levels (line 3, column 1)'],
    ['an empty file', () => '', 2, 'the scenario is empty: it needs at least spec.job (a batch/v1 Job manifest) (line 1, column 1)'],
    ['only whitespace', () => ' \n\n  \t\n', 2, '(line 1, column 1)'],
    ['10,001 actions', () => `${job}  actions:\n${'    - {at: 1, suspend: true}\n'.repeat(10_001)}`, 2, 'spec.actions: too many actions: 10001; the limit is 10000 (line 8)'],
    ['10,001 workload rules', () => `${job}  workload:\n    rules:\n${'      - {exitCode: 1}\n'.repeat(10_001)}`, 2, 'spec.workload.rules: too many rules: 10001; the limit is 10000 (line 9)'],
    ['annotations over 256 KiB', () => job.replace('{name: demo}', `{name: demo, annotations: {a: ${'b'.repeat(262_200)}}}`), 2, 'The Job "demo" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes'],
    ['a 24 h + 1 s action', () => `${job}  actions: [{at: 86401, suspend: true}]\n`, 2, 'spec.actions[0].at: must be at most 86400 seconds (24h), the longest simulated run (line 7)'],
  ])('%s', async (_name, make, exit, message) => {
    const o = await runText(make());
    expect(checkCommon(o)).toEqual([]);
    expect(o.code).toBe(exit);
    expect(o.stderr).toContain(message);
  });

  it('hostile names are Go-quoted in API errors (no raw escape, NUL or bidi characters)', async () => {
    const o = await runText(job.replace('{name: demo}', '{name: "\\e[31m\\0de\\u202emo\\u200b"}'));
    expect(o.code).toBe(2);
    expect(o.stderr).toContain('The Job "\\x1b[31m\\x00de\\u202emo\\u200b" is invalid: ');
    expect(checkCommon(o)).toEqual([]);
  });

  it('every output form survives hostile free text', async () => {
    const text = job.replace('{name: demo}', '{name: demo, annotations: {a: "<script>alert(1)</script>", b: "\\e[2J\\u202e"}}');
    for (const output of ['json', 'status', 'yaml', 'describe']) {
      const o = await runText(text, output);
      expect(o.code).toBe(0);
      expect(checkCommon(o)).toEqual([]);
    }
  });
});
