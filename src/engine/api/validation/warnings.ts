// Warnings returned on create (and on update when the spec changed). Mirrors
// pkg/registry/batch/job/strategy.go WarningsOnCreate, pkg/api/job/warnings.go and the parts of
// pkg/api/pod/warnings.go that apply to a Job's pod template.

import type { Job } from '../types';
import { isDNS1123Label } from './names';
import { fractionalMemoryWarnings } from './resources';
import { arr, isObj, num, str, strMap, type Obj } from './util';

const DEPRECATED_NODE_LABELS: Record<string, string> = {
  'beta.kubernetes.io/arch': 'deprecated since v1.14; use "kubernetes.io/arch" instead',
  'beta.kubernetes.io/os': 'deprecated since v1.14; use "kubernetes.io/os" instead',
  'failure-domain.beta.kubernetes.io/region': 'deprecated since v1.17; use "topology.kubernetes.io/region" instead',
  'failure-domain.beta.kubernetes.io/zone': 'deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
  'beta.kubernetes.io/instance-type': 'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead',
};

interface PortSeen {
  path: string;
  hostIP: string;
  hostPort: number;
}

/** Init containers first, then regular containers (pods.VisitContainersWithPath order). */
function visitContainers(spec: Obj, path: string, fn: (c: Obj, p: string) => void): void {
  arr(spec, 'initContainers').forEach((c, i) => fn(isObj(c) ? c : {}, `${path}.initContainers[${i}]`));
  arr(spec, 'containers').forEach((c, i) => fn(isObj(c) ? c : {}, `${path}.containers[${i}]`));
}

function portWarnings(spec: Obj, path: string): string[] {
  const out: string[] = [];
  const all = new Map<string, PortSeen[]>();
  visitContainers(spec, path, (c, cp) => {
    arr(c, 'ports').forEach((p, i) => {
      const pp = `${cp}.ports[${i}]`;
      const cur: PortSeen = { path: pp, hostIP: str(p, 'hostIP'), hostPort: num(p, 'hostPort') ?? 0 };
      const k = `${num(p, 'containerPort') ?? 0}/${str(p, 'protocol')}`;
      const others = all.get(k) ?? [];
      for (const o of others) {
        if (cur.hostIP === o.hostIP && cur.hostPort === o.hostPort) out.push(`${pp}: duplicate port definition with ${o.path}`);
        else if (cur.hostPort === 0 || o.hostPort === 0) out.push(`${pp}: overlapping port definition with ${o.path}`);
        else if (cur.hostPort === o.hostPort && (cur.hostIP === '') !== (o.hostIP === '')) {
          out.push(`${pp}: dangerously ambiguous port definition with ${o.path}`);
        }
      }
      all.set(k, [...others, cur]);
    });
  });
  return out;
}

function containerWarnings(spec: Obj, path: string): string[] {
  const out: string[] = [];
  visitContainers(spec, path, (c, cp) => {
    out.push(...fractionalMemoryWarnings(c.resources, `${cp}.resources`));
    const seen = new Set<string>();
    arr(c, 'env').forEach((e, i) => {
      const name = str(e, 'name');
      if (seen.has(name)) out.push(`${cp}.env[${i}]: hides previous definition of ${JSON.stringify(name)}, which may be dropped when using apply`);
      seen.add(name);
    });
  });
  return out;
}

function podTemplateWarnings(job: Job): string[] {
  const out: string[] = [];
  const path = 'spec.template.spec';
  const spec = (isObj(job.spec.template?.spec) ? job.spec.template.spec : {}) as Obj;
  for (const k of Object.keys(strMap(spec.nodeSelector))) {
    const msg = DEPRECATED_NODE_LABELS[k];
    if (msg !== undefined) out.push(`${path}.nodeSelector[${k}]: ${msg}`);
  }
  const tgps = num(spec, 'terminationGracePeriodSeconds');
  if (tgps !== undefined && tgps < 0) {
    out.push(`${path}.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1`);
  }
  out.push(...containerWarnings(spec, path));
  out.push(...portWarnings(spec, path));
  const pullSecrets = new Set<string>();
  arr(spec, 'imagePullSecrets').forEach((s, i) => {
    const name = str(s, 'name');
    const p = `${path}.imagePullSecrets[${i}].name`;
    if (name === '') out.push(`${p}: invalid empty name ""`);
    else if (pullSecrets.has(name)) out.push(`${p}: duplicate name ${JSON.stringify(name)}`);
    pullSecrets.add(name);
  });
  return out;
}

/** WarningsForJobSpec. */
export function warningsForJobSpec(job: Job): string[] {
  const out: string[] = [];
  if (job.spec.completionMode === 'Indexed' && (job.spec.completions ?? 0) > 100000 && (job.spec.parallelism ?? 0) > 10000) {
    out.push(
      'spec: In Indexed Jobs with a number of completions higher than 10^5 and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes when a big number of indexes fail',
    );
  }
  out.push(...podTemplateWarnings(job));
  return out;
}

/** WarningsOnCreate: the DNS-label recommendation for the name, then the spec warnings. */
export function warningsOnCreate(job: Job): string[] {
  const out: string[] = [];
  const msgs = isDNS1123Label(job.metadata.name ?? '');
  if (msgs.length > 0) {
    out.push(
      `metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [${msgs.join(' ')}]`,
    );
  }
  out.push(...warningsForJobSpec(job));
  return out;
}
