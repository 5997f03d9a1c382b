import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run';
import { runScenario } from '../../engine/index';
import { checkExpect } from '../expect';
import { parseScenario } from '../parse';
import { encodeShare } from '../share';
import { EXAMPLES, findExample } from './index';

const FILES = import.meta.glob<string>('./*.yaml', { query: '?raw', import: 'default', eager: true });

interface Captured { code: number; stdout: string; stderr: string }

/** The real CLI in-process: files come from the gallery, the engine is the real one. */
async function cli(argv: string[]): Promise<Captured> {
  const out: Captured = { code: -1, stdout: '', stderr: '' };
  out.code = await runCli(argv, {
    io: {
      read(file) {
        const ex = findExample(file);
        if (!ex) throw new Error('no such file');
        return ex.text;
      },
      stdout: (t) => void (out.stdout += t),
      stderr: (t) => void (out.stderr += t),
    },
    engine: async () => ({ runScenario }),
  });
  return out;
}

const CJK = /[\u4e00-\u9fff]/;

describe('examples gallery', () => {
  it('lists at least 15 examples, one per YAML file, with unique ids', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(15);
    expect(EXAMPLES.length).toBe(Object.keys(FILES).length);
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
    for (const e of EXAMPLES) expect(FILES[`./${e.id}.yaml`]).toBe(e.text);
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))('%s has its texts in English and Simplified Chinese', (_id, e) => {
    for (const s of [e.title, e.description, e.whatToWatch.en]) expect(s.length).toBeGreaterThan(10);
    for (const s of [e.titleZh, e.descriptionZh, e.whatToWatch.zh]) expect(s).toMatch(CJK);
    expect(e.title).not.toMatch(CJK);
  });

  it.each(EXAMPLES.map((e) => [e.id, e.text] as const))('%s: parse, run and expect agree', (_id, text) => {
    const p = parseScenario(text);
    if (!p.ok) throw new Error(p.errors.map((x) => `${x.path}: ${x.message}`).join('\n'));
    expect(p.warnings).toEqual([]);
    expect(p.expect).toBeDefined();
    const r = runScenario(p.scenario, { recordTrace: false });
    if (!r.ok) throw new Error(r.text);
    expect(checkExpect(p.expect, r, p.scenario.clockStart)).toEqual([]);
  });

  it.each(EXAMPLES.map((e) => [e.id] as const))('sim %s --check exits 0', async (id) => {
    expect(await cli([id, '--check'])).toEqual({ code: 0, stdout: 'ok: the outcome matches expect\n', stderr: '' });
  });
});

describe('sim --share and --from-url', () => {
  it('--share prints the fragment; --from-url runs it with the same output as the file', async () => {
    const share = await cli(['suspend-resets-deadline', '--share']);
    expect(share.code).toBe(0);
    expect(share.stdout).toMatch(/^#s=1\.[dz]\S+\n$/);
    const link = `http://127.0.0.1:5173/${share.stdout.trim()}`;
    for (const output of ['json', 'yaml', 'describe']) {
      const fromFile = await cli(['suspend-resets-deadline', '-o', output]);
      const fromLink = await cli(['--from-url', link, '-o', output]);
      expect(fromLink).toEqual(fromFile);
      expect(fromLink.code).toBe(0);
    }
  });

  it('an invalid link is an invalid scenario: exit 2 with the message', async () => {
    expect(await cli(['--from-url', '#s=9.dAAAA'])).toEqual({
      code: 2, stdout: '',
      stderr: 'invalid share link: it was made by a newer Job Playground (share format v9); this version reads up to v1\n',
    });
  });

  it('a link whose scenario does not parse exits 2 with the scenario errors', async () => {
    const r = await cli(['--from-url', encodeShare({ scenarioText: 'spec:\n  job: {}\n  seed: x\n' })]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'spec.seed: must be an integer, not the string "x" (line 3)\n' });
  });

  it('a file and --from-url together is a usage error', async () => {
    const r = await cli(['work-queue', '--from-url', '#s=1.dAAAA']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--from-url runs the scenario of the link; do not also give a file (work-queue)');
  });
});
