import { describe, expect, it } from 'vitest';
import { jsonClone } from '../engine/api/json_clone';
import type { RunOutcome } from '../engine/sim/result';
import type { SimScenario } from '../engine/sim/scenario';
import { fixtureResult } from '../scenario/fixtures';
import { jsonDocument } from './output';
import { runCli } from './run';

const SCENARIO = `metadata: {name: demo}
spec:
  job: {apiVersion: batch/v1, kind: Job, metadata: {name: demo}}
  until: 60
`;

interface Captured { code: number; stdout: string; stderr: string; calls: Array<{ s: SimScenario; opts: unknown }> }

async function cli(argv: string[], files: Record<string, string | { tooLargeBytes: number }>, outcome: RunOutcome | (() => RunOutcome) = fixtureResult()): Promise<Captured> {
  const out: Captured = { code: -1, stdout: '', stderr: '', calls: [] };
  out.code = await runCli(argv, {
    io: {
      read(file) {
        const text = files[file];
        if (text === undefined) throw new Error('no such file');
        return text;
      },
      stdout: (t) => void (out.stdout += t),
      stderr: (t) => void (out.stderr += t),
    },
    engine: async () => ({
      runScenario(s, opts) {
        out.calls.push({ s, opts });
        return typeof outcome === 'function' ? outcome() : outcome;
      },
    }),
  });
  return out;
}

const rejected: RunOutcome = {
  ok: false,
  error: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'x', reason: 'Invalid', code: 422 } as never,
  text: 'The Job "demo" is invalid: spec.completions: Required value: when completion mode is Indexed',
};

describe('runCli', () => {
  it('prints the json document, keys in the contract order', async () => {
    const r = await cli(['s.yaml'], { 's.yaml': SCENARIO });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['scenario', 'finished', 'finishedAtSeconds', 'jobDeleted', 'job', 'pods', 'events', 'actions']);
    expect(Object.keys(doc.job as object)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(doc).toEqual(jsonClone(jsonDocument(fixtureResult())));
    expect(r.calls[0]?.s.until).toBe(60000);
    expect(r.calls[0]?.opts).toEqual({ recordTrace: false });
  });

  it('passes --until to the engine', async () => {
    const r = await cli(['s.yaml', '--until', '5'], { 's.yaml': SCENARIO });
    expect(r.calls[0]?.opts).toEqual({ untilMs: 5000, recordTrace: false });
  });

  it('reads standard input for -', async () => {
    const r = await cli(['-', '-o', 'status'], { '-': SCENARIO });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'Job', metadata: { name: 'demo' } });
  });

  it('prints the Job as kubectl -o yaml', async () => {
    const r = await cli(['s.yaml', '--output=yaml'], { 's.yaml': SCENARIO });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('apiVersion: batch/v1\nkind: Job\nmetadata:\n  creationTimestamp: "2025-01-01T00:00:00Z"\n')).toBe(true);
    expect(r.stdout).toContain('\n  - lastTransitionTime: "2025-01-01T00:00:30Z"\n');
  });

  it('prints describe and the pods table', async () => {
    const r = await cli(['s.yaml', '-o', 'describe'], { 's.yaml': SCENARIO });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Name:\s+demo\nNamespace:\s+default\n/);
    expect(r.stdout).toContain('No resources found in default namespace.');
    expect(r.calls[0]?.opts).toEqual({ recordTrace: true });
  });

  it.each([
    ['a syntax error', 'spec:\n\tjob: {}\n', 'tabs are not allowed as indentation; use spaces (line 2, column 1)\n'],
    ['two errors, one a line each', 'spec:\n  job: {}\n  seed: x\n  until: y\n',
      'spec.seed: must be an integer, not the string "x" (line 3)\nspec.until: must be seconds (a number) or a duration like "90s", "1m30s", "2h", not the string "y" (line 4)\n'],
  ])('exits 2 on an invalid scenario (%s)', async (_n, text, stderr) => {
    const r = await cli(['s.yaml'], { 's.yaml': text });
    expect(r).toMatchObject({ code: 2, stdout: '', stderr });
    expect(r.calls).toEqual([]);
  });

  it('exits 2 for a file too large to read', async () => {
    const r = await cli(['s.yaml'], { 's.yaml': { tooLargeBytes: 9 * 1024 * 1024 } });
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'the scenario is too large: 9.0 MB; the limit is 2 MB (line 1, column 1)\n' });
  });

  it('exits 2 with kubectl text when the API rejects the Job', async () => {
    const r = await cli(['s.yaml'], { 's.yaml': SCENARIO }, rejected);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: `${rejected.ok ? '' : rejected.text}\n` });
  });

  it.each<[string, string[], string]>([
    ['unknown flag', ['s.yaml', '--frobnicate'], 'error: unknown option "--frobnicate"\n\nusage:'],
    ['missing file', ['nope.yaml'], 'error: cannot read nope.yaml: no such file\n'],
    ['no arguments', [], 'error: missing the scenario file'],
  ])('exits 1 for %s', async (_n, argv, stderr) => {
    const r = await cli(argv, { 's.yaml': SCENARIO });
    expect(r.code).toBe(1);
    expect(r.stderr.startsWith(stderr)).toBe(true);
  });

  it('--help prints usage on stdout', async () => {
    const r = await cli(['--help'], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run --silent sim -- /);
  });

  it('never lets an engine crash escape', async () => {
    const r = await cli(['s.yaml'], { 's.yaml': SCENARIO }, () => {
      throw new Error('boom');
    });
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'internal error: boom\n' });
  });

  it('prints warnings and notes on stderr, keeping stdout one JSON document', async () => {
    const text = `${SCENARIO}  actions: [{at: 90, suspend: true}]\n`;
    const r = await cli(['s.yaml'], { 's.yaml': text }, fixtureResult({ notes: ['the run hit the 24 h horizon'] }));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('warning: spec.actions[0].at: at 90s is after until (60s): this action will not run (line 5)\nnote: the run hit the 24 h horizon\n');
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
  });
});

describe('runCli --check', () => {
  const withExpect = (expect: string) => `${SCENARIO}expect: ${expect}\n`;
  it.each<[string, string, RunOutcome, number, string]>([
    ['match', withExpect('{finished: true, podsCreated: 4}'), fixtureResult(), 0, 'ok: the outcome matches expect\n'],
    ['mismatch', withExpect('{finished: false, podsCreated: {max: 2}}'), fixtureResult(), 1,
      'FAIL: the outcome differs from expect:\n  - finished: want false, got true\n  - podsCreated: want {"max":2}, got 4\n'],
    ['expected rejection', withExpect('{error: ["spec.completions: Required value"]}'), rejected, 0, 'ok: the outcome matches expect\n'],
    ['expected rejection, wrong text', withExpect('{error: ["spec.parallelism"]}'), rejected, 1,
      'FAIL: the outcome differs from expect:\n  - stderr lacks "spec.parallelism"; stderr was: "The Job \\"demo\\" is invalid: spec.completions: Required value: when completion mode is Indexed"\n'],
    ['expected rejection, but it ran', withExpect('{error: ["x"]}'), fixtureResult(), 1,
      'FAIL: the outcome differs from expect:\n  - expected exit 2 for an invalid scenario, got 0\n  - stderr lacks "x"; stderr was: ""\n'],
  ])('%s', async (_n, text, outcome, code, stdout) => {
    const r = await cli(['s.yaml', '--check'], { 's.yaml': text }, outcome);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe(stdout);
  });

  it('an invalid scenario that expects its own error passes', async () => {
    const text = 'spec: {job: {}, seed: x}\nexpect: {error: ["spec.seed: must be an integer"]}\n';
    const r = await cli(['s.yaml', '--check'], { 's.yaml': text });
    expect(r).toMatchObject({ code: 0, stdout: 'ok: the outcome matches expect\n' });
  });

  it('an invalid scenario without expect.error still exits 2', async () => {
    const r = await cli(['s.yaml', '--check'], { 's.yaml': 'spec: {job: {}, seed: x}\nexpect: {finished: true}\n' });
    expect(r.code).toBe(2);
  });

  it('needs an expect block', async () => {
    const r = await cli(['s.yaml', '--check'], { 's.yaml': SCENARIO });
    expect(r).toMatchObject({ code: 1, stderr: 'error: --check needs an expect: block in the scenario\n' });
  });
});
