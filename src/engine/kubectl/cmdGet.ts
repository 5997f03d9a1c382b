// `kubectl get` (k8s.io/kubectl/pkg/cmd/get): tables, -o wide|yaml|json|name|jsonpath=,
// selectors, -A, --no-headers, --show-labels, several resource types at once.

import type { Job, KubeEvent, Pod } from '../api/types';
import type { ApiResult, ListOptions } from './api';
import { flagBool, flagString, type FlagSpec } from './flags';
import { eventsTable } from './getEvents';
import { jobsTable } from './getJobs';
import { podsTable } from './getPods';
import { evalJsonPath } from './jsonpath';
import { asList, nameOf, toKubectlJson, toKubectlYaml } from './output';
import type { TableOptions } from './table';
import {
  allNamespaces,
  apiErrorText,
  kindLabel,
  namespaceOf,
  noResources,
  parseTargets,
  type Env,
  type ResourceKind,
} from './shared';
import { jsonClone } from '../api/json_clone';

export const GET_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'field-selector', kind: 'string' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'no-headers', kind: 'bool' },
  { name: 'show-labels', kind: 'bool' },
  { name: 'show-kind', kind: 'bool' },
  { name: 'watch', short: 'w', kind: 'bool' },
  { name: 'allow-missing-template-keys', kind: 'bool' },
  { name: 'ignore-not-found', kind: 'bool' },
];

type AnyObj = Job | Pod | KubeEvent;

const FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

function listKind(env: Env, kind: ResourceKind, opts: ListOptions): ApiResult<AnyObj[]> {
  if (kind === 'jobs') return env.api.listJobs(opts);
  if (kind === 'pods') return env.api.listPods(opts);
  return env.api.listEvents(opts);
}

function getOne(env: Env, kind: ResourceKind, ns: string, name: string): ApiResult<AnyObj> {
  if (kind === 'jobs') return env.api.getJob(ns, name);
  if (kind === 'pods') return env.api.getPod(ns, name);
  const r = env.api.listEvents({ namespace: ns, fieldSelector: `metadata.name=${name}` });
  if (!r.ok) return r;
  const found = r.value.find((e) => e.metadata.name === name);
  if (found) return { ok: true, value: found };
  return {
    ok: false,
    error: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: `events "${name}" not found`, details: { name, kind: 'events' } },
  };
}

function table(env: Env, kind: ResourceKind, items: AnyObj[], opts: TableOptions): string {
  const { nowMs, clockStart } = env.ctx;
  if (kind === 'jobs') return jobsTable(items as Job[], nowMs, clockStart, opts);
  if (kind === 'pods') return podsTable(items as Pod[], nowMs, clockStart, opts);
  return eventsTable(items as KubeEvent[], nowMs, clockStart, opts);
}

/** Fetch every requested object; API errors go to stderr and the rest continues. */
function collect(env: Env, groups: { kind: ResourceKind; names: string[] }[]): { kind: ResourceKind; items: AnyObj[] }[] {
  const all = allNamespaces(env);
  const ns = namespaceOf(env);
  const selector = flagString(env.flags, 'selector');
  const fieldSelector = flagString(env.flags, 'field-selector');
  const result: { kind: ResourceKind; items: AnyObj[] }[] = [];
  for (const g of groups) {
    const items: AnyObj[] = [];
    if (g.names.length === 0) {
      const r = listKind(env, g.kind, { namespace: all ? undefined : ns, labelSelector: selector, fieldSelector });
      if (r.ok) for (const x of r.value) items.push(x); // no spread: a list may exceed the argument limit
      else env.out.err(apiErrorText(r.error));
    } else {
      for (const name of g.names) {
        const r = getOne(env, g.kind, ns, name);
        if (r.ok) items.push(r.value);
        else if (!(flagBool(env.flags, 'ignore-not-found') && r.error.reason === 'NotFound')) env.out.err(apiErrorText(r.error));
      }
    }
    result.push({ kind: g.kind, items });
  }
  return result;
}

function printStructured(env: Env, output: string, objs: AnyObj[], single: boolean): void {
  const data = single && objs.length === 1 ? objs[0] : asList(objs);
  if (output === 'json') env.out.out(toKubectlJson(data));
  else if (output === 'yaml') env.out.out(toKubectlYaml(data));
  else {
    const tpl = output.slice(output.indexOf('=') + 1);
    const allow = flagBool(env.flags, 'allow-missing-template-keys', true);
    const r = evalJsonPath(tpl, jsonClone<unknown>(data), allow);
    if (r.ok) env.out.stdout += r.text;
    else env.out.err(r.error);
  }
}

export function runGet(env: Env): void {
  const output = flagString(env.flags, 'output') ?? '';
  const known = ['', 'wide', 'json', 'yaml', 'name'].includes(output) || /^jsonpath=/.test(output);
  if (!known) {
    env.out.err(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${FORMATS}`);
    return;
  }
  if (flagBool(env.flags, 'watch')) {
    env.out.err('error: --watch is not supported here: the playground prints one snapshot per command');
    return;
  }
  const targets = parseTargets(env.flags.args);
  if (!targets.ok) return env.out.err(targets.error);
  if (targets.groups.length === 0) {
    env.out.err(
      "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples",
    );
    return;
  }
  const named = targets.groups.some((g) => g.names.length > 0);
  if (named && flagString(env.flags, 'selector') !== undefined) {
    env.out.err('error: name cannot be provided when a selector is specified');
    return;
  }
  const results = collect(env, targets.groups);
  const objs = results.flatMap((r) => r.items);
  if (output === 'json' || output === 'yaml' || output.startsWith('jsonpath=')) {
    const single = targets.groups.length === 1 && (targets.groups[0]?.names.length ?? 0) === 1;
    if (objs.length > 0 || !single) printStructured(env, output, objs, single);
    return;
  }
  if (output === 'name') {
    for (const o of objs) env.out.out(nameOf(o));
    if (objs.length === 0 && !named) env.out.note(noResources(env));
    return;
  }
  const opts: TableOptions = {
    wide: output === 'wide',
    allNamespaces: allNamespaces(env),
    noHeaders: flagBool(env.flags, 'no-headers'),
    showLabels: flagBool(env.flags, 'show-labels'),
  };
  const printed = results.filter((r) => r.items.length > 0);
  const multi = results.length > 1 || flagBool(env.flags, 'show-kind');
  printed.forEach((r, i) => {
    if (i > 0) env.out.stdout += '\n';
    env.out.stdout += table(env, r.kind, r.items, { ...opts, kindPrefix: multi ? kindLabel(r.kind) : undefined });
  });
  if (objs.length === 0 && !named) env.out.note(noResources(env));
}
