// Label and field selectors as the API server parses them (apimachinery labels.Parse
// subset: =, ==, !=, in, notin, exists, !exists) and LabelSelector matching.

import type { LabelSelector } from './types';

export interface Requirement {
  key: string;
  op: 'in' | 'notin' | 'exists' | '!exists';
  values: string[];
}

export function parseLabelSelector(text: string): { ok: true; reqs: Requirement[] } | { ok: false; error: string } {
  const reqs: Requirement[] = [];
  const s = text.trim();
  if (s === '') return { ok: true, reqs };
  // Split on commas that are not inside parentheses.
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  for (const raw of parts) {
    const p = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^([A-Za-z0-9_./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p))) {
      reqs.push({ key: m[1] as string, op: m[2] as 'in' | 'notin', values: (m[3] as string).split(',').map((v) => v.trim()) });
    } else if ((m = /^([A-Za-z0-9_./-]+)\s*(==|=|!=)\s*([A-Za-z0-9_.-]*)$/.exec(p))) {
      reqs.push({ key: m[1] as string, op: m[2] === '!=' ? 'notin' : 'in', values: [m[3] as string] });
    } else if ((m = /^!\s*([A-Za-z0-9_./-]+)$/.exec(p))) {
      reqs.push({ key: m[1] as string, op: '!exists', values: [] });
    } else if ((m = /^([A-Za-z0-9_./-]+)$/.exec(p))) {
      reqs.push({ key: m[1] as string, op: 'exists', values: [] });
    } else {
      return { ok: false, error: `unable to parse requirement: found '${p}', expected: '=', '!=', '==', 'in', notin'` };
    }
  }
  return { ok: true, reqs };
}

export function matchesRequirements(labels: Record<string, string> | undefined, reqs: Requirement[]): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case '!exists':
        return !has;
      case 'in':
        return has && r.values.includes(l[r.key] as string);
      case 'notin':
        return !has || !r.values.includes(l[r.key] as string);
    }
  });
}

export function matchesLabelSelector(labels: Record<string, string> | undefined, sel: LabelSelector | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const vals = e.values ?? [];
    if (e.operator === 'In' && !(has && vals.includes(l[e.key] as string))) return false;
    if (e.operator === 'NotIn' && has && vals.includes(l[e.key] as string)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export function parseFieldSelector(text: string, supported: string[], kindLabel: string): { ok: true; reqs: FieldRequirement[] } | { ok: false; error: string } {
  const reqs: FieldRequirement[] = [];
  if (text.trim() === '') return { ok: true, reqs };
  for (const raw of text.split(',')) {
    const m = /^\s*([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(raw);
    if (!m) return { ok: false, error: `invalid selector: '${text}'; can't understand '${raw}'` };
    const field = m[1] as string;
    if (!supported.includes(field)) return { ok: false, error: `field label "${field}" not supported for ${kindLabel}` };
    reqs.push({ field, op: m[2] === '!=' ? '!=' : '=', value: m[3] as string });
  }
  return { ok: true, reqs };
}
