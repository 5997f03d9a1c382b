// Environment variable sources. Mirrors core validation's validateEnvVarValueFrom,
// validateObjectFieldSelector (simplified), validateContainerResourceFieldSelector,
// validateConfigMapKeySelector / validateSecretKeySelector and ValidateEnvFrom.

import { fe, type FieldError } from '../errors';
import { isConfigMapKey, isDNS1123Subdomain, isRelaxedEnvVarName } from './names';
import { child, isObj, objAt, str, type Obj } from './util';

const FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
const RESOURCE_PATHS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];

function validateFieldRef(fs: Obj, path: string): FieldError[] {
  if (str(fs, 'apiVersion') === '') return [fe.required(child(path, 'apiVersion'))];
  const fp = str(fs, 'fieldPath');
  if (fp === '') return [fe.required(child(path, 'fieldPath'))];
  const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(fp);
  if (sub !== null) return [];
  if (fp === 'metadata.labels' || fp === 'metadata.annotations') return [];
  return FIELD_PATHS.includes(fp) ? [] : [fe.notSupported(child(path, 'fieldPath'), fp, FIELD_PATHS)];
}

function validateResourceFieldRef(fs: Obj, path: string): FieldError[] {
  const r = str(fs, 'resource');
  if (r === '') return [fe.required(child(path, 'resource'))];
  if (RESOURCE_PATHS.includes(r) || r.startsWith('requests.hugepages-') || r.startsWith('limits.hugepages-')) return [];
  return [fe.notSupported(child(path, 'resource'), r, RESOURCE_PATHS)];
}

function validateKeySelector(s: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(s, 'name');
  for (const m of isDNS1123Subdomain(name)) errs.push(fe.invalid(child(path, 'name'), name, m));
  const k = str(s, 'key');
  if (k === '') errs.push(fe.required(child(path, 'key')));
  else for (const m of isConfigMapKey(k)) errs.push(fe.invalid(child(path, 'key'), k, m));
  return errs;
}

type SourceCheck = [field: string, validate: (s: Obj, path: string) => FieldError[]];

/**
 * Validates every source of a one-of that is set (unlike volumes, all are checked) and
 * returns how many were set; the caller words the count errors.
 */
function validateSetSources(o: Obj, sources: SourceCheck[], path: string, errs: FieldError[]): number {
  let n = 0;
  for (const [field, validate] of sources) {
    const s = objAt(o, field);
    if (s === undefined) continue;
    n++;
    errs.push(...validate(s, child(path, field)));
  }
  return n;
}

/** fileKeyRef only counts as a source: it has no checks of its own here. */
const VALUE_FROM_SOURCES: SourceCheck[] = [
  ['fieldRef', validateFieldRef],
  ['resourceFieldRef', validateResourceFieldRef],
  ['configMapKeyRef', validateKeySelector],
  ['secretKeyRef', validateKeySelector],
  ['fileKeyRef', () => []],
];

export function validateEnvValueFrom(ev: Obj, path: string): FieldError[] {
  const vf = objAt(ev, 'valueFrom');
  if (vf === undefined) return [];
  const errs: FieldError[] = [];
  const n = validateSetSources(vf, VALUE_FROM_SOURCES, path, errs);
  if (n === 0) {
    errs.push(fe.invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  } else if (str(ev, 'value') !== '') {
    errs.push(fe.invalid(path, '', 'may not be specified when `value` is not empty'));
  } else if (n > 1) {
    errs.push(fe.invalid(path, '', 'may not have more than one field specified at a time'));
  }
  return errs;
}

function validateRefName(ref: Obj, path: string): FieldError[] {
  const name = str(ref, 'name');
  if (name === '') return [fe.required(child(path, 'name'))];
  // ValidateConfigMapName / ValidateSecretName with prefix=true.
  const n = name.endsWith('-') && name.length > 1 ? `${name.slice(0, -2)}a` : name;
  return isDNS1123Subdomain(n).map((m) => fe.invalid(child(path, 'name'), name, m));
}

const ENV_FROM_SOURCES: SourceCheck[] = [
  ['configMapRef', validateRefName],
  ['secretRef', validateRefName],
];

/** One envFrom entry; count errors are reported on the list path, as upstream does. */
export function validateEnvFromSource(src: unknown, path: string, listPath: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObj(src)) return [fe.invalid(listPath, '', 'must specify one of: `configMapRef` or `secretRef`')];
  const prefix = str(src, 'prefix');
  if (prefix !== '') for (const m of isRelaxedEnvVarName(prefix)) errs.push(fe.invalid(child(path, 'prefix'), prefix, m));
  const n = validateSetSources(src, ENV_FROM_SOURCES, path, errs);
  if (n === 0) errs.push(fe.invalid(listPath, '', 'must specify one of: `configMapRef` or `secretRef`'));
  else if (n > 1) errs.push(fe.invalid(listPath, '', 'may not have more than one field specified at a time'));
  return errs;
}
