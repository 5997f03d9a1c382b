// `spec.actions`: the timeline of interventions. Each item is `at` plus exactly one action key.

import { MAX_SIMULATED_MS } from '../engine/sim/scenario';
import type { JsonObject } from '../engine/api/types';
import type { PodTarget, ScenarioAction, ScenarioActionBody } from '../engine/sim/scenario';
import { conditionStatus } from './parseWorkload';
import { isObj } from './values';
import type { Ctx, Obj } from './values';
import { pathString } from './yamlDoc';
import type { Path } from './yamlDoc';

export const MAX_ACTIONS = 10_000;

/** Every action key of the contract, plus `apply` (a kubectl apply of a new Job version). */
export const ACTION_KEYS = [
  'failPod', 'disruptPod', 'deletePod', 'setPodCondition', 'suspend', 'scale', 'patchJob', 'kubectl', 'deleteJob', 'apply',
] as const;
type ActionKey = (typeof ACTION_KEYS)[number];

const PROPAGATION = ['Background', 'Foreground', 'Orphan'] as const;
const PATCH_TYPES = ['merge', 'strategic', 'json'] as const;

/** A pod action's body: a mapping (or null/empty: the oldest running pod) with `index` or `name`. */
function podBody(ctx: Ctx, path: Path, v: unknown, extra: readonly string[]): { o: Obj; target: PodTarget } | undefined {
  const o = v === null || v === undefined ? {} : ctx.obj(path, v, ['index', 'name', ...extra]);
  if (!o) return undefined;
  const target: PodTarget = {};
  if (o.index !== undefined) {
    const i = ctx.int([...path, 'index'], o.index, 0, 1_000_000_000);
    if (i === undefined) return undefined;
    target.index = i;
  }
  if (o.name !== undefined) {
    const n = ctx.str([...path, 'name'], o.name);
    if (n === undefined) return undefined;
    target.name = n;
  }
  if (target.index !== undefined && target.name !== undefined) return ctx.error(path, 'set either index or name, not both');
  return { o, target };
}

function optStr(ctx: Ctx, path: Path, v: unknown): string | undefined | null {
  if (v === undefined) return undefined;
  return ctx.str(path, v) ?? null;
}

type BodyReader = (ctx: Ctx, path: Path, v: unknown) => ScenarioActionBody | undefined;

const READERS: Record<ActionKey, BodyReader> = {
  failPod(ctx, path, v) {
    const b = podBody(ctx, path, v, ['exitCode']);
    if (!b) return undefined;
    const exitCode = b.o.exitCode === undefined ? 1 : ctx.int([...path, 'exitCode'], b.o.exitCode, 0, 255);
    return exitCode === undefined ? undefined : { kind: 'failPod', target: b.target, exitCode };
  },
  disruptPod(ctx, path, v) {
    const b = podBody(ctx, path, v, ['reason']);
    if (!b) return undefined;
    const reason = b.o.reason === undefined ? 'EvictionByEvictionAPI' : ctx.str([...path, 'reason'], b.o.reason);
    return reason === undefined ? undefined : { kind: 'disruptPod', target: b.target, reason };
  },
  deletePod(ctx, path, v) {
    const b = podBody(ctx, path, v, ['gracePeriodSeconds']);
    if (!b) return undefined;
    if (b.o.gracePeriodSeconds === undefined) return { kind: 'deletePod', target: b.target };
    const g = ctx.int([...path, 'gracePeriodSeconds'], b.o.gracePeriodSeconds, 0, 86400);
    return g === undefined ? undefined : { kind: 'deletePod', target: b.target, gracePeriodSeconds: g };
  },
  setPodCondition(ctx, path, v) {
    const b = podBody(ctx, path, v, ['type', 'status', 'reason', 'message']);
    if (!b) return undefined;
    const type = b.o.type === undefined ? ctx.error([...path, 'type'], 'required') : ctx.str([...path, 'type'], b.o.type);
    const status = b.o.status === undefined ? ctx.error([...path, 'status'], 'required ("True", "False" or "Unknown")') : conditionStatus(ctx, [...path, 'status'], b.o.status);
    const reason = optStr(ctx, [...path, 'reason'], b.o.reason);
    const message = b.o.message === undefined ? undefined : ctx.str([...path, 'message'], b.o.message, false) ?? null;
    if (type === undefined || status === undefined || reason === null || message === null) return undefined;
    return { kind: 'setPodCondition', target: b.target, type, status, ...(reason !== undefined && { reason }), ...(message !== undefined && { message }) };
  },
  suspend(ctx, path, v) {
    const value = ctx.bool(path, v);
    return value === undefined ? undefined : { kind: 'suspend', value };
  },
  scale(ctx, path, v) {
    const o = ctx.obj(path, v, ['parallelism', 'completions'], 'a mapping { parallelism, completions }');
    if (!o) return undefined;
    if (o.parallelism === undefined && o.completions === undefined) return ctx.error(path, 'set parallelism, completions or both');
    // Range checks are the API's job: a negative value is a rejected action, as with kubectl.
    const body: ScenarioActionBody = { kind: 'scale' };
    let ok = true;
    for (const k of ['parallelism', 'completions'] as const) {
      if (o[k] === undefined) continue;
      const n = ctx.int([...path, k], o[k], -2147483648, 2147483647);
      if (n === undefined) ok = false;
      else body[k] = n;
    }
    return ok ? body : undefined;
  },
  patchJob(ctx, path, v) {
    const o = ctx.obj(path, v, ['type', 'patch'], 'a mapping { type, patch }');
    if (!o) return undefined;
    const patchType = o.type === undefined ? 'strategic' : ctx.oneOf([...path, 'type'], o.type, PATCH_TYPES);
    if (o.patch === undefined) return ctx.error([...path, 'patch'], 'required');
    const patch = ctx.json([...path, 'patch'], o.patch);
    if (patchType === undefined || patch === undefined) return undefined;
    if (patchType === 'json' && !Array.isArray(patch)) return ctx.error([...path, 'patch'], 'a json patch must be a list of operations like { op: replace, path: /spec/parallelism, value: 2 }');
    if (patchType !== 'json' && !isObj(patch)) return ctx.error([...path, 'patch'], `a ${patchType} patch must be a mapping like { spec: { parallelism: 2 } }`);
    return { kind: 'patchJob', patchType, patch };
  },
  kubectl(ctx, path, v) {
    const command = ctx.str(path, v);
    return command === undefined ? undefined : { kind: 'kubectl', command };
  },
  deleteJob(ctx, path, v) {
    const o = v === null || v === undefined ? {} : ctx.obj(path, v, ['propagationPolicy']);
    if (!o) return undefined;
    if (o.propagationPolicy === undefined) return { kind: 'deleteJob' };
    const propagationPolicy = ctx.oneOf([...path, 'propagationPolicy'], o.propagationPolicy, PROPAGATION);
    return propagationPolicy === undefined ? undefined : { kind: 'deleteJob', propagationPolicy };
  },
  apply(ctx, path, v) {
    if (!isObj(v)) return ctx.error(path, 'must be a Job manifest (a mapping with apiVersion, kind, metadata, spec)');
    const manifest = ctx.json(path, v);
    return isObj(manifest) ? { kind: 'applyJob', manifest: manifest as JsonObject } : undefined;
  },
};

/** One action item; `atMs` is returned even when the body is wrong, for the time-order check. */
function action(ctx: Ctx, path: Path, item: unknown): { atMs?: number; action?: ScenarioAction } {
  const o = ctx.obj(path, item, ['at', ...ACTION_KEYS], 'a mapping like { at: 10, suspend: true }');
  if (!o) return {};
  const keys = ACTION_KEYS.filter((k) => k in o);
  const atMs = o.at === undefined ? ctx.error([...path, 'at'], 'required: the time of the action in seconds since t=0') : ctx.duration([...path, 'at'], o.at, MAX_SIMULATED_MS);
  if (keys.length === 0) return { atMs, action: ctx.error(path, `must have one action key: ${ACTION_KEYS.join(', ')}`) };
  if (keys.length > 1) return { atMs, action: ctx.error([...path, keys[1] ?? ''], `an action item has exactly one action key, found ${keys.join(', ')}`, 'key') };
  const key = keys[0] as ActionKey;
  const body = READERS[key](ctx, [...path, key], o[key]);
  return { atMs, action: body === undefined || atMs === undefined ? undefined : { ...body, atMs } };
}

export function parseActions(ctx: Ctx, path: Path, v: unknown): ScenarioAction[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return ctx.error(path, 'must be a list of actions like - { at: 10, suspend: true }') ?? [];
  if (v.length > MAX_ACTIONS) return ctx.error(path, `too many actions: ${v.length}; the limit is ${MAX_ACTIONS}`) ?? [];
  const out: ScenarioAction[] = [];
  let prev: { atMs: number; i: number } | null = null;
  v.forEach((item: unknown, i) => {
    const { atMs, action: a } = action(ctx, [...path, i], item);
    if (atMs !== undefined) {
      if (prev && atMs < prev.atMs) {
        ctx.error([...path, i, 'at'], `actions must be in time order: ${atMs / 1000}s comes after ${prev.atMs / 1000}s (${pathString([...path, prev.i])})`);
      }
      prev = { atMs, i };
    }
    if (a) out.push(a);
  });
  return out;
}
