// Determinism across hosts: the same scenario run by the app's bundled simulation worker
// in Chromium and by the engine in this Node process (runScenario, imported directly)
// gives the same summary, the same "why"/action log and the same kubectl views of the
// final state — compared as SHA-256 hashes of their JSON and, for a readable diff, as
// values. The worker side goes through `window.__playground` (?testhooks).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse as parseYaml, stringify } from 'yaml';
import { runScenario } from '../src/engine/index';
import type { RunResult } from '../src/engine/sim/result';
import type { SimScenario } from '../src/engine/sim/scenario';
import { parseScenario } from '../src/scenario/parse';
import { DEFAULT_SCENARIO } from '../src/state/defaultScenario';
import { INDEXED_JOB, SMALL_JOB } from './scenarios';
import { open } from './securityKit';

const CASES = join(import.meta.dirname, '..', 'src', 'engine', 'conformance', 'cases');

function conformanceCase(rel: string): string {
  const doc = parseYaml(readFileSync(join(CASES, rel), 'utf8')) as { scenario: unknown };
  return stringify(doc.scenario);
}

const RANDOM_JOB = SMALL_JOB.replace('e2e-small', 'e2e-random')
  .replace('completions: 2', 'completions: 12')
  .replace('backoffLimit: 3', 'backoffLimit: 20')
  .replace('  actions: []', '    random:\n      failureProbability: 0.3\n      exitCodes: [1, 2, 137]\n      durationSeconds: { min: 3, max: 40 }\n  seed: 7\n  actions: []');

const SCENARIOS: Array<[string, string]> = [
  ['default scenario', DEFAULT_SCENARIO],
  ['small NonIndexed Job', SMALL_JOB],
  ['Indexed Job with backoffLimitPerIndex', INDEXED_JOB],
  ['seeded random workload', RANDOM_JOB],
  ['conformance: pod failure policy, others killed', conformanceCase('pod-failure-policy/e2e-pfp-failjob-parallel-3-others-killed.yaml')],
  ['conformance: elastic Indexed scale down then up', conformanceCase('elastic/elastic-indexed-scale-down-then-up-reruns-index.yaml')],
  ['conformance: disruption ignored, then complete', conformanceCase('pod-failure-policy/e2e-pfp-ignore-disruption-then-complete.yaml')],
];

const SUMMARY_KEYS = ['scenario', 'finished', 'finishedAtSeconds', 'endMs', 'jobDeleted', 'eventsProcessed', 'notes'] as const;
const KUBECTL = ['get jobs -o yaml', 'describe jobs', 'get pods -o wide', 'get events'];

function sha256(v: unknown): string {
  return createHash('sha256').update(JSON.stringify(v)).digest('hex');
}

function parsed(text: string): SimScenario {
  const p = parseScenario(text);
  if (!p.ok) throw new Error(`scenario is invalid: ${JSON.stringify(p.errors)}`);
  return p.scenario;
}

function nodeRun(text: string): { summary: Record<string, unknown>; log: unknown[]; endMs: number } {
  const out = runScenario(parsed(text));
  if (!out.ok) throw new Error(out.text);
  const r: RunResult = out;
  const summary = Object.fromEntries(SUMMARY_KEYS.map((k) => [k, r[k]]));
  return { summary, log: r.trace.filter((e) => e.type === 'why' || e.type === 'action'), endMs: r.endMs };
}

/** The worker's kubectl path (a one-off kubectl action at atMs), with the engine's public API. */
function nodeKubectl(text: string, atMs: number, command: string): { ok: boolean; output: string } {
  const s = parsed(text);
  let at = s.actions.findIndex((a) => a.atMs > atMs);
  if (at < 0) at = s.actions.length;
  const actions = [...s.actions.slice(0, at), { kind: 'kubectl' as const, command, atMs }, ...s.actions.slice(at)];
  const out = runScenario({ ...s, actions }, { untilMs: atMs });
  if (!out.ok) return { ok: false, output: out.text };
  const entry = out.trace.find((e) => e.type === 'action' && e.index === at);
  return entry?.type === 'action' ? { ok: entry.result === 'ok', output: entry.message } : { ok: false, output: 'did not run' };
}

async function workerRun(page: Page, text: string): Promise<{ summary: Record<string, unknown>; log: unknown[] }> {
  const json = await page.evaluate((t) => window.__playground?.runInWorker(t) ?? Promise.resolve('null'), text);
  const answer = JSON.parse(json) as { type: string; summary?: Record<string, unknown> & { trace?: unknown[] } };
  expect(answer.type, json.slice(0, 300)).toBe('result');
  const s = answer.summary ?? {};
  return { summary: Object.fromEntries(SUMMARY_KEYS.map((k) => [k, s[k]])), log: s.trace ?? [] };
}

async function workerKubectl(page: Page, text: string, atMs: number, command: string): Promise<{ ok: boolean; output: string }> {
  const json = await page.evaluate(([t, at, c]) => window.__playground?.kubectlInWorker(t, at, c) ?? Promise.resolve('null'), [text, atMs, command] as const);
  const answer = JSON.parse(json) as { type: string; ok?: boolean; output?: string };
  expect(answer.type, json.slice(0, 300)).toBe('kubectl');
  return { ok: answer.ok ?? false, output: answer.output ?? '' };
}

test.describe.configure({ timeout: 90_000 });

test('the browser worker and Node give the same run, hash for hash', async ({ page }) => {
  await open(page);
  await page.waitForFunction(() => typeof window.__playground?.runInWorker === 'function');
  for (const [name, text] of SCENARIOS) {
    const node = nodeRun(text);
    const browser = await workerRun(page, text);
    expect(browser.summary, `${name}: summary`).toEqual(node.summary);
    expect(browser.log, `${name}: why/action log`).toEqual(node.log);
    expect(sha256(browser), `${name}: hash`).toBe(sha256({ summary: node.summary, log: node.log }));
    // The final state as kubectl shows it, half-way and at the end.
    for (const atMs of [Math.floor(node.endMs / 2000) * 1000, node.endMs]) {
      for (const cmd of KUBECTL) {
        const b = await workerKubectl(page, text, atMs, cmd);
        const n = nodeKubectl(text, atMs, cmd);
        expect(sha256(b), `${name}: kubectl ${cmd} at ${atMs} ms\n${b.output}\n---\n${n.output}`).toBe(sha256(n));
        if (cmd === 'get jobs -o yaml') expect(n.output, `${name}: ${cmd}`).toContain('kind: Job');
      }
    }
  }
});
