// `kubectl create -f` and client-side `kubectl apply -f` (k8s.io/kubectl/pkg/cmd/apply).
// Apply stores the last-applied-configuration annotation and sends a three-way
// patch; here it is a JSON merge patch (lists replaced whole), which for a Job
// manifest sends the same changes as kubectl's strategic patch in practice.

import { parseAllDocuments } from 'yaml';
import type { Job, JsonObject, JsonValue } from '../api/types';
import { flagList, flagString, type FlagSpec } from './flags';
import { toCompactJson } from './output';
import { apiErrorText, namespaceOf, type Env } from './shared';
import { jsonClone } from '../api/json_clone';

export const CREATE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', kind: 'strings' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'validate', kind: 'string', noOptDefault: 'strict' },
];

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Doc = { ok: true; obj: JsonObject } | { ok: false; error: string };

/** Read and decode every document of every -f file, as kubectl's builder does. */
function readDocs(env: Env): Doc[] | string {
  const files = flagList(env.flags, 'filename');
  if (files.length === 0) return "error: must specify one of -f and -k";
  const docs: Doc[] = [];
  for (const f of files) {
    if (f === '-') return 'error: reading from stdin (-f -) is not supported in the playground; pass a file name';
    const text = env.ctx.files?.[f];
    if (text === undefined) return `error: the path "${f}" does not exist`;
    for (const d of parseAllDocuments(text, { logLevel: 'error' })) {
      if (d.errors.length > 0) {
        const first = (d.errors[0]?.message ?? '').split('\n')[0] ?? '';
        return `error: error parsing ${f}: error converting YAML to JSON: yaml: ${first}`;
      }
      const js: unknown = d.toJS();
      if (js === null || js === undefined) continue;
      if (!isObject(js)) {
        docs.push({ ok: false, error: `error: error parsing ${f}: error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(js) ? 'array' : typeof js} into Go value of type map[string]interface {}` });
      } else docs.push(checkKind(js, f));
    }
  }
  if (docs.length === 0) return 'error: no objects passed to create';
  return docs;
}

function checkKind(obj: JsonObject, file: string): Doc {
  const kind = obj.kind;
  const apiVersion = obj.apiVersion;
  if (typeof kind !== 'string' || kind === '') {
    return { ok: false, error: `error: error validating "${file}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false` };
  }
  if (typeof apiVersion !== 'string' || apiVersion === '') {
    return { ok: false, error: `error: error validating "${file}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false` };
  }
  if (kind !== 'Job' || apiVersion !== 'batch/v1') {
    const meta = isObject(obj.metadata) ? obj.metadata : {};
    const name = typeof meta.name === 'string' ? meta.name : '';
    return { ok: false, error: `error: resource mapping not found for name: "${name}" namespace: "" from "${file}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first` };
  }
  return { ok: true, obj };
}

/** The namespace a manifest goes to; kubectl refuses a mismatch with -n. */
function targetNamespace(env: Env, obj: JsonObject): string | { error: string } {
  const meta = isObject(obj.metadata) ? obj.metadata : {};
  const own = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined;
  const flag = flagString(env.flags, 'namespace');
  if (own && flag && own !== flag) {
    return { error: `error: the namespace from the provided object "${own}" does not match the namespace "${flag}". You must pass '--namespace=${own}' to perform this operation.` };
  }
  return own ?? namespaceOf(env);
}

function fileOf(env: Env): string {
  return flagList(env.flags, 'filename')[0] ?? '';
}

export function runCreate(env: Env): void {
  const docs = readDocs(env);
  if (typeof docs === 'string') return env.out.err(docs);
  for (const d of docs) {
    if (!d.ok) {
      env.out.err(d.error);
      continue;
    }
    const ns = targetNamespace(env, d.obj);
    if (typeof ns !== 'string') {
      env.out.err(ns.error);
      continue;
    }
    const r = env.api.createJob(ns, d.obj);
    env.out.warnings(r);
    if (r.ok) env.out.out(`job.batch/${r.value.metadata.name ?? ''} created`);
    else env.out.err(apiErrorText(r.error, `error when creating "${fileOf(env)}"`));
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  return toCompactJson(a) === toCompactJson(b);
}

/** Three-way JSON merge patch: changes from current to modified, deletions of keys dropped since original. */
export function threeWayMergePatch(original: JsonObject, modified: JsonObject, current: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const [k, mv] of Object.entries(modified)) {
    const cv = current[k];
    if (isObject(mv) && isObject(cv)) {
      const ov = original[k];
      const sub = threeWayMergePatch(isObject(ov) ? ov : {}, mv, cv);
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else if (!deepEqual(mv, cv)) {
      patch[k] = mv;
    }
  }
  for (const k of Object.keys(original)) {
    if (!(k in modified) && k in current) patch[k] = null;
  }
  return patch;
}

function withLastApplied(obj: JsonObject): JsonObject {
  const copy = jsonClone(obj) as JsonObject;
  const meta: JsonObject = isObject(copy.metadata) ? copy.metadata : {};
  const ann: JsonObject = isObject(meta.annotations) ? meta.annotations : {};
  delete ann[LAST_APPLIED];
  const applied = toCompactJson({ ...copy, metadata: { ...meta, annotations: Object.keys(ann).length ? ann : undefined } }) + '\n';
  meta.annotations = { ...ann, [LAST_APPLIED]: applied };
  copy.metadata = meta;
  return copy;
}

function applyOne(env: Env, obj: JsonObject): void {
  const ns = targetNamespace(env, obj);
  if (typeof ns !== 'string') return env.out.err(ns.error);
  const meta = isObject(obj.metadata) ? obj.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (name === '') return env.out.err('error: error when retrieving current configuration: resource name may not be empty');
  const modified = withLastApplied(obj);
  const live = env.api.getJob(ns, name);
  if (!live.ok && live.error.reason === 'NotFound') {
    const r = env.api.createJob(ns, modified);
    env.out.warnings(r);
    if (r.ok) env.out.out(`job.batch/${r.value.metadata.name ?? name} created`);
    else env.out.err(apiErrorText(r.error, `error when creating "${fileOf(env)}"`));
    return;
  }
  if (!live.ok) return env.out.err(apiErrorText(live.error, `error when retrieving current configuration of "${fileOf(env)}"`));
  const current = jsonClone<unknown>(live.value) as JsonObject;
  const lastText = (live.value as Job).metadata.annotations?.[LAST_APPLIED];
  if (lastText === undefined) {
    env.out.note(
      `Warning: resource jobs/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. ` +
        'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. ' +
        'The missing annotation will be patched automatically.',
    );
  }
  let original: JsonObject = {};
  try {
    const parsed: JsonValue = lastText ? (JSON.parse(lastText) as JsonValue) : {};
    if (isObject(parsed)) original = parsed;
  } catch {
    original = {};
  }
  const patch = threeWayMergePatch(original, modified, current);
  if (Object.keys(patch).length === 0) return env.out.out(`job.batch/${name} unchanged`);
  const r = env.api.patchJob(ns, name, 'merge', JSON.stringify(patch));
  env.out.warnings(r);
  if (r.ok) env.out.out(`job.batch/${name} configured`);
  else env.out.err(apiErrorText(r.error, `error when patching "${fileOf(env)}"`));
}

export function runApply(env: Env): void {
  const docs = readDocs(env);
  if (typeof docs === 'string') return env.out.err(docs.replace('passed to create', 'passed to apply'));
  for (const d of docs) {
    if (d.ok) applyOne(env, d.obj);
    else env.out.err(d.error);
  }
}
