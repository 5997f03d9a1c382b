// `spec.workload`: how simulated pods behave (defaults, first-matching rules, seeded random).

import { DEFAULT_WORKLOAD } from '../engine/sim/scenario';
import type { PodConditionSpec, RandomWorkload, Workload, WorkloadOutcome, WorkloadRule } from '../engine/sim/scenario';
import type { Ctx, Obj } from './values';
import type { Path } from './yamlDoc';

export const MAX_RULES = 10_000;

const OUTCOME_SECONDS = ['startupSeconds', 'readySeconds', 'durationSeconds', 'terminationSeconds'] as const;
const OUTCOME_KEYS = [...OUTCOME_SECONDS, 'exitCode', 'container', 'conditions', 'succeedAfterRestarts'] as const;
const RULE_KEYS = ['index', 'attempt', ...OUTCOME_KEYS] as const;
const RANDOM_KEYS = ['failureProbability', 'exitCodes', 'durationSeconds'] as const;
export const CONDITION_STATUSES = ['True', 'False', 'Unknown'] as const;

/** Condition status; YAML turns an unquoted True/False into a boolean, which we accept. */
export function conditionStatus(ctx: Ctx, path: Path, v: unknown): string | undefined {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return ctx.oneOf(path, v, CONDITION_STATUSES);
}

function conditions(ctx: Ctx, path: Path, v: unknown): PodConditionSpec[] | undefined {
  if (!Array.isArray(v)) return ctx.error(path, 'must be a list of conditions like { type: ConfigIssue, status: "True" }');
  const out: PodConditionSpec[] = [];
  v.forEach((item: unknown, i) => {
    const p = [...path, i];
    const o = ctx.obj(p, item, ['type', 'status', 'reason', 'message']);
    if (!o) return;
    const type = o.type === undefined ? ctx.error([...p, 'type'], 'required') : ctx.str([...p, 'type'], o.type);
    const status = o.status === undefined ? 'True' : conditionStatus(ctx, [...p, 'status'], o.status);
    const reason = o.reason === undefined ? undefined : ctx.str([...p, 'reason'], o.reason);
    const message = o.message === undefined ? undefined : ctx.str([...p, 'message'], o.message, false);
    if (type === undefined || status === undefined) return;
    out.push({ type, status, ...(reason !== undefined && { reason }), ...(message !== undefined && { message }) });
  });
  return out;
}

/** Reads the outcome keys present in `o` (the rest of the mapping is checked by the caller). */
function outcome(ctx: Ctx, path: Path, o: Obj): Partial<WorkloadOutcome> {
  const out: Partial<WorkloadOutcome> = {};
  for (const k of OUTCOME_SECONDS) {
    if (o[k] === undefined) continue;
    const v = ctx.seconds([...path, k], o[k]);
    if (v !== undefined) out[k] = v;
  }
  if (o.exitCode !== undefined) {
    const v = ctx.int([...path, 'exitCode'], o.exitCode, 0, 255);
    if (v !== undefined) out.exitCode = v;
  }
  if (o.succeedAfterRestarts !== undefined) {
    const v = ctx.int([...path, 'succeedAfterRestarts'], o.succeedAfterRestarts, 0, 1000);
    if (v !== undefined) out.succeedAfterRestarts = v;
  }
  if (o.container !== undefined) {
    const v = ctx.str([...path, 'container'], o.container);
    if (v !== undefined) out.container = v;
  }
  if (o.conditions !== undefined) {
    const v = conditions(ctx, [...path, 'conditions'], o.conditions);
    if (v !== undefined) out.conditions = v;
  }
  return out;
}

function rules(ctx: Ctx, path: Path, v: unknown): WorkloadRule[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return ctx.error(path, 'must be a list of rules') ?? [];
  if (v.length > MAX_RULES) return ctx.error(path, `too many rules: ${v.length}; the limit is ${MAX_RULES}`) ?? [];
  const out: WorkloadRule[] = [];
  v.forEach((item: unknown, i) => {
    const p = [...path, i];
    const o = ctx.obj(p, item, RULE_KEYS);
    if (!o) return;
    const rule: WorkloadRule = { outcome: outcome(ctx, p, o) };
    if (o.index !== undefined) rule.index = ctx.intSet([...p, 'index'], o.index);
    if (o.attempt !== undefined) rule.attempt = ctx.intSet([...p, 'attempt'], o.attempt);
    if (rule.index === undefined) delete rule.index;
    if (rule.attempt === undefined) delete rule.attempt;
    out.push(rule);
  });
  return out;
}

function random(ctx: Ctx, path: Path, v: unknown): RandomWorkload | undefined {
  const o = ctx.obj(path, v, RANDOM_KEYS);
  if (!o) return undefined;
  const pPath = [...path, 'failureProbability'];
  let failureProbability: number | undefined = 0;
  if (o.failureProbability !== undefined) {
    const p = o.failureProbability;
    failureProbability = typeof p === 'number' && p >= 0 && p <= 1 ? p : ctx.error(pPath, 'must be a number between 0 and 1');
  }
  let exitCodes: number[] | undefined = [1];
  if (o.exitCodes !== undefined) {
    const ePath = [...path, 'exitCodes'];
    if (!Array.isArray(o.exitCodes) || o.exitCodes.length === 0) {
      exitCodes = ctx.error(ePath, 'must be a non-empty list of exit codes (1-255)');
    } else {
      const codes = o.exitCodes.map((c: unknown, i) => ctx.int([...ePath, i], c, 1, 255));
      exitCodes = codes.every((c) => c !== undefined) ? (codes as number[]) : undefined;
    }
  }
  const r: RandomWorkload = { failureProbability: failureProbability ?? 0, exitCodes: exitCodes ?? [1] };
  if (o.durationSeconds !== undefined) {
    const dPath = [...path, 'durationSeconds'];
    const d = ctx.obj(dPath, o.durationSeconds, ['min', 'max'], 'a mapping { min, max }');
    if (d) {
      const min = ctx.seconds([...dPath, 'min'], d.min);
      const max = ctx.seconds([...dPath, 'max'], d.max);
      if (min !== undefined && max !== undefined) {
        if (min > max) ctx.error(dPath, `min (${min}) must not be greater than max (${max})`);
        else r.durationSeconds = { min, max };
      }
    }
  }
  return r;
}

export function parseWorkload(ctx: Ctx, path: Path, v: unknown): Workload {
  const fallback: Workload = { defaults: { ...DEFAULT_WORKLOAD }, rules: [] };
  if (v === undefined || v === null) return fallback;
  const o = ctx.obj(path, v, ['defaults', 'rules', 'random']);
  if (!o) return fallback;
  let defaults: WorkloadOutcome = { ...DEFAULT_WORKLOAD };
  if (o.defaults !== undefined && o.defaults !== null) {
    const d = ctx.obj([...path, 'defaults'], o.defaults, OUTCOME_KEYS);
    if (d) defaults = { ...defaults, ...outcome(ctx, [...path, 'defaults'], d) };
  }
  const w: Workload = { defaults, rules: rules(ctx, [...path, 'rules'], o.rules) };
  if (o.random !== undefined && o.random !== null) {
    const r = random(ctx, [...path, 'random'], o.random);
    if (r) w.random = r;
  }
  return w;
}
