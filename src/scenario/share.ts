// Share links: `#s=<version>.<codec><data>` carries a scenario (only what differs from the
// defaults), the timeline cursor and the view. Pure (browser, worker, Node). decodeShare
// never throws: a malformed, cut, oversized or future link gives `{ ok: false, message }`.
//
// Payload v1 (JSON, then compressed by the codec that gives the shorter link):
//   { d: <scenario document without apiVersion/kind> } or { x: <scenario text as written> },
//   plus t: cursor (ms, optional) and w: view (flat map, optional).

import { MAX_SIMULATED_MS } from '../engine/sim/scenario';
import type { SimScenario } from '../engine/sim/scenario';
import { parseScenario, SCENARIO_API_VERSION, SCENARIO_KIND } from './parse';
import { readMetadata, scenarioDocument, stringifyScenarioDocument } from './serialize';
import { compressText, decompressText } from './shareCodec';
import { isObj } from './values';
import { loadYaml } from './yamlDoc';

export const SHARE_VERSION = 1;
/** Longest link data we read (characters); longer links are refused before any work. */
export const MAX_SHARE_CHARS = 200_000;
/** Largest decompressed payload (bytes), the same as the largest scenario file. */
export const MAX_SHARE_BYTES = 2 * 1024 * 1024;
const MAX_DEPTH = 200;
const MAX_VIEW_KEYS = 32;

/** UI state a link restores (which panel, selected pod, ...): a small flat map, owned by the UI. */
export type ShareView = Record<string, string | number | boolean>;

export interface ShareInput {
  /** The scenario as the user wrote it; if it does not parse, the text is shared verbatim. */
  scenarioText?: string;
  /** Or a parsed scenario (its gallery title is lost; pass `title` to keep one). */
  scenario?: SimScenario;
  title?: string;
  /** Share the text exactly as written (comments, order, expect) instead of the compact form. */
  keepText?: boolean;
  cursorMs?: number;
  view?: ShareView;
}

export type ShareDecoded =
  | { ok: true; version: number; migratedFrom?: number; mode: 'document' | 'text'; scenarioText: string; cursorMs?: number; view?: ShareView }
  | { ok: false; message: string };

type Payload = Record<string, unknown>;

/**
 * Upgrades payloads of older versions, one step at a time: MIGRATIONS[n] turns a version n
 * payload into version n+1. Version 1 is the first; a v2 adds `1: (p) => ...` here.
 */
export const MIGRATIONS: Readonly<Record<number, (p: Payload) => Payload>> = {};

/** The oldest version this build can read (the first with a migration path to SHARE_VERSION). */
export const OLDEST_SHARE_VERSION = 1;

/** The compact document a link carries: the minimal scenario, its title, no expect/description. */
function compactDocument(input: ShareInput): Payload | string {
  let scenario = input.scenario;
  let title = input.title;
  if (input.scenarioText !== undefined) {
    const parsed = parseScenario(input.scenarioText);
    if (!parsed.ok || input.keepText === true) return input.scenarioText;
    scenario = parsed.scenario;
    title ??= readMetadata(loadYaml(input.scenarioText).value).title;
  }
  if (scenario === undefined) return '';
  const { apiVersion: _v, kind: _k, ...doc } = scenarioDocument(scenario, { minimal: true, ...(title !== undefined && { metadata: { title } }) });
  return doc;
}

/** The share fragment (`#s=1.d...`) for a scenario, cursor and view. */
export function encodeShare(input: ShareInput): string {
  const body = compactDocument(input);
  const payload: Payload = typeof body === 'string' ? { x: body } : { d: body };
  if (input.cursorMs !== undefined && Number.isFinite(input.cursorMs) && input.cursorMs >= 0) payload.t = Math.round(input.cursorMs);
  if (input.view !== undefined && Object.keys(input.view).length > 0) payload.w = input.view;
  const { codec, data } = compressText(JSON.stringify(payload));
  return `#s=${SHARE_VERSION}.${codec}${data}`;
}

/** A full link: `base` (the page address) with the fragment replacing any existing one. */
export function shareUrl(base: string, input: ShareInput): string {
  const hash = base.indexOf('#');
  return `${hash < 0 ? base : base.slice(0, hash)}${encodeShare(input)}`;
}

const fail = (message: string): ShareDecoded => ({ ok: false, message: `invalid share link: ${message}` });

/** The `s=` value of a link, a fragment, or the bare value. */
function shareValue(input: string): string | null {
  let s = input.trim();
  const hash = s.indexOf('#');
  if (hash >= 0) s = s.slice(hash + 1);
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return null;
  if (/^\d/.test(s)) return s;
  for (const part of s.split('&')) if (part.startsWith('s=')) return part.slice(2);
  return null;
}

function tooDeep(v: unknown): boolean {
  const stack: Array<[unknown, number]> = [[v, 0]];
  while (stack.length > 0) {
    const [x, depth] = stack.pop() ?? [null, 0];
    if (depth > MAX_DEPTH) return true;
    if (x !== null && typeof x === 'object') for (const y of Object.values(x)) stack.push([y, depth + 1]);
  }
  return false;
}

function checkView(w: unknown): ShareView | string {
  if (!isObj(w)) return 'the view (w) must be a map';
  const keys = Object.keys(w);
  if (keys.length > MAX_VIEW_KEYS) return `the view (w) has ${keys.length} entries; the limit is ${MAX_VIEW_KEYS}`;
  const out: ShareView = {};
  for (const k of keys) {
    const v = w[k];
    if (k.length > 64 || !(typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 256))) {
      return `the view entry ${JSON.stringify(k.slice(0, 64))} must be a short string, a number or a boolean`;
    }
    out[k] = v;
  }
  return out;
}

/** Reads a current-version payload into the decoded link. */
function readPayload(p: Payload, version: number, from: number): ShareDecoded {
  const hasDoc = 'd' in p;
  if (hasDoc === 'x' in p) return fail('the payload must carry exactly one scenario (d or x)');
  let scenarioText: string;
  if (hasDoc) {
    if (!isObj(p.d)) return fail('the scenario (d) must be a map');
    scenarioText = stringifyScenarioDocument({ apiVersion: SCENARIO_API_VERSION, kind: SCENARIO_KIND, ...p.d });
  } else {
    if (typeof p.x !== 'string') return fail('the scenario text (x) must be a string');
    scenarioText = p.x;
  }
  const out: ShareDecoded = { ok: true, version, mode: hasDoc ? 'document' : 'text', scenarioText };
  if (from !== version) out.migratedFrom = from;
  if (p.t !== undefined) {
    if (typeof p.t !== 'number' || !Number.isInteger(p.t) || p.t < 0 || p.t > MAX_SIMULATED_MS) return fail('the cursor (t) must be a whole number of ms within 24 h');
    out.cursorMs = p.t;
  }
  if (p.w !== undefined) {
    const view = checkView(p.w);
    if (typeof view === 'string') return fail(view);
    out.view = view;
  }
  return out;
}

/** Upgrades a payload from `version` to SHARE_VERSION using `table`; exported for tests. */
export function migratePayload(p: Payload, version: number, table: Readonly<Record<number, (p: Payload) => Payload>> = MIGRATIONS): Payload | string {
  let cur = p;
  for (let v = version; v < SHARE_VERSION; v++) {
    const step = table[v];
    if (step === undefined) return `share format v${version} is no longer supported (this version reads v${OLDEST_SHARE_VERSION} to v${SHARE_VERSION})`;
    cur = step(cur);
  }
  return cur;
}

function decodeChecked(input: string): ShareDecoded {
  if (input.length > MAX_SHARE_CHARS + 4096) return fail(`the link is too long (${input.length} characters; the limit is ${MAX_SHARE_CHARS})`);
  let value = shareValue(input);
  if (value === null) return fail('no scenario in it: expected a link with "#s=1.…", a fragment "#s=…" or its value');
  if (value.includes('%')) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return fail('the link has a broken %-escape');
    }
  }
  const m = /^(\d{1,6})\.([\s\S]*)$/.exec(value);
  if (!m || m[1] === undefined || m[2] === undefined) return fail('it must start with a version number and a dot, like "s=1.d…"');
  const version = Number(m[1]);
  if (version > SHARE_VERSION) return fail(`it was made by a newer Job Playground (share format v${version}); this version reads up to v${SHARE_VERSION}`);
  if (version < OLDEST_SHARE_VERSION) return fail(`unknown share format version ${version}`);
  const rest = m[2];
  if (rest.length > MAX_SHARE_CHARS) return fail(`the link data is too long (${rest.length} characters; the limit is ${MAX_SHARE_CHARS})`);
  if (rest.length < 2) return fail('the link is cut off: it carries no data');
  const text = decompressText(rest.charAt(0), rest.slice(1), MAX_SHARE_BYTES);
  if (typeof text !== 'string') return fail(text.error);
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return fail('the link data is damaged (its payload is not JSON)');
  }
  if (!isObj(payload)) return fail('the link data is damaged (its payload is not a map)');
  if (tooDeep(payload)) return fail(`the link's scenario is nested more than ${MAX_DEPTH} levels deep`);
  const current = migratePayload(payload, version);
  if (typeof current === 'string') return fail(current);
  return readPayload(current, SHARE_VERSION, version);
}

/** Reads a share link, fragment (`#s=…`) or `s=` value. Never throws. */
export function decodeShare(fragmentOrUrl: string): ShareDecoded {
  if (typeof fragmentOrUrl !== 'string') return fail('expected text');
  try {
    return decodeChecked(fragmentOrUrl);
  } catch (e) {
    return fail(`internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
