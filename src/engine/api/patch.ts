// Patch semantics of the API server for Jobs: JSON Patch (RFC 6902), JSON merge patch
// (RFC 7386) and strategic merge patch with the merge keys of the Job's lists
// (k8s.io/api patchMergeKey tags: containers/initContainers by name, env by name,
// ports by containerPort, volumes by name, volumeMounts by mountPath, conditions by type).

import type { JsonValue } from './types';
import { statusError, type StatusError } from './errors';
import { jsonClone } from './json_clone';

type Obj = { [k: string]: JsonValue };
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergePatch(target: JsonValue, patch: JsonValue): JsonValue {
  if (!isObj(patch)) return jsonClone(patch);
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k] ?? null, v);
  }
  return out;
}

const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  ports: 'containerPort',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  conditions: 'type',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
};

export function strategicMergePatch(target: JsonValue, patch: JsonValue): JsonValue {
  if (!isObj(patch)) return jsonClone(patch);
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) continue;
    if (v === null) {
      delete out[k];
      continue;
    }
    const key = MERGE_KEYS[k];
    const cur = out[k];
    if (key !== undefined && Array.isArray(v) && Array.isArray(cur)) {
      out[k] = mergeList(cur, v, key);
    } else {
      out[k] = strategicMergePatch(cur ?? null, v);
    }
  }
  // `$deleteFromPrimitiveList/<field>` removes values from a list of strings (finalizers).
  for (const [k, v] of Object.entries(patch)) {
    const m = /^\$deleteFromPrimitiveList\/(.+)$/.exec(k);
    if (m && Array.isArray(v) && Array.isArray(out[m[1] as string])) {
      out[m[1] as string] = (out[m[1] as string] as JsonValue[]).filter((x) => !v.includes(x));
    }
  }
  return out;
}

function mergeList(cur: JsonValue[], patch: JsonValue[], key: string): JsonValue[] {
  const out = [...cur];
  for (const item of patch) {
    if (!isObj(item)) continue;
    const id = item[key];
    const i = out.findIndex((x) => isObj(x) && x[key] === id);
    if (item.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    if (i >= 0) out[i] = strategicMergePatch(out[i] as JsonValue, item);
    else out.push(strategicMergePatch(null, item));
  }
  return out;
}

interface JsonPatchOp {
  op: string;
  path: string;
  value?: JsonValue;
  from?: string;
}

const REJECTED = (): StatusError =>
  statusError(422, 'Invalid', 'the server rejected our request due to an error in our request');

function parsePointer(path: string): string[] | null {
  if (path === '') return [];
  if (!path.startsWith('/')) return null;
  return path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getAt(doc: JsonValue, parts: string[]): JsonValue | undefined {
  let cur: JsonValue | undefined = doc;
  for (const p of parts) {
    if (Array.isArray(cur)) cur = cur[Number(p)];
    else if (isObj(cur)) cur = cur[p];
    else return undefined;
  }
  return cur;
}

function applyOp(doc: JsonValue, op: JsonPatchOp): JsonValue | null {
  const parts = parsePointer(op.path);
  if (parts === null) return null;
  if (op.op === 'test') return JSON.stringify(getAt(doc, parts)) === JSON.stringify(op.value) ? doc : null;
  if (op.op === 'copy' || op.op === 'move') {
    const from = op.from === undefined ? null : parsePointer(op.from);
    if (from === null) return null;
    const v = getAt(doc, from);
    if (v === undefined) return null;
    const removed = op.op === 'move' ? applyOp(doc, { op: 'remove', path: op.from ?? '' }) : doc;
    if (removed === null) return null;
    return applyOp(removed, { op: 'add', path: op.path, value: jsonClone(v) });
  }
  if (parts.length === 0) return op.op === 'remove' ? null : jsonClone(op.value ?? null);
  const parent = getAt(doc, parts.slice(0, -1));
  const last = parts[parts.length - 1] as string;
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(i) || i < 0 || i > parent.length) return null;
    if (op.op === 'add') parent.splice(i, 0, jsonClone(op.value ?? null));
    else if (op.op === 'remove' && i < parent.length) parent.splice(i, 1);
    else if (op.op === 'replace' && i < parent.length) parent[i] = jsonClone(op.value ?? null);
    else return null;
    return doc;
  }
  if (!isObj(parent)) return null;
  if (op.op === 'add') parent[last] = jsonClone(op.value ?? null);
  else if (op.op === 'remove' && last in parent) delete parent[last];
  else if (op.op === 'replace' && last in parent) parent[last] = jsonClone(op.value ?? null);
  else return null;
  return doc;
}

export function jsonPatch(target: JsonValue, ops: unknown): { ok: true; value: JsonValue } | { ok: false; error: StatusError } {
  if (!Array.isArray(ops)) {
    return { ok: false, error: statusError(400, 'BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch') };
  }
  if (ops.length > 10000) {
    return { ok: false, error: statusError(413, 'RequestEntityTooLarge', `Request entity too large: The allowed maximum operations in a JSON patch is 10000, got ${ops.length}`) };
  }
  let doc: JsonValue = jsonClone(target);
  for (const op of ops) {
    if (!isObj(op) || typeof op.op !== 'string' || typeof op.path !== 'string') return { ok: false, error: REJECTED() };
    const next = applyOp(doc, op as unknown as JsonPatchOp);
    if (next === null) return { ok: false, error: REJECTED() };
    doc = next;
  }
  return { ok: true, value: doc };
}

export type PatchType = 'json' | 'merge' | 'strategic';

/** Patches a copy of `target` (a stored object, never mutated); the result shares nothing with it. */
export function applyPatch(target: JsonValue, type: PatchType, patch: unknown): { ok: true; value: JsonValue } | { ok: false; error: StatusError } {
  // jsonPatch copies the target itself; the merge patches keep untouched subtrees, hence the copy.
  if (type === 'json') return jsonPatch(target, patch);
  if (!isObj(patch)) {
    return { ok: false, error: statusError(400, 'BadRequest', `error decoding patch: json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`) };
  }
  const doc = jsonClone(target);
  const value = type === 'merge' ? mergePatch(doc, patch as JsonValue) : strategicMergePatch(doc, patch as JsonValue);
  return { ok: true, value };
}
