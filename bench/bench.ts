// `npm run bench`: the engine at the API's limit (an Indexed Job with 100,000
// completions, bench/scenarios/indexed-100k.yaml). Measures (a) the engine in this
// process, (b) a bare binary heap pushing and popping the same number of events, and
// (c) the `sim` command as a user runs it; prints one table and writes bench/results.json.
// Then the browser figures (bench/browser.ts) and the share-link length of the examples.
// Not a test: nothing here fails on a slow machine. Options: --no-process (skip c), --no-browser.

import { spawnSync } from 'node:child_process';
import { measureBrowser } from './browser';
import { encodeShare } from '../src/scenario/share';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { runScenario } from '../src/engine/index';
import { parseScenario } from '../src/scenario/parse';

const root = join(import.meta.dirname, '..');
const SCENARIO = 'bench/scenarios/indexed-100k.yaml';
/** Events the baseline keeps in its heap: the scenario's parallelism (one timer per running pod). */
const BASELINE_OCCUPANCY = 10_000;

interface EngineFigures {
  seconds: number;
  cpuSeconds: number;
  events: number;
  peakRssMB: number;
  heapUsedMB: number;
  finished: boolean;
}

function engine(): EngineFigures {
  const parsed = parseScenario(readFileSync(join(root, SCENARIO), 'utf8'));
  if (!parsed.ok) throw new Error(`${SCENARIO} is invalid: ${parsed.errors.map((e) => e.message).join('; ')}`);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const out = runScenario(parsed.scenario, { recordTrace: false });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (!out.ok) throw new Error(`the benchmark Job was refused: ${out.text}`);
  return {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    events: out.eventsProcessed,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapUsedMB: process.memoryUsage().heapUsed / 2 ** 20,
    finished: out.finished,
  };
}

interface Item {
  timeMs: number;
  seq: number;
  payload: () => void;
}

/** A plain binary min-heap on (timeMs, seq): the least a discrete-event loop must do. */
class BareHeap {
  private h: Item[] = [];
  private seq = 0;
  get size(): number {
    return this.h.length;
  }
  push(timeMs: number, payload: () => void): void {
    const h = this.h;
    const item = { timeMs, seq: this.seq++, payload };
    let i = h.push(item) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p] as Item;
      if (parent.timeMs < timeMs || (parent.timeMs === timeMs && parent.seq < item.seq)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = item;
  }
  pop(): Item {
    const h = this.h;
    const top = h[0] as Item;
    const last = h.pop() as Item;
    if (h.length === 0) return top;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= h.length) break;
      const r = h[c + 1];
      if (r !== undefined && less(r, h[c] as Item)) c += 1;
      if (!less(h[c] as Item, last)) break;
      h[i] = h[c] as Item;
      i = c;
    }
    h[i] = last;
    return top;
  }
}

const less = (a: Item, b: Item): boolean => a.timeMs < b.timeMs || (a.timeMs === b.timeMs && a.seq < b.seq);

/** Pushes and pops `events` events (each popped one schedules the next), the best of 5 runs. */
function baseline(events: number): number {
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    let seed = 1;
    const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    let count = 0;
    const payload = (): void => void count++;
    const t0 = performance.now();
    const q = new BareHeap();
    const fill = Math.min(events, BASELINE_OCCUPANCY);
    for (let i = 0; i < fill; i++) q.push(Math.floor(rnd() * 60_000), payload);
    for (let i = fill; i < events; i++) {
      const it = q.pop();
      it.payload();
      q.push(it.timeMs + Math.floor(rnd() * 60_000), payload);
    }
    while (q.size > 0) q.pop().payload();
    best = Math.min(best, (performance.now() - t0) / 1000);
    if (count !== events) throw new Error('baseline lost events');
  }
  return best;
}

interface ProcessFigures {
  seconds: number;
  startupSeconds: number;
  ok: boolean;
}

function timeNode(args: string[]): { seconds: number; ok: boolean; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  return { seconds: (performance.now() - t0) / 1000, ok: r.status === 0, stdout: r.stdout ?? '' };
}

/** The sim command as `npm run sim` runs it (node --import tsx), start-up included. */
function simProcess(): ProcessFigures {
  const startup = timeNode(['--import', 'tsx', 'src/cli/sim.ts', '--help']);
  const run = timeNode(['--import', 'tsx', 'src/cli/sim.ts', SCENARIO, '--output', 'status']);
  return { seconds: run.seconds, startupSeconds: startup.seconds, ok: run.ok && run.stdout.includes('"succeeded": 100000') };
}

interface Row {
  figure: string;
  target: string;
  measured: string;
  verdict: 'pass' | 'miss' | 'info' | 'not measured yet';
}

const verdict = (ok: boolean): Row['verdict'] => (ok ? 'pass' : 'miss');

/** Browser and site figures: measured by bench/browser.ts (null when a measurement failed; never invented). */
const BROWSER: Array<{ key: string; target: string; ok: ((v: number) => boolean) | null; unit: string }> = [
  { key: 'workerSeconds', target: '≤ 1 s', ok: (v) => v <= 1, unit: 's' },
  { key: 'longestMainThreadTaskMs', target: '≤ 50 ms', ok: (v) => v <= 50, unit: 'ms' },
  { key: 'seekMs', target: '≤ 50 ms', ok: (v) => v <= 50, unit: 'ms' },
  { key: 'seekRenderMs', target: '— (seek incl. the render)', ok: null, unit: 'ms' },
  { key: 'fps1k', target: '≥ 55', ok: (v) => v >= 55, unit: 'fps' },
  { key: 'fps10k', target: '≥ 30', ok: (v) => v >= 30, unit: 'fps' },
  { key: 'initialJsGzipKB', target: '≤ 200 KB', ok: (v) => v <= 200, unit: 'KB' },
  { key: 'lighthouseDesktop', target: '≥ 0.98', ok: (v) => v >= 0.98, unit: '' },
  { key: 'lighthouseMobile', target: '≥ 0.90', ok: (v) => v >= 0.9, unit: '' },
];

/** The longest share link of the built-in examples (read from disk: Node cannot import `?raw`). */
function maxExampleLinkChars(): number {
  const dir = join(root, 'src/scenario/examples');
  const texts = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(dir, f), 'utf8'));
  return Math.max(0, ...texts.map((text) => encodeShare({ scenarioText: text }).length));
}

function printTable(rows: Row[]): void {
  const cols = ['figure', 'target', 'measured', 'verdict'] as const;
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(width[i] ?? 0)).join('  ').trimEnd();
  console.log(line([...cols]));
  console.log(line(width.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => r[c])));
}

async function main(): Promise<void> {
  const skipProcess = process.argv.includes('--no-process');
  console.log(`benchmark: ${SCENARIO} (node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
  const e = engine();
  const base = baseline(e.events);
  const ratio = e.seconds / base;
  const proc = skipProcess ? null : simProcess();
  const rows: Row[] = [
    { figure: 'engineNodeSeconds', target: '≤ 0.5 s', measured: `${e.seconds.toFixed(3)} s (cpu ${e.cpuSeconds.toFixed(3)} s)`, verdict: verdict(e.seconds <= 0.5) },
    { figure: 'engineBaselineRatio', target: '≤ 5×', measured: `${ratio.toFixed(1)}× (heap ${(base * 1000).toFixed(1)} ms)`, verdict: verdict(ratio <= 5) },
    { figure: 'enginePeakMB', target: 'reported', measured: `${e.peakRssMB.toFixed(0)} MB RSS (heap in use after: ${e.heapUsedMB.toFixed(0)} MB)`, verdict: 'info' },
    { figure: 'eventsProcessed', target: '—', measured: `${e.events}${e.finished ? '' : ' (Job not finished!)'}`, verdict: 'info' },
  ];
  if (proc) {
    rows.push({ figure: 'simProcessSeconds', target: '≤ 1.5 s', measured: `${proc.seconds.toFixed(3)} s${proc.ok ? '' : ' (FAILED)'}`, verdict: verdict(proc.ok && proc.seconds <= 1.5) });
    rows.push({ figure: 'simStartupSeconds', target: '—', measured: `${proc.startupSeconds.toFixed(3)} s (tsx start-up + module load: sim --help)`, verdict: 'info' });
  }
  const links = maxExampleLinkChars();
  rows.push({ figure: 'maxExampleLinkChars', target: '≤ 1000', measured: String(links), verdict: verdict(links <= 1000) });
  let browser: Record<string, number | null> = {};
  if (!process.argv.includes('--no-browser')) {
    try {
      browser = await measureBrowser();
    } catch (err) {
      console.error(`browser measurements failed: ${(err as Error).message}`);
    }
  }
  for (const b of BROWSER) {
    const v = browser[b.key];
    rows.push(
      v === null || v === undefined
        ? { figure: b.key, target: b.target, measured: '—', verdict: 'not measured yet' }
        : { figure: b.key, target: b.target, measured: `${round(v)}${b.unit ? ` ${b.unit}` : ''}`, verdict: b.ok === null ? 'info' : verdict(b.ok(v)) },
    );
  }
  printTable(rows);
  const results: Record<string, number | string | null> = {
    engineNodeSeconds: round(e.seconds),
    engineBaselineRatio: round(ratio),
    enginePeakMB: Math.round(e.peakRssMB),
    simProcessSeconds: proc ? round(proc.seconds) : null,
    eventsProcessed: e.events,
    engineCpuSeconds: round(e.cpuSeconds),
    baselineSeconds: round(base),
    engineHeapUsedMB: Math.round(e.heapUsedMB),
    simStartupSeconds: proc ? round(proc.startupSeconds) : null,
    loadAverage1m: round(loadavg()[0] ?? 0),
    measuredAt: new Date().toISOString(),
  };
  results.maxExampleLinkChars = links;
  for (const b of BROWSER) results[b.key] = browser[b.key] ?? null;
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('wrote bench/results.json');
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

main().catch((err: unknown) => {
  console.error(`bench failed: ${(err as Error).message}`);
  process.exitCode = 1;
});
