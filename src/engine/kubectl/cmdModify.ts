// `kubectl patch`, `delete`, `label` and `annotate` (k8s.io/kubectl/pkg/cmd/{patch,delete,label,annotate}).

import { parse as parseYaml } from 'yaml';
import type { Job, Pod } from '../api/types';
import type { ApiResult, DeleteOptions, PatchType } from './api';
import { flagBool, flagInt, flagString, type FlagSpec } from './flags';
import { toCompactJson } from './output';
import { apiErrorText, kindLabel, namespaceOf, parseTargets, type Env, type ResourceKind } from './shared';

export const PATCH_FLAGS: FlagSpec[] = [
  { name: 'patch', short: 'p', kind: 'string' },
  { name: 'type', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
];

export const DELETE_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'all', kind: 'bool' },
  { name: 'cascade', kind: 'string', noOptDefault: 'background' },
  { name: 'grace-period', kind: 'int' },
  { name: 'now', kind: 'bool' },
  { name: 'force', kind: 'bool' },
  { name: 'ignore-not-found', kind: 'bool' },
  { name: 'wait', kind: 'bool' },
  { name: 'output', short: 'o', kind: 'string' },
];

export const LABEL_FLAGS: FlagSpec[] = [
  { name: 'overwrite', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'all', kind: 'bool' },
];

type Obj = Job | Pod;

function getObj(env: Env, kind: ResourceKind, ns: string, name: string): ApiResult<Obj> {
  return kind === 'jobs' ? env.api.getJob(ns, name) : env.api.getPod(ns, name);
}

function patchObj(env: Env, kind: ResourceKind, ns: string, name: string, t: PatchType, p: string): ApiResult<Obj> {
  return kind === 'jobs' ? env.api.patchJob(ns, name, t, p) : env.api.patchPod(ns, name, t, p);
}

/** Objects named by args, or selected by -l / --all; errors are printed. */
function resolveObjects(env: Env, kind: ResourceKind, names: string[]): Obj[] {
  const ns = namespaceOf(env);
  if (names.length === 0) {
    const opts = { namespace: ns, labelSelector: flagString(env.flags, 'selector') };
    const r = kind === 'jobs' ? env.api.listJobs(opts) : env.api.listPods(opts);
    if (r.ok) return r.value;
    env.out.err(apiErrorText(r.error));
    return [];
  }
  const found: Obj[] = [];
  for (const n of names) {
    const r = getObj(env, kind, ns, n);
    if (r.ok) found.push(r.value);
    else if (!(flagBool(env.flags, 'ignore-not-found') && r.error.reason === 'NotFound')) env.out.err(apiErrorText(r.error));
  }
  return found;
}

export function runPatch(env: Env): void {
  const targets = parseTargets(env.flags.args);
  if (!targets.ok) return env.out.err(targets.error);
  const g = targets.groups[0];
  if (!g || g.names.length === 0 || g.kind === 'events') {
    return env.out.err("error: resource(s) were provided, but no name was specified\nSee 'kubectl patch -h' for help and examples");
  }
  const text = flagString(env.flags, 'patch');
  if (text === undefined || text === '') return env.out.err('error: must specify -p to patch');
  const type = (flagString(env.flags, 'type') ?? 'strategic') as PatchType;
  if (!['json', 'merge', 'strategic'].includes(type)) {
    return env.out.err(`error: --type must be one of [json merge strategic], not "${type}"`);
  }
  let body: unknown;
  try {
    body = parseYaml(text, { logLevel: 'error', maxAliasCount: 1000 }) as unknown;
  } catch (e) {
    return env.out.err(`error: unable to parse "${text}": yaml: ${(e as Error).message.split('\n')[0] ?? ''}`);
  }
  const ns = namespaceOf(env);
  for (const name of g.names) {
    const before = getObj(env, g.kind, ns, name);
    if (!before.ok) {
      env.out.err(apiErrorText(before.error));
      continue;
    }
    const r = patchObj(env, g.kind, ns, name, type, JSON.stringify(body));
    env.out.warnings(r);
    if (!r.ok) {
      env.out.err(apiErrorText(r.error));
      continue;
    }
    const same = toCompactJson(before.value) === toCompactJson(r.value);
    env.out.out(`${kindLabel(g.kind)}/${name} patched${same ? ' (no change)' : ''}`);
  }
}

function deleteOptions(env: Env): DeleteOptions | string {
  const cascade = flagString(env.flags, 'cascade') ?? 'background';
  const map: Record<string, DeleteOptions['propagationPolicy']> = {
    background: 'Background',
    true: 'Background',
    foreground: 'Foreground',
    orphan: 'Orphan',
    false: 'Orphan',
  };
  const policy = map[cascade.toLowerCase()];
  if (!policy) return `error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`;
  if (cascade === 'true' || cascade === 'false') {
    env.out.note(`warning: --cascade=${cascade} is deprecated (boolean value) and can be replaced with --cascade=${cascade === 'true' ? 'background' : 'orphan'}.`);
  }
  let grace = flagInt(env.flags, 'grace-period') ?? -1;
  if (flagBool(env.flags, 'now')) {
    if (grace !== -1) return 'error: --now and --grace-period cannot be specified together';
    grace = 1;
  }
  const force = flagBool(env.flags, 'force');
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace === 0) {
    env.out.note('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.');
  }
  const opts: DeleteOptions = { propagationPolicy: policy };
  if (grace >= 0) opts.gracePeriodSeconds = grace;
  return opts;
}

export function runDelete(env: Env): void {
  const targets = parseTargets(env.flags.args);
  if (!targets.ok) return env.out.err(targets.error);
  if (targets.groups.length === 0) {
    return env.out.err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  const opts = deleteOptions(env);
  if (typeof opts === 'string') return env.out.err(opts);
  const selected = flagString(env.flags, 'selector') !== undefined || flagBool(env.flags, 'all');
  let found = 0;
  for (const g of targets.groups) {
    if (g.kind === 'events') return env.out.err('error: deleting events is not supported in the playground');
    if (g.names.length === 0 && !selected) {
      return env.out.err("error: resource(s) were provided, but no name was specified");
    }
    for (const obj of resolveObjects(env, g.kind, g.names)) {
      found++;
      const ns = obj.metadata.namespace ?? namespaceOf(env);
      const name = obj.metadata.name ?? '';
      const r = g.kind === 'jobs' ? env.api.deleteJob(ns, name, opts) : env.api.deletePod(ns, name, opts);
      env.out.warnings(r);
      if (!r.ok) {
        env.out.err(apiErrorText(r.error));
        continue;
      }
      const op = opts.gracePeriodSeconds === 0 ? 'force deleted' : 'deleted';
      if (flagString(env.flags, 'output') === 'name') env.out.out(`${kindLabel(g.kind)}/${name}`);
      else env.out.out(`${kindLabel(g.kind)} "${name}" ${op} from ${ns} namespace`);
    }
  }
  if (found === 0 && selected && !env.out.failed) env.out.out('No resources found');
}

/** Split `k=v` / `k-` updates from names (kubectl label/annotate argument parsing). */
function splitUpdates(args: string[]): { rest: string[]; set: [string, string][]; remove: string[] } {
  const set: [string, string][] = [];
  const remove: string[] = [];
  const rest: string[] = [];
  args.forEach((a, i) => {
    if (i > 0 && a.includes('=')) set.push([a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]);
    else if (i > 0 && a.endsWith('-') && a.length > 1) remove.push(a.slice(0, -1));
    else rest.push(a);
  });
  return { rest, set, remove };
}

/** `kubectl label` and `kubectl annotate`. */
export function runLabelLike(env: Env, field: 'labels' | 'annotations'): void {
  const { rest, set, remove } = splitUpdates(env.flags.args);
  const what = field === 'labels' ? 'label' : 'annotation';
  if (set.length + remove.length === 0) return env.out.err(`error: at least one ${what} update is required`);
  const targets = parseTargets(rest);
  if (!targets.ok) return env.out.err(targets.error);
  const g = targets.groups[0];
  if (!g || g.kind === 'events') return env.out.err("error: one or more resources must be specified as <resource> <name> or <resource>/<name>");
  const selected = flagString(env.flags, 'selector') !== undefined || flagBool(env.flags, 'all');
  if (g.names.length === 0 && !selected) return env.out.err("error: resource(s) were provided, but no name was specified");
  for (const obj of resolveObjects(env, g.kind, g.names)) {
    const name = obj.metadata.name ?? '';
    const current = { ...(obj.metadata[field] ?? {}) };
    const conflict = set.find(([k, v]) => k in current && current[k] !== v && !flagBool(env.flags, 'overwrite'));
    if (conflict) {
      env.out.err(`error: '${conflict[0]}' already has a value (${current[conflict[0]] ?? ''}), and --overwrite is false`);
      continue;
    }
    const delta: Record<string, string | null> = {};
    for (const k of remove) {
      if (!(k in current) && field === 'labels') env.out.out(`label "${k}" not found.`);
      else if (k in current) delta[k] = null;
    }
    for (const [k, v] of set) delta[k] = v;
    const ns = obj.metadata.namespace ?? namespaceOf(env);
    const r = patchObj(env, g.kind, ns, name, 'merge', JSON.stringify({ metadata: { [field]: delta } }));
    env.out.warnings(r);
    if (!r.ok) {
      env.out.err(apiErrorText(r.error));
      continue;
    }
    const after = r.value.metadata[field] ?? {};
    let msg = field === 'labels' ? 'labeled' : 'annotated';
    if (field === 'labels') {
      const changed = toCompactJson(current) !== toCompactJson(after);
      if (!changed) msg = 'not labeled';
      else if (!flagBool(env.flags, 'overwrite') && Object.keys(after).length < Object.keys(current).length) msg = 'unlabeled';
    }
    env.out.out(`${kindLabel(g.kind)}/${name} ${msg}`);
  }
}
