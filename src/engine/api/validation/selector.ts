// Label selectors: validation (apimachinery meta/v1/validation ValidateLabelSelector) and
// matching (metav1.LabelSelectorAsSelector + labels.Selector.Matches).

import { fe, type FieldError } from '../errors';
import type { LabelSelector } from '../types';
import { validateLabelName, validateLabels } from './meta';
import { isQualifiedName, isValidLabelValue } from './names';
import { child, index, sortedMap } from './util';

export function validateLabelSelector(sel: LabelSelector | undefined, path: string): FieldError[] {
  if (sel === undefined) return [];
  const errs = validateLabels(sel.matchLabels, child(path, 'matchLabels'));
  (sel.matchExpressions ?? []).forEach((expr, i) => {
    const p = index(child(path, 'matchExpressions'), i);
    const values = expr.values ?? [];
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) {
          errs.push(fe.required(child(p, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        }
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) {
          errs.push(fe.forbidden(child(p, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        }
        break;
      default:
        errs.push(fe.invalid(child(p, 'operator'), expr.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(expr.key ?? '', child(p, 'key')));
    values.forEach((v, j) => {
      for (const m of isValidLabelValue(v)) errs.push(fe.invalid(index(child(p, 'values'), j), v, m));
    });
  });
  return errs;
}

type Matcher = (labels: Record<string, string>) => boolean;

/**
 * LabelSelectorAsSelector: undefined when the selector cannot be built (invalid key/value/operator),
 * a matcher otherwise. A nil selector matches nothing; an empty one matches everything.
 */
export function selectorMatcher(sel: LabelSelector | undefined): Matcher | undefined {
  if (sel === undefined) return () => false;
  const reqs: Matcher[] = [];
  const validKV = (k: string, vs: string[]): boolean =>
    isQualifiedName(k).length === 0 && vs.every((v) => isValidLabelValue(v).length === 0);
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) {
    if (!validKV(k, [v])) return undefined;
    reqs.push((l) => Object.prototype.hasOwnProperty.call(l, k) && l[k] === v);
  }
  for (const e of sel.matchExpressions ?? []) {
    const vs = e.values ?? [];
    const k = e.key ?? '';
    if (!validKV(k, vs)) return undefined;
    const has = (l: Record<string, string>): boolean => Object.prototype.hasOwnProperty.call(l, k);
    switch (e.operator) {
      case 'In':
        if (vs.length === 0) return undefined;
        reqs.push((l) => has(l) && vs.includes(l[k] ?? ''));
        break;
      case 'NotIn':
        if (vs.length === 0) return undefined;
        reqs.push((l) => !has(l) || !vs.includes(l[k] ?? ''));
        break;
      case 'Exists':
        if (vs.length > 0) return undefined;
        reqs.push(has);
        break;
      case 'DoesNotExist':
        if (vs.length > 0) return undefined;
        reqs.push((l) => !has(l));
        break;
      default:
        return undefined;
    }
  }
  return (labels) => reqs.every((r) => r(labels));
}

/** Go JSON rendering of a metav1.LabelSelector (field order, omitempty, sorted map keys). */
export function renderSelector(sel: LabelSelector | undefined): unknown {
  if (sel === undefined) return null;
  const out: Record<string, unknown> = {};
  const ml = sel.matchLabels;
  if (ml !== undefined && Object.keys(ml).length > 0) out.matchLabels = sortedMap(ml);
  if (sel.matchExpressions !== undefined && sel.matchExpressions.length > 0) {
    out.matchExpressions = sel.matchExpressions.map((e) => {
      const r: Record<string, unknown> = { key: e.key, operator: e.operator };
      if (e.values !== undefined && e.values.length > 0) r.values = e.values;
      return r;
    });
  }
  return out;
}
