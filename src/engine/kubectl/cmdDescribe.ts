// `kubectl describe job|pod [NAME...] [-l selector]` (k8s.io/kubectl/pkg/cmd/describe):
// several objects are separated by a blank line; events are searched by involvedObject.

import type { Job, KubeEvent, Pod } from '../api/types';
import { describeJob, describePod } from './describe';
import { flagString, type FlagSpec } from './flags';
import { allNamespaces, apiErrorText, namespaceOf, noResources, parseTargets, type Env } from './shared';

export const DESCRIBE_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'show-events', kind: 'bool' },
];

/** searchEvents: events whose involvedObject is this object (kind, name, namespace, uid). */
function eventsFor(env: Env, kind: 'Job' | 'Pod', obj: Job | Pod): KubeEvent[] {
  const r = env.api.listEvents({ namespace: obj.metadata.namespace });
  if (!r.ok) return [];
  return r.value.filter((e) => {
    const io = e.involvedObject;
    if (io.name !== obj.metadata.name) return false;
    if (io.kind && io.kind !== kind) return false;
    if (io.uid && obj.metadata.uid && io.uid !== obj.metadata.uid) return false;
    return true;
  });
}

function describeOne(env: Env, obj: Job | Pod): string {
  const { nowMs, clockStart } = env.ctx;
  if (obj.kind === 'Job') {
    return describeJob(obj, [], eventsFor(env, 'Job', obj), nowMs, clockStart);
  }
  return describePod(obj, eventsFor(env, 'Pod', obj), nowMs, clockStart);
}

export function runDescribe(env: Env): void {
  const targets = parseTargets(env.flags.args);
  if (!targets.ok) return env.out.err(targets.error);
  if (targets.groups.length === 0) {
    env.out.err("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl describe -h' for help and examples");
    return;
  }
  const ns = namespaceOf(env);
  const found: (Job | Pod)[] = [];
  for (const g of targets.groups) {
    if (g.kind === 'events') {
      env.out.err('error: describe supports jobs and pods in this playground');
      return;
    }
    if (g.names.length === 0) {
      const opts = { namespace: allNamespaces(env) ? undefined : ns, labelSelector: flagString(env.flags, 'selector') };
      const r = g.kind === 'jobs' ? env.api.listJobs(opts) : env.api.listPods(opts);
      if (r.ok) for (const x of r.value) found.push(x); // no spread: a list may exceed the argument limit
      else env.out.err(apiErrorText(r.error));
      continue;
    }
    for (const name of g.names) {
      const r = g.kind === 'jobs' ? env.api.getJob(ns, name) : env.api.getPod(ns, name);
      if (r.ok) found.push(r.value);
      else env.out.err(apiErrorText(r.error));
    }
  }
  found.forEach((obj, i) => {
    env.out.stdout += (i === 0 ? '' : '\n\n') + describeOne(env, obj);
  });
  const named = targets.groups.some((g) => g.names.length > 0);
  if (found.length === 0 && !named && !env.out.failed) env.out.note(noResources(env));
}
