// Interventions from the UI become scenario actions `at:` the cursor time, written into
// the scenario text with the yaml Document API so that the user's comments and layout
// survive. Acting while scrubbed back discards the actions after the cursor: the run
// branches there (undo brings the old future back).

import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';

export type PodRef = { index: number } | { name: string };

export type Intervention =
  | { kind: 'failPod'; pod: PodRef; exitCode: number }
  | { kind: 'disruptPod'; pod: PodRef }
  | { kind: 'deletePod'; pod: PodRef }
  | { kind: 'setPodCondition'; pod: PodRef; type: string; status: 'True' | 'False' | 'Unknown' }
  | { kind: 'patchJob'; patchType: 'merge' | 'strategic' | 'json'; patch: unknown }
  | { kind: 'suspend'; value: boolean }
  | { kind: 'scale'; parallelism: number }
  | { kind: 'kubectl'; command: string };

export type EditResult = { ok: true; text: string; discarded: number } | { ok: false; error: string };

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** `at:` as scenario-format.md allows it: seconds as a number, or a duration like "1m30s". */
export function parseAtMs(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return Math.round(v * 1000);
  if (typeof v !== 'string' || v.trim() === '') return null;
  const s = v.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (const m of s.matchAll(re)) {
    if (m.index !== consumed) return null;
    total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? NaN);
    consumed += m[0].length;
  }
  return consumed === s.length && Number.isFinite(total) ? Math.round(total) : null;
}

/** Seconds for `at:` (whole seconds when possible, else millisecond precision). */
export function atSeconds(atMs: number): number {
  return Math.round(atMs) / 1000;
}

function actionBody(iv: Intervention): Record<string, unknown> {
  switch (iv.kind) {
    case 'failPod':
      return { failPod: { ...iv.pod, exitCode: iv.exitCode } };
    case 'disruptPod':
      return { disruptPod: { ...iv.pod } };
    case 'deletePod':
      return { deletePod: { ...iv.pod } };
    case 'setPodCondition':
      return { setPodCondition: { ...iv.pod, type: iv.type, status: iv.status } };
    case 'patchJob':
      return { patchJob: { type: iv.patchType, patch: iv.patch } };
    case 'suspend':
      return { suspend: iv.value };
    case 'scale':
      return { scale: { parallelism: iv.parallelism } };
    case 'kubectl':
      return { kubectl: iv.command };
  }
}

function specMap(doc: Document): YAMLMap | string {
  if (!isMap(doc.contents)) return 'the scenario is not a YAML mapping';
  const spec = doc.get('spec', true);
  if (spec === undefined) {
    doc.set('spec', doc.createNode({}));
  } else if (!isMap(spec)) {
    return 'spec must be a mapping';
  }
  const m = doc.get('spec', true);
  return isMap(m) ? m : 'spec must be a mapping';
}

/**
 * Puts the node `make` builds at the end of spec.actions (created when missing or empty),
 * after dropping the actions scheduled after `atMs`. Shared by interventions and Apply at
 * the cursor. Returns how many actions were dropped, or null when spec.actions is not a list.
 */
export function pushActionAt(doc: Document, spec: YAMLMap, atMs: number, make: () => Node): number | null {
  let actions = spec.get('actions', true);
  if (actions === undefined || (isScalar(actions) && actions.value === null)) {
    spec.set('actions', doc.createNode([]));
    actions = spec.get('actions', true);
  }
  if (!isSeq(actions)) return null;
  const before = actions.items.length;
  actions.items = actions.items.filter((item) => {
    const at = isMap(item) ? parseAtMs(item.get('at')) : null;
    return at === null || at <= atMs;
  });
  const node = make();
  actions.flow = false;
  actions.items.push(node);
  return before - (actions.items.length - 1);
}

/** Appends `iv` at `atMs` to spec.actions, dropping actions scheduled after `atMs`. */
export function appendAction(text: string, atMs: number, iv: Intervention): EditResult {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return { ok: false, error: `cannot edit the scenario: ${doc.errors[0]?.message ?? 'invalid YAML'}` };
  const spec = specMap(doc);
  if (typeof spec === 'string') return { ok: false, error: `cannot edit the scenario: ${spec}` };
  const discarded = pushActionAt(doc, spec, atMs, () => {
    const node = doc.createNode({ at: atSeconds(atMs), ...actionBody(iv) });
    for (const pair of node.items) {
      if (isMap(pair.value)) pair.value.flow = true;
    }
    return node;
  });
  if (discarded === null) return { ok: false, error: 'cannot edit the scenario: spec.actions must be a list' };
  return { ok: true, text: doc.toString(), discarded };
}
