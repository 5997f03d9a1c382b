// Scenario file (YAML or JSON) → the normalized SimScenario the engine runs
// (docs: scenario-format.md). Pure and total: every problem becomes a ScenarioError with
// the scenario path, line and column; nothing throws.

import { DEFAULT_CLOCK_START, MAX_SIMULATED_MS } from '../engine/sim/scenario';
import type { SimScenario } from '../engine/sim/scenario';
import { parseActions } from './parseActions';
import { parseWorkload } from './parseWorkload';
import { Ctx, isObj } from './values';
import { loadYaml } from './yamlDoc';
import type { ScenarioError } from './yamlDoc';

export type { ScenarioError } from './yamlDoc';
export { formatScenarioError, MAX_SCENARIO_CHARS, tooLargeMessage } from './yamlDoc';
export { MAX_ACTIONS } from './parseActions';

export const SCENARIO_API_VERSION = 'job-playground/v1';
export const SCENARIO_KIND = 'Scenario';

export type ParseResult =
  | { ok: true; scenario: SimScenario; expect?: unknown; warnings: string[] }
  | { ok: false; errors: ScenarioError[]; expect?: unknown };

const TOP_KEYS = ['apiVersion', 'kind', 'metadata', 'spec', 'expect'] as const;
const METADATA_KEYS = ['name', 'title', 'description', 'whatToWatch', 'i18n'] as const;
/** Translated gallery texts: `metadata.i18n.<locale>` (e.g. zh-CN) with these optional keys. */
const I18N_KEYS = ['title', 'description', 'whatToWatch'] as const;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const SPEC_KEYS = ['clock', 'seed', 'job', 'workload', 'actions', 'until', 'controller'] as const;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** RFC 3339 → the same instant as `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds), or an error message. */
export function normalizeClockStart(v: string): string | { error: string } {
  const m = RFC3339.exec(v);
  if (!m) return { error: `must be an RFC 3339 time like "2025-01-01T00:00:00Z", not ${JSON.stringify(v)}` };
  if (m[7] !== undefined && Number(m[7]) !== 0) return { error: 'must be a whole second (no fraction): object timestamps have whole seconds' };
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  const probe = new Date(0);
  probe.setUTCFullYear(y, mo - 1, d); // not Date.UTC: it maps years 0-99 to 1900-1999
  probe.setUTCHours(h, mi, s, 0);
  if (y < 1 || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return { error: `${JSON.stringify(v)} is not a valid date and time` };
  }
  const zone = m[8] ?? 'Z';
  const offsetMin = zone === 'Z' || zone === 'z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const iso = new Date(probe.getTime() - offsetMin * 60000).toISOString();
  if (!/^\d{4}-/.test(iso) || iso.startsWith('0000')) return { error: 'the year must be between 0001 and 9999' };
  return `${iso.slice(0, 19)}Z`;
}

function parseMetadata(ctx: Ctx, v: unknown, job: unknown): string {
  const jobMeta = isObj(job) && isObj(job.metadata) ? job.metadata : null;
  const fallback = typeof jobMeta?.name === 'string' && DNS1123_LABEL.test(jobMeta.name) ? jobMeta.name : 'scenario';
  if (v === undefined || v === null) return fallback;
  const o = ctx.obj(['metadata'], v, METADATA_KEYS);
  if (!o) return fallback;
  if (o.title !== undefined) ctx.str(['metadata', 'title'], o.title, false);
  if (o.description !== undefined) ctx.str(['metadata', 'description'], o.description, false);
  if (o.whatToWatch !== undefined) ctx.str(['metadata', 'whatToWatch'], o.whatToWatch, false);
  if (o.i18n !== undefined) parseI18n(ctx, o.i18n);
  if (o.name === undefined) return fallback;
  const name = ctx.str(['metadata', 'name'], o.name);
  if (name === undefined) return fallback;
  if (name.length > 63 || !DNS1123_LABEL.test(name)) {
    ctx.error(['metadata', 'name'], 'must be a DNS-1123 label: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit');
    return fallback;
  }
  return name;
}

function parseI18n(ctx: Ctx, v: unknown): void {
  if (!isObj(v)) {
    ctx.error(['metadata', 'i18n'], 'must be a mapping of locales (like zh-CN) to { title, description, whatToWatch }');
    return;
  }
  for (const [locale, texts] of Object.entries(v)) {
    const path = ['metadata', 'i18n', locale];
    if (!LOCALE.test(locale)) ctx.error(path, 'must be a locale like zh-CN', 'key');
    const t = ctx.obj(path, texts, I18N_KEYS);
    if (t) for (const k of I18N_KEYS) if (t[k] !== undefined) ctx.str([...path, k], t[k], false);
  }
}

function parseClock(ctx: Ctx, v: unknown): string {
  if (v === undefined || v === null) return DEFAULT_CLOCK_START;
  const o = ctx.obj(['spec', 'clock'], v, ['start']);
  if (!o || o.start === undefined) return DEFAULT_CLOCK_START;
  const s = ctx.str(['spec', 'clock', 'start'], o.start);
  if (s === undefined) return DEFAULT_CLOCK_START;
  const n = normalizeClockStart(s);
  if (typeof n !== 'string') {
    ctx.error(['spec', 'clock', 'start'], n.error);
    return DEFAULT_CLOCK_START;
  }
  return n;
}

function parseUntil(ctx: Ctx, v: unknown): number | 'finished' {
  if (v === undefined || v === null || v === 'finished') return 'finished';
  return ctx.duration(['spec', 'until'], v, MAX_SIMULATED_MS) ?? 'finished';
}

function parseSyncDelay(ctx: Ctx, v: unknown): number {
  if (v === undefined || v === null) return 0;
  const o = ctx.obj(['spec', 'controller'], v, ['syncDelaySeconds']);
  if (!o || o.syncDelaySeconds === undefined) return 0;
  const s = ctx.seconds(['spec', 'controller', 'syncDelaySeconds'], o.syncDelaySeconds, 3600);
  return s === undefined ? 0 : Math.round(s * 1000);
}

function parseSpec(ctx: Ctx, v: unknown, name: string): SimScenario | undefined {
  if (v === undefined || v === null) return ctx.error(['spec'], 'required: the scenario needs at least spec.job (a batch/v1 Job manifest)');
  const o = ctx.obj(['spec'], v, SPEC_KEYS);
  if (!o) return undefined;
  if (o.job === undefined || o.job === null) ctx.error(['spec', 'job'], 'required: a batch/v1 Job manifest, as for kubectl apply');
  else if (!isObj(o.job)) ctx.error(['spec', 'job'], 'must be a Job manifest (a mapping with apiVersion, kind, metadata, spec)');
  const seed = o.seed === undefined ? 1 : ctx.int(['spec', 'seed'], o.seed, 0, 4294967295);
  const scenario: SimScenario = {
    name,
    clockStart: parseClock(ctx, o.clock),
    seed: seed ?? 1,
    job: o.job,
    workload: parseWorkload(ctx, ['spec', 'workload'], o.workload),
    actions: parseActions(ctx, ['spec', 'actions'], o.actions),
    until: parseUntil(ctx, o.until),
    syncDelayMs: parseSyncDelay(ctx, o.controller),
  };
  const until = scenario.until;
  if (typeof until === 'number') {
    scenario.actions.forEach((a, i) => {
      if (a.atMs > until) ctx.warn(['spec', 'actions', i, 'at'], `at ${a.atMs / 1000}s is after until (${until / 1000}s): this action will not run`);
    });
  }
  return scenario;
}

/** Parses a scenario document (YAML or JSON). Never throws. */
export function parseScenario(text: string): ParseResult {
  try {
    return parseChecked(text);
  } catch (e) {
    // A bug here must still not crash the editor or the runner.
    const message = `internal error while reading the scenario: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, errors: [{ path: '', message, line: 1, column: 1 }] };
  }
}

function parseChecked(text: string): ParseResult {
  if (typeof text !== 'string') return { ok: false, errors: [{ path: '', message: 'the scenario must be text', line: 1, column: 1 }] };
  const loaded = loadYaml(text);
  if (loaded.errors.length > 0) return { ok: false, errors: loaded.errors };
  const ctx = new Ctx(loaded);
  ctx.warnings.push(...loaded.warnings);
  const root = loaded.value;
  if (root === null || root === undefined) {
    ctx.error([], 'the scenario is empty: it needs at least spec.job (a batch/v1 Job manifest)');
    return { ok: false, errors: ctx.errors };
  }
  const o = ctx.obj([], root, TOP_KEYS, 'a mapping with apiVersion, kind, metadata, spec');
  if (!o) return { ok: false, errors: ctx.errors };
  const expect = o.expect;
  if (o.apiVersion !== undefined) ctx.oneOf(['apiVersion'], o.apiVersion, [SCENARIO_API_VERSION]);
  if (o.kind !== undefined) ctx.oneOf(['kind'], o.kind, [SCENARIO_KIND]);
  const spec = o.spec;
  const job = isObj(spec) ? spec.job : undefined;
  const name = parseMetadata(ctx, o.metadata, job);
  const scenario = parseSpec(ctx, spec, name);
  const withExpect = expect === undefined ? {} : { expect };
  if (ctx.errors.length > 0 || !scenario) return { ok: false, errors: sortErrors(ctx.errors), ...withExpect };
  return { ok: true, scenario, warnings: ctx.warnings, ...withExpect };
}

function sortErrors(errors: ScenarioError[]): ScenarioError[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.line - b.e.line || a.e.column - b.e.column || a.i - b.i)
    .map((x) => x.e);
}
