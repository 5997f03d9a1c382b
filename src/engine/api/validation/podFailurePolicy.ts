// spec.podFailurePolicy validation. Mirrors pkg/apis/batch/validation/validation.go
// (validatePodFailurePolicy, validatePodFailurePolicyRule, ...OnExitCodes, ...OnPodConditions).

import { fe, type FieldError } from '../errors';
import type { JobSpec, PodFailurePolicyOnExitCodesRequirement, PodFailurePolicyOnPodConditionsPattern, PodFailurePolicyRule } from '../types';
import { isQualifiedName } from './names';
import { arr, child, index, isObj, str, validateChoice } from './util';

const MAX_RULES = 20;
const MAX_EXIT_CODES = 255;
const MAX_CONDITION_PATTERNS = 20;
// sets.List order (sorted).
const ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const OPERATORS = ['In', 'NotIn'];
const STATUSES = ['False', 'True', 'Unknown'];

/** fmt's %q of a []string: ["a" "b"]. */
const goQuotedList = (xs: string[]): string => `[${xs.map((x) => JSON.stringify(x)).join(' ')}]`;

export function validatePodFailurePolicy(spec: JobSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const rules = spec.podFailurePolicy?.rules ?? [];
  const rulesPath = child(path, 'rules');
  if (rules.length > MAX_RULES) errs.push(fe.tooMany(rulesPath, rules.length, MAX_RULES));
  const names = new Set<string>();
  for (const c of arr(spec.template?.spec, 'containers')) names.add(str(c, 'name'));
  for (const c of arr(spec.template?.spec, 'initContainers')) names.add(str(c, 'name'));
  rules.forEach((rule, i) => errs.push(...validateRule(spec, rule, index(rulesPath, i), names)));
  return errs;
}

function validateRule(spec: JobSpec, rule: PodFailurePolicyRule, path: string, names: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const actionPath = child(path, 'action');
  const action = rule.action ?? '';
  if (action === '') {
    errs.push(fe.required(actionPath, `valid values: ${goQuotedList(ACTIONS)}`));
  } else if (action === 'FailIndex') {
    if (spec.backoffLimitPerIndex === undefined) {
      errs.push(fe.invalid(actionPath, action, 'requires the backoffLimitPerIndex to be set'));
    }
  } else if (!ACTIONS.includes(action)) {
    errs.push(fe.notSupported(actionPath, action, ACTIONS));
  }
  const conds = rule.onPodConditions ?? [];
  if (rule.onExitCodes !== undefined) errs.push(...validateOnExitCodes(rule.onExitCodes, child(path, 'onExitCodes'), names));
  if (conds.length > 0) errs.push(...validateOnPodConditions(conds, child(path, 'onPodConditions')));
  if (rule.onExitCodes !== undefined && conds.length > 0) {
    errs.push(fe.invalidNoValue(path, 'specifying both OnExitCodes and OnPodConditions is not supported'));
  }
  if (rule.onExitCodes === undefined && conds.length === 0) {
    errs.push(fe.invalidNoValue(path, 'specifying one of OnExitCodes and OnPodConditions is required'));
  }
  return errs;
}

function validateOnPodConditions(patterns: PodFailurePolicyOnPodConditionsPattern[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (patterns.length > MAX_CONDITION_PATTERNS) errs.push(fe.tooMany(path, patterns.length, MAX_CONDITION_PATTERNS));
  patterns.forEach((p, j) => {
    const pp = index(path, j);
    const type = isObj(p) ? (p.type ?? '') : '';
    for (const m of isQualifiedName(type)) errs.push(fe.invalid(child(pp, 'type'), type, m));
    const status = isObj(p) ? (p.status ?? '') : '';
    errs.push(...validateChoice(status, child(pp, 'status'), STATUSES, `valid values: ${goQuotedList(STATUSES)}`));
  });
  return errs;
}

function validateOnExitCodes(req: PodFailurePolicyOnExitCodesRequirement, path: string, names: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const op = req.operator ?? '';
  errs.push(...validateChoice(op, child(path, 'operator'), OPERATORS, `valid values: ${goQuotedList(OPERATORS)}`));
  if (req.containerName !== undefined && !names.has(req.containerName)) {
    errs.push(
      fe.invalid(child(path, 'containerName'), req.containerName, 'must be one of the container or initContainer names in the pod template'),
    );
  }
  const valuesPath = child(path, 'values');
  const values = req.values ?? [];
  if (values.length === 0) errs.push(fe.invalid(valuesPath, values, 'at least one value is required'));
  else if (values.length > MAX_EXIT_CODES) errs.push(fe.tooMany(valuesPath, values.length, MAX_EXIT_CODES));
  let ordered = true;
  const seen = new Set<number>();
  values.forEach((v, j) => {
    const vp = index(valuesPath, j);
    if (op === 'In' && v === 0) errs.push(fe.invalid(vp, v, 'must not be 0 for the In operator'));
    if (seen.has(v)) errs.push(fe.duplicate(vp, v));
    else seen.add(v);
    const prev = values[j - 1];
    if (j > 0 && prev !== undefined && prev > v) ordered = false;
  });
  if (!ordered) errs.push(fe.invalid(valuesPath, values, 'must be ordered'));
  return errs;
}
