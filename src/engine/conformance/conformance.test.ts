// Conformance: every case under ./cases (outcomes a real v1.34 cluster gives, plus our
// own) runs through the headless runner's code path in-process (`sim <file> --output
// json`) and is compared with its `expect:` exactly as the outside check does.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCli } from '../../cli/run';
import { checkExpect } from '../../scenario/expect';
import type { RunResult } from '../sim/result';
import { runScenario } from '../index';
import { CASES_DIR, yamlFiles } from './testkit';

const root = CASES_DIR;

async function runCase(path: string): Promise<string[]> {
  const doc = parse(readFileSync(path, 'utf8')) as { scenario: { spec?: { clock?: { start?: string } } }; expect: unknown };
  let out = '';
  let err = '';
  const code = await runCli(['case.yaml', '--output', 'json'], {
    io: { read: () => stringify(doc.scenario), stdout: (t) => void (out += t), stderr: (t) => void (err += t) },
    engine: async () => ({ runScenario }),
  });
  const clockStart = doc.scenario.spec?.clock?.start ?? '2025-01-01T00:00:00Z';
  const result = code === 0 ? (JSON.parse(out) as RunResult) : null;
  return checkExpect(doc.expect, result, clockStart, err, code);
}

const all = yamlFiles().sort();

describe('conformance cases', () => {
  it('has the cases', () => {
    expect(all.length).toBeGreaterThanOrEqual(125);
  });
  it.each(all.map((f) => [f.slice(root.length + 1), f]))('%s', async (_name, path) => {
    expect(await runCase(path)).toEqual([]);
  });
});
