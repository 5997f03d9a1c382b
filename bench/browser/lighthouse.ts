// Lighthouse 12.2.3 (docs/stack.md §7). Not a project dependency: installed on demand into
// a cache folder outside the repository, then run headless against the preview server.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = join(homedir(), '.cache', 'jp-lighthouse');
const BIN = join(PREFIX, 'node_modules', '.bin', 'lighthouse');
const FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic';

function ensureInstalled(): string | null {
  if (existsSync(BIN)) return null;
  const r = spawnSync('npm', ['i', '-E', '--no-audit', '--no-fund', '--prefix', PREFIX, 'lighthouse@12.2.3'], { encoding: 'utf8' });
  return r.status === 0 && existsSync(BIN) ? null : `npm i lighthouse@12.2.3 failed: ${(r.stderr || r.stdout || '').slice(-300)}`;
}

/** The performance score (0–1) for a preset, or null with the reason. */
export function lighthouse(url: string, preset: 'desktop' | 'mobile'): { score: number | null; error: string | null } {
  const installError = ensureInstalled();
  if (installError) return { score: null, error: installError };
  const dir = mkdtempSync(join(tmpdir(), 'jp-lh-'));
  const out = join(dir, 'lh.json');
  try {
    const args = [url, '--quiet', `--chrome-flags=${FLAGS}`, '--only-categories=performance,accessibility,best-practices', '--output=json', `--output-path=${out}`];
    if (preset === 'desktop') args.push('--preset=desktop');
    const r = spawnSync(BIN, args, { encoding: 'utf8', env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 180_000 });
    if (!existsSync(out)) return { score: null, error: `lighthouse exited ${r.status}: ${(r.stderr || '').slice(-300)}` };
    const report = JSON.parse(readFileSync(out, 'utf8')) as { categories?: { performance?: { score?: number | null } } };
    const score = report.categories?.performance?.score ?? null;
    return { score, error: score === null ? 'no performance score in the report' : null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
