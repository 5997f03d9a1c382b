// LIST for Jobs, Pods and Events: label and field selectors, limit/continue pagination with
// opaque continue tokens (apiserver storage/continue.go: base64url of
// {"v":"meta.k8s.io/v1","rv":<rev>,"start":"<next key>"}), and resourceVersion semantics
// (unset/"0" = latest; NotOlderThan; Exact and continuation served at an older revision
// from the store's event history). Items are ordered by key namespace/name, bytewise.

import { statusError, type StatusError } from './errors';
import { checkListOptions } from './rest_options';
import { base64UrlDecode, base64UrlEncode } from './rest_json';
import { matchesRequirements, parseFieldSelector, parseLabelSelector, type FieldRequirement, type Requirement } from './selectors';
import type { ObjectStore } from './server';
import type { KubeObject } from './types';
import type { ListOptions, NamespaceScope, ObjectList, RestResult } from './rest_types';

export type ResourceName = 'jobs' | 'pods' | 'events';

export interface ResourceInfo {
  resource: ResourceName;
  kind: KubeObject['kind'];
  group: string;
  apiVersion: string;
  listKind: string;
  fields: string[];
  /** The type name in `field label "x" not supported for <kindLabel>`. */
  kindLabel: string;
}

export const RESOURCES: Record<ResourceName, ResourceInfo> = {
  jobs: { resource: 'jobs', kind: 'Job', group: 'batch', apiVersion: 'batch/v1', listKind: 'JobList', fields: ['metadata.name', 'metadata.namespace', 'status.successful'], kindLabel: 'batchv1.Job' },
  pods: {
    resource: 'pods', kind: 'Pod', group: '', apiVersion: 'v1', listKind: 'PodList', kindLabel: '/v1, Kind=Pod',
    fields: ['metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  },
  events: {
    resource: 'events', kind: 'Event', group: '', apiVersion: 'v1', listKind: 'EventList', kindLabel: '/v1, Kind=Event',
    fields: ['metadata.name', 'metadata.namespace', 'involvedObject.kind', 'involvedObject.name', 'involvedObject.namespace', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  },
};

export function objectsOf(store: ObjectStore, r: ResourceName): Map<string, KubeObject> {
  if (r === 'jobs') return store.jobs as Map<string, KubeObject>;
  if (r === 'pods') return store.pods as Map<string, KubeObject>;
  return store.events as Map<string, KubeObject>;
}

/** The value a field selector compares against (the registry's GetAttrs / ToSelectableFields). */
export function fieldValue(obj: KubeObject, field: string): string {
  if (field === 'status.successful' && obj.kind === 'Job') return String(obj.status.succeeded ?? 0);
  if (field === 'source' && obj.kind === 'Event') return obj.source.component;
  let cur: unknown = obj;
  for (const part of field.split('.')) cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[part] : undefined;
  return cur === undefined || cur === null ? '' : String(cur);
}

export interface Filter {
  namespace: NamespaceScope;
  labels: Requirement[];
  fields: FieldRequirement[];
  /** True when a label or field selector narrows the result (no remainingItemCount then). */
  selective: boolean;
}

function parseFilter(info: ResourceInfo, namespace: NamespaceScope, o: { labelSelector?: string; fieldSelector?: string }): { ok: true; filter: Filter } | { ok: false; error: StatusError } {
  const ls = parseLabelSelector(typeof o.labelSelector === 'string' ? o.labelSelector : '');
  if (!ls.ok) return { ok: false, error: statusError(400, 'BadRequest', ls.error) };
  const fs = parseFieldSelector(typeof o.fieldSelector === 'string' ? o.fieldSelector : '', info.fields, info.kindLabel);
  if (!fs.ok) return { ok: false, error: statusError(400, 'BadRequest', fs.error) };
  return { ok: true, filter: { namespace, labels: ls.reqs, fields: fs.reqs, selective: ls.reqs.length + fs.reqs.length > 0 } };
}

/** What LIST and WATCH check first: the options (422), then the selectors (400). */
export function parseRequest<O extends ListOptions>(r: ResourceName, namespace: NamespaceScope, opts: O, watch: boolean): { ok: true; o: O | Record<string, never>; info: ResourceInfo; filter: Filter } | { ok: false; error: StatusError } {
  const o = typeof opts === 'object' && opts !== null ? opts : {};
  const invalid = checkListOptions(o, watch);
  if (invalid) return { ok: false, error: invalid };
  const info = RESOURCES[r];
  const f = parseFilter(info, namespace, o);
  if (!f.ok) return f;
  return { ok: true, o, info, filter: f.filter };
}

export function matches(f: Filter, o: KubeObject): boolean {
  if (f.namespace !== null && o.metadata.namespace !== f.namespace) return false;
  if (!matchesRequirements(o.metadata.labels, f.labels)) return false;
  return f.fields.every((r) => (fieldValue(o, r.field) === r.value) === (r.op === '='));
}

/** The storage key below the list's prefix: `name` in a namespace, `ns/name` across all. */
function relativeKey(o: KubeObject, namespace: NamespaceScope): string {
  const name = o.metadata.name ?? '';
  return namespace === null ? `${o.metadata.namespace ?? 'default'}/${name}` : name;
}

const bytewise = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The matching objects keyed and in key order (bytewise), from key `start` on. */
export function matchingByKey(objects: Iterable<KubeObject>, f: Filter, start = ''): [string, KubeObject][] {
  const keyed: [string, KubeObject][] = [];
  for (const obj of objects) {
    if (!matches(f, obj)) continue;
    const k = relativeKey(obj, f.namespace);
    if (start !== '' && k < start) continue;
    keyed.push([k, obj]);
  }
  return keyed.sort((a, b) => bytewise(a[0], b[0]));
}

const badRequest = (m: string): StatusError => statusError(400, 'BadRequest', m);

export const CONTINUE_EXPIRED =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.';

function decodeContinue(token: string): { ok: true; rv: number; start: string } | { ok: false; error: StatusError } {
  const bad = (m: string): { ok: false; error: StatusError } => ({ ok: false, error: badRequest(`invalid continue token: continue key is not valid: ${m}`) });
  const raw = base64UrlDecode(token);
  if (!raw.ok) return bad(raw.error);
  let c: unknown;
  try {
    c = JSON.parse(raw.text);
  } catch {
    return bad(`invalid character looking for beginning of value`);
  }
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return bad('json: cannot unmarshal into Go value of type storage.continueToken');
  const t = c as { v?: unknown; rv?: unknown; start?: unknown };
  if (t.v !== 'meta.k8s.io/v1') return bad(`server does not recognize this encoded version ${JSON.stringify(typeof t.v === 'string' ? t.v : '')}`);
  if (typeof t.rv !== 'number' || !Number.isInteger(t.rv) || t.rv <= 0) return bad('incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  if (typeof t.start !== 'string' || t.start === '') return bad('encoded start key empty (version meta.k8s.io/v1)');
  if (t.start.split('/').some((seg) => seg === '..' || seg === '.')) return bad(t.start);
  return { ok: true, rv: t.rv, start: t.start };
}

export function encodeContinue(rv: number, start: string): string {
  return base64UrlEncode(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start }));
}

/** strconv.ParseUint of a resourceVersion, as the storage versioner does (UNVERIFIED: 500 with reason ""). */
export function parseResourceVersion(rv: string): { ok: true; rv: number } | { ok: false; error: StatusError } {
  if (rv === '' || rv === '0') return { ok: true, rv: 0 };
  if (!/^\d{1,19}$/.test(rv)) {
    return { ok: false, error: statusError(500, '', `resourceVersion: Invalid value: ${JSON.stringify(rv)}: strconv.ParseUint: parsing ${JSON.stringify(rv)}: invalid syntax`) };
  }
  return { ok: true, rv: Number(rv) };
}

export const tooLargeRv = (wanted: number, current: number): StatusError =>
  statusError(504, 'Timeout', `Timeout: Too large resource version: ${wanted}, current: ${current}`, {
    causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version', field: '' }],
    retryAfterSeconds: 1,
  });

/** The revision to read at and its state, or the error for an impossible read. */
function readState(store: ObjectStore, r: ResourceName, o: ListOptions): { ok: true; rev: number; state: Map<string, KubeObject>; start: string } | { ok: false; error: StatusError } {
  const current = store.currentRevision();
  const cont = typeof o.continue === 'string' ? o.continue : '';
  const rvText = typeof o.resourceVersion === 'string' ? o.resourceVersion : '';
  if (cont !== '') {
    if (rvText !== '' && rvText !== '0') return { ok: false, error: badRequest('specifying resource version is not allowed when using continue') };
    const t = decodeContinue(cont);
    if (!t.ok) return t;
    if (t.rv > current) return { ok: false, error: tooLargeRv(t.rv, current) };
    const snap = t.rv === current ? objectsOf(store, r) : store.history.snapshot(RESOURCES[r].kind, objectsOf(store, r), t.rv);
    if (snap === null) return { ok: false, error: statusError(410, 'Expired', CONTINUE_EXPIRED) };
    return { ok: true, rev: t.rv, state: snap, start: t.start };
  }
  const p = parseResourceVersion(rvText);
  if (!p.ok) return p;
  if (p.rv > current) return { ok: false, error: tooLargeRv(p.rv, current) };
  if (o.resourceVersionMatch === 'Exact' && p.rv !== current) {
    const snap = store.history.snapshot(RESOURCES[r].kind, objectsOf(store, r), p.rv);
    if (snap === null) return { ok: false, error: statusError(410, 'Expired', 'The resourceVersion for the provided list is too old.') };
    return { ok: true, rev: p.rv, state: snap, start: '' };
  }
  return { ok: true, rev: current, state: objectsOf(store, r), start: '' };
}

export function listObjects<T extends KubeObject>(store: ObjectStore, r: ResourceName, namespace: NamespaceScope, opts: ListOptions = {}): RestResult<ObjectList<T>> {
  const req = parseRequest(r, namespace, opts, false);
  if (!req.ok) return req;
  const { o, info, filter } = req;
  const read = readState(store, r, o);
  if (!read.ok) return read;
  const keyed = matchingByKey(read.state.values(), filter, read.start);
  const limit = typeof o.limit === 'number' && Number.isFinite(o.limit) && o.limit > 0 ? Math.floor(o.limit) : 0;
  const page = limit > 0 ? keyed.slice(0, limit) : keyed;
  const metadata: ObjectList<T>['metadata'] = { resourceVersion: String(read.rev) };
  if (limit > 0 && keyed.length > limit) {
    const last = page[page.length - 1];
    metadata.continue = encodeContinue(read.rev, `${last?.[0] ?? ''}\u0000`);
    if (!filter.selective) metadata.remainingItemCount = keyed.length - limit;
  }
  const items = page.map(([, obj]) => obj as T);
  return { ok: true, code: 200, warnings: [], value: { apiVersion: info.apiVersion, kind: info.listKind, metadata, items } };
}
