// SimScenario → scenario YAML (docs: scenario-format.md): the inverse of parseScenario, so
// that parse(serialize(s)) gives back `s`. With `minimal`, everything equal to its default
// is left out (what share links carry). Pure: used by the browser and the runner alike.

import { stringify } from 'yaml';
import { DEFAULT_CLOCK_START, DEFAULT_WORKLOAD } from '../engine/sim/scenario';
import type { IntSet, PodTarget, RandomWorkload, ScenarioAction, SimScenario, Workload, WorkloadOutcome, WorkloadRule } from '../engine/sim/scenario';
import { SCENARIO_API_VERSION, SCENARIO_KIND } from './parse';
import { isObj } from './values';

export interface LocalizedTexts {
  title?: string;
  description?: string;
  whatToWatch?: string;
}

/** The scenario's `metadata` besides its name (the gallery texts). */
export interface ScenarioMetadata extends LocalizedTexts {
  name?: string;
  /** Translations by locale, e.g. `zh-CN`. */
  i18n?: Record<string, LocalizedTexts>;
}

export interface SerializeOptions {
  /** Leave out every field equal to its default. */
  minimal?: boolean;
  /** Gallery texts to write into `metadata` (the name always comes from the scenario). */
  metadata?: Omit<ScenarioMetadata, 'name'>;
  /** An `expect:` block to append. */
  expect?: unknown;
}

type Doc = Record<string, unknown>;

const TEXT_KEYS = ['title', 'description', 'whatToWatch'] as const;

function texts(v: unknown): LocalizedTexts {
  const out: LocalizedTexts = {};
  if (!isObj(v)) return out;
  for (const k of TEXT_KEYS) if (typeof v[k] === 'string') out[k] = v[k];
  return out;
}

/** The metadata of a loaded scenario document (only well-typed fields; never throws). */
export function readMetadata(doc: unknown): ScenarioMetadata {
  const m = isObj(doc) && isObj(doc.metadata) ? doc.metadata : {};
  const out: ScenarioMetadata = texts(m);
  if (typeof m.name === 'string') out.name = m.name;
  if (isObj(m.i18n)) {
    const i18n: Record<string, LocalizedTexts> = {};
    for (const [locale, t] of Object.entries(m.i18n)) i18n[locale] = texts(t);
    out.i18n = i18n;
  }
  return out;
}

/** The name parseScenario gives a scenario without metadata.name (the Job's name, or "scenario"). */
export function defaultScenarioName(job: unknown): string {
  const meta = isObj(job) && isObj(job.metadata) ? job.metadata : null;
  const name = meta?.name;
  return typeof name === 'string' && name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) ? name : 'scenario';
}

const seconds = (ms: number): number => ms / 1000;

function intSet(s: IntSet): number | string {
  return /^\d+$/.test(s.text) ? Number(s.text) : s.text;
}

/** Outcome fields, every key the parser produced (so new workload fields round-trip too). */
function outcome(o: Partial<WorkloadOutcome>, base: Partial<WorkloadOutcome> | null): Doc {
  const out: Doc = {};
  const src: Record<string, unknown> = { ...o };
  const ref: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(src)) {
    if (v === undefined || (base !== null && ref[k] === v)) continue;
    out[k] = Array.isArray(v) ? v.map((x: unknown) => (isObj(x) ? { ...x } : x)) : v;
  }
  return out;
}

function rule(r: WorkloadRule): Doc {
  return {
    ...(r.index !== undefined && { index: intSet(r.index) }),
    ...(r.attempt !== undefined && { attempt: intSet(r.attempt) }),
    ...outcome(r.outcome, null),
  };
}

function random(r: RandomWorkload, minimal: boolean): Doc {
  const out: Doc = {};
  if (!minimal || r.failureProbability !== 0) out.failureProbability = r.failureProbability;
  if (!minimal || r.exitCodes.length !== 1 || r.exitCodes[0] !== 1) out.exitCodes = [...r.exitCodes];
  if (r.durationSeconds) out.durationSeconds = { ...r.durationSeconds };
  return out;
}

function workload(w: Workload, minimal: boolean): Doc | undefined {
  const out: Doc = {};
  const defaults = outcome(w.defaults, minimal ? DEFAULT_WORKLOAD : null);
  if (!minimal || Object.keys(defaults).length > 0) out.defaults = defaults;
  if (w.rules.length > 0) out.rules = w.rules.map(rule);
  if (w.random) out.random = random(w.random, minimal);
  return Object.keys(out).length > 0 ? out : undefined;
}

function target(t: PodTarget): Doc {
  if (t.index !== undefined) return { index: t.index };
  if (t.name !== undefined) return { name: t.name };
  return {};
}

/** One `spec.actions` item: `{ at, <key>: <body> }`. */
function action(a: ScenarioAction, minimal: boolean): Doc {
  const at = seconds(a.atMs);
  switch (a.kind) {
    case 'failPod':
      return { at, failPod: { ...target(a.target), ...(!(minimal && a.exitCode === 1) && { exitCode: a.exitCode }) } };
    case 'disruptPod':
      return { at, disruptPod: { ...target(a.target), ...(!(minimal && a.reason === 'EvictionByEvictionAPI') && { reason: a.reason }) } };
    case 'deletePod':
      return { at, deletePod: { ...target(a.target), ...(a.gracePeriodSeconds !== undefined && { gracePeriodSeconds: a.gracePeriodSeconds }) } };
    case 'setPodCondition': {
      const { type, status, reason, message } = a;
      return { at, setPodCondition: { ...target(a.target), type, status, ...(reason !== undefined && { reason }), ...(message !== undefined && { message }) } };
    }
    case 'suspend':
      return { at, suspend: a.value };
    case 'scale':
      return { at, scale: { ...(a.parallelism !== undefined && { parallelism: a.parallelism }), ...(a.completions !== undefined && { completions: a.completions }) } };
    case 'patchJob':
      return { at, patchJob: { ...(!(minimal && a.patchType === 'strategic') && { type: a.patchType }), patch: a.patch } };
    case 'kubectl':
      return { at, kubectl: a.command };
    case 'deleteJob':
      return { at, deleteJob: a.propagationPolicy === undefined ? {} : { propagationPolicy: a.propagationPolicy } };
    case 'applyJob':
      return { at, apply: a.manifest };
  }
}

function metadata(s: SimScenario, opts: SerializeOptions): Doc | undefined {
  const minimal = opts.minimal === true;
  const out: Doc = {};
  if (!minimal || s.name !== defaultScenarioName(s.job)) out.name = s.name;
  const m = opts.metadata ?? {};
  for (const k of TEXT_KEYS) if (m[k] !== undefined) out[k] = m[k];
  if (m.i18n !== undefined && Object.keys(m.i18n).length > 0) out.i18n = m.i18n;
  return Object.keys(out).length > 0 ? out : undefined;
}

function spec(s: SimScenario, minimal: boolean): Doc {
  const out: Doc = {};
  if (!minimal || s.clockStart !== DEFAULT_CLOCK_START) out.clock = { start: s.clockStart };
  if (!minimal || s.seed !== 1) out.seed = s.seed;
  if (!minimal || s.syncDelayMs !== 0) out.controller = { syncDelaySeconds: seconds(s.syncDelayMs) };
  out.job = s.job;
  const w = workload(s.workload, minimal);
  if (w !== undefined) out.workload = w;
  if (!minimal || s.actions.length > 0) out.actions = s.actions.map((a) => action(a, minimal));
  if (!minimal || s.until !== 'finished') out.until = s.until === 'finished' ? 'finished' : seconds(s.until);
  return out;
}

/** The scenario as a plain document (what `serializeScenario` writes as YAML). */
export function scenarioDocument(s: SimScenario, opts: SerializeOptions = {}): Doc {
  const doc: Doc = { apiVersion: SCENARIO_API_VERSION, kind: SCENARIO_KIND };
  const meta = metadata(s, opts);
  if (meta !== undefined) doc.metadata = meta;
  doc.spec = spec(s, opts.minimal === true);
  if (opts.expect !== undefined) doc.expect = opts.expect;
  return doc;
}

/** A scenario document as YAML (long strings are not folded, so texts survive exactly). */
export function stringifyScenarioDocument(doc: unknown): string {
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** SimScenario → scenario YAML that parses back to the same SimScenario. */
export function serializeScenario(s: SimScenario, opts: SerializeOptions = {}): string {
  return stringifyScenarioDocument(scenarioDocument(s, opts));
}
