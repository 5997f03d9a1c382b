// Container validation inside a pod template. Mirrors core validation's validateContainers,
// validateInitContainers, validateEphemeralContainers, validateContainerCommon,
// validateContainerPorts, ValidateEnv, ValidateEnvFrom, ValidateVolumeMounts,
// ValidateVolumeDevices, validatePullPolicy and AccumulateUniqueHostPorts.

import { fe, type FieldError } from '../errors';
import { isDNS1123Label, isRelaxedEnvVarName, isValidPortName, isValidPortNum } from './names';
import { validateProbesAndLifecycle } from './probes';
import { validateResourceRequirements } from './resources';
import { validateEnvValueFrom, validateEnvFromSource } from './env';
import { arr, child, index, isObj, num, objAt, str, validateChoice, type Obj } from './util';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];

function validatePorts(ports: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const ip = index(path, i);
    const name = str(p, 'name');
    if (name !== '') {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) for (const m of msgs) errs.push(fe.invalid(child(ip, 'name'), name, m));
      else if (names.has(name)) errs.push(fe.duplicate(child(ip, 'name'), name));
      else names.add(name);
    }
    const cp = num(p, 'containerPort') ?? 0;
    if (cp === 0) errs.push(fe.required(child(ip, 'containerPort')));
    else for (const m of isValidPortNum(cp)) errs.push(fe.invalid(child(ip, 'containerPort'), cp, m));
    const hp = num(p, 'hostPort') ?? 0;
    if (hp !== 0) for (const m of isValidPortNum(hp)) errs.push(fe.invalid(child(ip, 'hostPort'), hp, m));
    errs.push(...validateChoice(str(p, 'protocol'), child(ip, 'protocol'), PROTOCOLS));
  });
  return errs;
}

function validateEnv(env: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  env.forEach((ev, i) => {
    const ip = index(path, i);
    const name = str(ev, 'name');
    if (name === '') errs.push(fe.required(child(ip, 'name')));
    else for (const m of isRelaxedEnvVarName(name)) errs.push(fe.invalid(child(ip, 'name'), name, m));
    errs.push(...validateEnvValueFrom(isObj(ev) ? ev : {}, child(ip, 'valueFrom')));
  });
  return errs;
}

function validateVolumeMounts(c: Obj, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  const devices = arr(c, 'volumeDevices');
  const devNames = new Set(devices.map((d) => str(d, 'name')));
  const devPaths = new Set(devices.map((d) => str(d, 'devicePath')));
  arr(c, 'volumeMounts').forEach((m, i) => {
    const ip = index(path, i);
    const name = str(m, 'name');
    const mp = str(m, 'mountPath');
    if (name === '') errs.push(fe.required(child(ip, 'name')));
    if (!volumes.has(name)) errs.push(fe.notFound(child(ip, 'name'), name));
    if (mp === '') errs.push(fe.required(child(ip, 'mountPath')));
    if (mountPoints.has(mp)) errs.push(fe.invalid(child(ip, 'mountPath'), mp, 'must be unique'));
    mountPoints.add(mp);
    if (devNames.has(name)) errs.push(fe.invalid(child(ip, 'name'), name, 'must not already exist in volumeDevices'));
    if (devPaths.has(mp)) errs.push(fe.invalid(child(ip, 'mountPath'), mp, 'must not already exist as a path in volumeDevices'));
    const sub = str(m, 'subPath');
    const subExpr = str(m, 'subPathExpr');
    if (subExpr !== '' && sub !== '') {
      errs.push(fe.invalid(child(ip, 'subPathExpr'), subExpr, 'subPathExpr and subPath are mutually exclusive'));
    }
  });
  return errs;
}

/** validateContainerCommon: name, image, termination message policy, ports, env, mounts, pull policy, resources. */
export function validateContainerCommon(c: Obj, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(c, 'name');
  if (name === '') errs.push(fe.required(child(path, 'name')));
  else for (const m of isDNS1123Label(name)) errs.push(fe.invalid(child(path, 'name'), name, m));
  if (str(c, 'image') === '') errs.push(fe.required(child(path, 'image')));
  errs.push(...validateChoice(str(c, 'terminationMessagePolicy'), child(path, 'terminationMessagePolicy'), TERMINATION_MESSAGE_POLICIES));
  errs.push(...validatePorts(arr(c, 'ports'), child(path, 'ports')));
  errs.push(...validateEnv(arr(c, 'env'), child(path, 'env')));
  arr(c, 'envFrom').forEach((src, i) => errs.push(...validateEnvFromSource(src, index(child(path, 'envFrom'), i), child(path, 'envFrom'))));
  errs.push(...validateVolumeMounts(c, volumes, child(path, 'volumeMounts')));
  errs.push(...validateChoice(str(c, 'imagePullPolicy'), child(path, 'imagePullPolicy'), PULL_POLICIES));
  errs.push(...validateResourceRequirements(objAt(c, 'resources'), child(path, 'resources')));
  return errs;
}

/** AccumulateUniqueHostPorts over a list of containers. */
function hostPortConflicts(containers: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    arr(c, 'ports').forEach((p, pi) => {
      const hp = num(p, 'hostPort') ?? 0;
      if (hp === 0) return;
      const k = `${str(p, 'protocol')}/${str(p, 'hostIP')}/${hp}`;
      if (seen.has(k)) errs.push(fe.duplicate(child(index(child(index(path, ci), 'ports'), pi), 'hostPort'), k));
      else seen.add(k);
    });
  });
  return errs;
}

export function validateContainers(list: unknown[], volumes: Set<string>, path: string, grace: number | undefined): FieldError[] {
  if (list.length === 0) return [fe.required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((raw, i) => {
    const c = isObj(raw) ? raw : {};
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    const name = str(c, 'name');
    if (names.has(name)) errs.push(fe.duplicate(child(p, 'name'), name));
    else names.add(name);
    errs.push(...validateProbesAndLifecycle(c, p, grace));
    if (c.restartPolicy !== undefined) errs.push(fe.forbidden(child(p, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(...hostPortConflicts(list, path));
  return errs;
}

const INIT_FORBIDDEN = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'];

export function validateInitContainers(
  list: unknown[],
  regular: unknown[],
  volumes: Set<string>,
  path: string,
  grace: number | undefined,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(regular.map((c) => str(c, 'name')));
  list.forEach((raw, i) => {
    const c = isObj(raw) ? raw : {};
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    const rp = c.restartPolicy;
    if (rp !== undefined && rp !== 'Always') errs.push(fe.notSupported(child(p, 'restartPolicy'), rp, ['Always']));
    const name = str(c, 'name');
    if (names.has(name)) errs.push(fe.duplicate(child(p, 'name'), name));
    else if (name !== '') names.add(name);
    errs.push(...hostPortConflicts([c], path));
    if (rp === 'Always') errs.push(...validateProbesAndLifecycle(c, p, grace));
    else {
      for (const f of INIT_FORBIDDEN) {
        if (c[f] !== undefined) errs.push(fe.forbidden(child(p, f), 'may not be set for init containers without restartPolicy=Always'));
      }
    }
    if (arr(c, 'resizePolicy').length > 0) {
      errs.push(fe.invalid(child(p, 'resizePolicy'), c.resizePolicy, 'must not be set for init containers'));
    }
  });
  return errs;
}

const EPHEMERAL_FORBIDDEN = ['ports', 'resources', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'resizePolicy', 'restartPolicy'];

/** Ephemeral containers are validated like others (the template then forbids them altogether). */
export function validateEphemeralContainers(list: unknown[], others: unknown[], volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const otherNames = new Set(others.map((c) => str(c, 'name')));
  const all = new Set(otherNames);
  list.forEach((raw, i) => {
    const c = isObj(raw) ? raw : {};
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    const image = str(c, 'image');
    if (image.length !== image.trim().length) {
      errs.push(fe.invalid(child(p, 'image'), image, 'must not have leading or trailing whitespace'));
    }
    const name = str(c, 'name');
    if (all.has(name)) errs.push(fe.duplicate(child(p, 'name'), name));
    else all.add(name);
    const target = str(c, 'targetContainerName');
    if (target !== '' && !otherNames.has(target)) errs.push(fe.notFound(child(p, 'targetContainerName'), target));
    for (const f of EPHEMERAL_FORBIDDEN) {
      const v = c[f];
      const set = Array.isArray(v) ? v.length > 0 : isObj(v) ? Object.keys(v).length > 0 : v !== undefined;
      if (set) errs.push(fe.forbidden(child(p, f), 'cannot be set for an Ephemeral Container'));
    }
  });
  return errs;
}
