// spec.successPolicy validation. Mirrors pkg/apis/batch/validation/validation.go
// (validateSuccessPolicy, validateSuccessPolicyRule).

import { fe, type FieldError } from '../errors';
import type { JobSpec, SuccessPolicyRule } from '../types';
import { validateIndexesFormat } from './indexes';
import { byteLen } from './names';
import { child, index } from './util';

const MAX_RULES = 20;
const MAX_SUCCEEDED_INDEXES_BYTES = 64 * 1024;

/** Go JSON of the internal batch.SuccessPolicy (no json tags: Go field names). */
export function renderInternalSuccessPolicy(spec: JobSpec): unknown {
  const rules = (spec.successPolicy?.rules ?? []).map((r) => ({
    SucceededIndexes: r.succeededIndexes ?? null,
    SucceededCount: r.succeededCount ?? null,
  }));
  return { Rules: rules };
}

export function validateSuccessPolicy(spec: JobSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const rules = spec.successPolicy?.rules ?? [];
  const rulesPath = child(path, 'rules');
  if (rules.length === 0) {
    errs.push(fe.required(rulesPath, 'at least one rules must be specified when the successPolicy is specified'));
  }
  if (rules.length > MAX_RULES) errs.push(fe.tooMany(rulesPath, rules.length, MAX_RULES));
  // Upstream dereferences a nil completions here (server panic); the emulator reports only the
  // "completions required" error raised earlier and skips the completions-dependent checks.
  rules.forEach((rule, i) => errs.push(...validateRule(spec, rule, index(rulesPath, i))));
  return errs;
}

function validateRule(spec: JobSpec, rule: SuccessPolicyRule, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (rule.succeededCount === undefined && rule.succeededIndexes === undefined) {
    errs.push(fe.required(path, 'at least one of succeededCount or succeededIndexes must be specified'));
  }
  const completions = spec.completions;
  let total = 0;
  if (rule.succeededIndexes !== undefined) {
    const p = child(path, 'succeededIndexes');
    if (byteLen(rule.succeededIndexes) > MAX_SUCCEEDED_INDEXES_BYTES) errs.push(fe.tooLong(p, MAX_SUCCEEDED_INDEXES_BYTES));
    if (completions !== undefined) {
      const r = validateIndexesFormat(rule.succeededIndexes, completions);
      total = r.total;
      if (r.error !== undefined) {
        errs.push(fe.invalid(p, rule.succeededIndexes, `error parsing succeededIndexes: ${r.error}`));
      }
    }
  }
  if (rule.succeededCount !== undefined) {
    const p = child(path, 'succeededCount');
    const n = rule.succeededCount;
    if (n < 0) errs.push(fe.invalid(p, n, 'must be greater than or equal to 0'));
    if (completions !== undefined) {
      if (n > completions) {
        errs.push(fe.invalid(p, n, `must be less than or equal to ${completions} (the number of specified completions)`));
      }
      if (rule.succeededIndexes !== undefined && n > total) {
        errs.push(
          fe.invalid(p, n, `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`),
        );
      }
    }
  }
  return errs;
}
