// Pod template validation. Mirrors core validation's ValidatePodTemplateSpec and ValidatePodSpec
// (v1.34 order: volumes, resource claims, containers, initContainers, ephemeral containers,
// host-network deps, restartPolicy, dnsPolicy, nodeSelector, ..., hostname, tolerations, ...).
// Deep structures the simulation never reads (affinity, securityContext, topology spread) are
// accepted as they are.

import { fe, type FieldError } from '../errors';
import type { PodTemplateSpec } from '../types';
import { validateContainers, validateEphemeralContainers, validateInitContainers } from './containers';
import { validateAnnotations, validateLabels } from './meta';
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './names';
import { validateResourceRequirements } from './resources';
import { validateVolumes } from './volumes';
import { arr, child, index, isObj, num, objAt, str, strMap, validateChoice, type Obj } from './util';

const MAX_INT32 = 2147483647;
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

export function validatePodTemplateSpec(tpl: PodTemplateSpec | undefined, path: string): FieldError[] {
  const meta = tpl?.metadata ?? {};
  const errs = validateLabels(meta.labels, child(path, 'labels'));
  errs.push(...validateAnnotations(meta.annotations, child(path, 'annotations')));
  errs.push(...validatePodSpecificAnnotations(meta.annotations, child(path, 'annotations')));
  const spec: Obj = isObj(tpl?.spec) ? (tpl.spec as unknown as Obj) : {};
  errs.push(...validatePodSpec(spec, child(path, 'spec')));
  if (arr(spec, 'ephemeralContainers').length > 0) {
    errs.push(fe.forbidden(child(child(path, 'spec'), 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

function validatePodSpecificAnnotations(ann: Record<string, string> | undefined, path: string): FieldError[] {
  const k = 'controller.kubernetes.io/pod-deletion-cost';
  const v = ann?.[k];
  if (v === undefined) return [];
  const n = /^[+-]?[0-9]+$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= -2147483648 && n <= MAX_INT32 ? [] : [fe.invalid(`${path}[${k}]`, v, 'must be a 32bit integer')];
}

function namesAsSubdomain(v: string, path: string): FieldError[] {
  return v === '' ? [] : isDNS1123Subdomain(v).map((m) => fe.invalid(path, v, m));
}

function validateHostNetworkDeps(spec: Obj, path: string): FieldError[] {
  if (spec.hostNetwork !== true) return [];
  const errs: FieldError[] = [];
  arr(spec, 'containers').forEach((c, ci) => {
    arr(c, 'ports').forEach((p, pi) => {
      const hp = num(p, 'hostPort') ?? 0;
      const cp = num(p, 'containerPort') ?? 0;
      if (hp !== 0 && hp !== cp) {
        const pp = child(index(child(index(child(path, 'containers'), ci), 'ports'), pi), 'hostPort');
        errs.push(fe.invalid(pp, hp, 'must match `containerPort` when `hostNetwork` is true'));
      }
    });
  });
  return errs;
}

function validateDNSConfig(spec: Obj, path: string): FieldError[] {
  const cfg = objAt(spec, 'dnsConfig');
  if (str(spec, 'dnsPolicy') === 'None') {
    if (cfg === undefined) return [fe.required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (arr(cfg, 'nameservers').length === 0) {
      return [fe.required(child(path, 'nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
    }
  }
  const errs: FieldError[] = [];
  const ns = arr(cfg, 'nameservers');
  if (ns.length > 3) errs.push(fe.invalid(child(path, 'nameservers'), ns, 'must not have more than 3 nameservers'));
  arr(cfg, 'options').forEach((o, i) => {
    if (str(o, 'name') === '') errs.push(fe.required(index(child(path, 'options'), i), 'must not be empty'));
  });
  return errs;
}

function validateGates(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(spec, 'readinessGates').forEach((g, i) => {
    const t = str(g, 'conditionType');
    const p = child(index(child(path, 'readinessGates'), i), 'conditionType');
    errs.push(...isQualifiedName(t).map((m) => fe.invalid(p, t, m)));
  });
  const seen = new Set<string>();
  arr(spec, 'schedulingGates').forEach((g, i) => {
    const n = str(g, 'name');
    const p = index(child(path, 'schedulingGates'), i);
    errs.push(...isQualifiedName(n).map((m) => fe.invalid(p, n, m)));
    if (seen.has(n)) errs.push(fe.duplicate(p, n));
    seen.add(n);
  });
  return errs;
}

/** ValidateTolerations. */
function validateTolerations(list: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  list.forEach((t, i) => {
    const p = index(path, i);
    const k = str(t, 'key');
    const op = str(t, 'operator');
    const effect = str(t, 'effect');
    const value = str(t, 'value');
    if (k !== '') errs.push(...isQualifiedName(k).map((m) => fe.invalid(child(p, 'key'), k, m)));
    if (k === '' && op !== 'Exists') {
      errs.push(fe.invalid(child(p, 'operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (num(t, 'tolerationSeconds') !== undefined && effect !== 'NoExecute') {
      errs.push(fe.invalid(child(p, 'effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(value);
      if (msgs.length > 0) errs.push(fe.invalid(child(p, 'operator'), value, msgs.join(';')));
    } else if (op === 'Exists') {
      if (value !== '') errs.push(fe.invalid(child(p, 'operator'), value, "value must be empty when `operator` is 'Exists'"));
    } else errs.push(fe.notSupported(child(p, 'operator'), op, ['Equal', 'Exists']));
    if (effect !== '' && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) {
      errs.push(fe.notSupported(child(p, 'effect'), effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    }
  });
  return errs;
}

function validateNames(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...namesAsSubdomain(str(spec, 'serviceAccountName'), child(path, 'serviceAccountName')));
  errs.push(...namesAsSubdomain(str(spec, 'nodeName'), child(path, 'nodeName')));
  const ads = num(spec, 'activeDeadlineSeconds');
  if (ads !== undefined && (ads < 1 || ads > MAX_INT32)) {
    errs.push(fe.invalid(child(path, 'activeDeadlineSeconds'), ads, inclusiveRangeError(1, MAX_INT32)));
  }
  for (const f of ['hostname', 'subdomain']) {
    const v = str(spec, f);
    if (v !== '') errs.push(...isDNS1123Label(v).map((m) => fe.invalid(child(path, f), v, m)));
  }
  return errs;
}

function validateTail(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateTolerations(arr(spec, 'tolerations'), child(path, 'tolerations')));
  arr(spec, 'hostAliases').forEach((h, i) => {
    arr(h, 'hostnames').forEach((hn, j) => {
      const v = typeof hn === 'string' ? hn : '';
      const p = index(child(index(child(path, 'hostAliases'), i), 'hostnames'), j);
      errs.push(...isDNS1123Subdomain(v).map((m) => fe.invalid(p, v, m)));
    });
  });
  errs.push(...namesAsSubdomain(str(spec, 'priorityClassName'), child(path, 'priorityClassName')));
  if (typeof spec.runtimeClassName === 'string') {
    const v = spec.runtimeClassName;
    errs.push(...isDNS1123Subdomain(v).map((m) => fe.invalid(child(path, 'runtimeClassName'), v, m)));
  }
  if (typeof spec.preemptionPolicy === 'string') {
    errs.push(...validateChoice(spec.preemptionPolicy, child(path, 'preemptionPolicy'), ['PreemptLowerPriority', 'Never']));
  }
  const os = objAt(spec, 'os');
  if (os !== undefined) errs.push(...validateChoice(str(os, 'name'), child(child(path, 'os'), 'name'), ['linux', 'windows']));
  return errs;
}

export function validatePodSpec(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (num(spec, 'terminationGracePeriodSeconds') === undefined) errs.push(fe.required(child(path, 'terminationGracePeriodSeconds')));
  const grace = num(spec, 'terminationGracePeriodSeconds');
  const vols = validateVolumes(arr(spec, 'volumes'), child(path, 'volumes'));
  errs.push(...vols.errs);
  const containers = arr(spec, 'containers');
  const inits = arr(spec, 'initContainers');
  errs.push(...validateContainers(containers, vols.names, child(path, 'containers'), grace));
  errs.push(...validateInitContainers(inits, containers, vols.names, child(path, 'initContainers'), grace));
  const eph = arr(spec, 'ephemeralContainers');
  if (eph.length > 0) {
    errs.push(...validateEphemeralContainers(eph, [...containers, ...inits], vols.names, child(path, 'ephemeralContainers')));
  }
  const podRes = objAt(spec, 'resources');
  if (podRes !== undefined) errs.push(...validateResourceRequirements(podRes, child(path, 'resources')));
  errs.push(...validateHostNetworkDeps(spec, path));
  errs.push(...validateChoice(str(spec, 'restartPolicy'), child(path, 'restartPolicy'), RESTART_POLICIES));
  errs.push(...validateChoice(str(spec, 'dnsPolicy'), child(path, 'dnsPolicy'), DNS_POLICIES));
  errs.push(...validateLabels(strMap(spec.nodeSelector), child(path, 'nodeSelector')));
  errs.push(...validateDNSConfig(spec, child(path, 'dnsConfig')));
  errs.push(...validateGates(spec, path));
  errs.push(...validateNames(spec, path));
  errs.push(...validateTail(spec, path));
  return errs;
}
