// Mirrors pkg/controller/job/success_policy.go: whether an Indexed Job's successPolicy
// is met by its succeeded indexes.

import type { SuccessPolicy } from '../api/types';
import { intervalsHas, intervalsTotal, parseIndexesFromString, type OrderedIntervals } from './indexed_job_utils';

function countSucceededOf(required: OrderedIntervals, succeeded: OrderedIntervals): { hit: number; total: number } {
  let hit = 0;
  let total = 0;
  for (const [a, b] of required) {
    for (let i = a; i <= b; i++) {
      total++;
      if (intervalsHas(succeeded, i)) hit++;
    }
  }
  return { hit, total };
}

/** matchSuccessPolicy: "Matched rules at index <i>" for the first satisfied rule. */
export function matchSuccessPolicy(
  policy: SuccessPolicy | undefined,
  completions: number,
  succeeded: OrderedIntervals,
): { met: boolean; message: string } {
  if (policy === undefined || intervalsTotal(succeeded) === 0) return { met: false, message: '' };
  for (let i = 0; i < policy.rules.length; i++) {
    const rule = policy.rules[i];
    if (rule === undefined) continue;
    const msg = `Matched rules at index ${i}`;
    if (rule.succeededIndexes !== undefined) {
      const required = parseIndexesFromString(rule.succeededIndexes, completions);
      if (required.length === 0) continue;
      const { hit, total } = countSucceededOf(required, succeeded);
      const need = rule.succeededCount ?? total;
      if (hit >= need) return { met: true, message: msg };
    } else if (rule.succeededCount !== undefined && intervalsTotal(succeeded) >= rule.succeededCount) {
      return { met: true, message: msg };
    }
  }
  return { met: false, message: '' };
}
