// Pod volumes (basics). Mirrors core validation's ValidateVolumes and validateVolumeSource:
// name (DNS label, unique), exactly one volume type, and the required fields of common sources.

import { fe, type FieldError } from '../errors';
import { isDNS1123Label } from './names';
import { parseQuantity } from './quantity';
import { child, index, isObj, str, validateOneOf } from './util';

/** Volume source fields, in upstream's checking order. */
export const VOLUME_SOURCES = [
  'emptyDir',
  'hostPath',
  'gitRepo',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'flocker',
  'persistentVolumeClaim',
  'rbd',
  'cinder',
  'cephfs',
  'quobyte',
  'downwardAPI',
  'fc',
  'flexVolume',
  'configMap',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'storageos',
  'projected',
  'scaleIO',
  'csi',
  'ephemeral',
  'image',
];

function validateSource(kind: string, src: Record<string, unknown>, path: string): FieldError[] {
  switch (kind) {
    case 'emptyDir': {
      const sl = src.sizeLimit;
      const q = typeof sl === 'string' ? parseQuantity(sl) : undefined;
      if (q?.ok && q.q.num < 0n) return [fe.forbidden(child(path, 'sizeLimit'), 'SizeLimit field must be a valid resource quantity')];
      return [];
    }
    case 'hostPath': {
      const p = str(src, 'path');
      if (p === '') return [fe.required(child(path, 'path'))];
      if (p.split('/').includes('..')) return [fe.invalid(child(path, 'path'), p, "must not contain '..'")];
      return [];
    }
    case 'secret':
      return str(src, 'secretName') === '' ? [fe.required(child(path, 'secretName'))] : [];
    case 'persistentVolumeClaim':
      return str(src, 'claimName') === '' ? [fe.required(child(path, 'claimName'))] : [];
    case 'nfs': {
      const errs: FieldError[] = [];
      if (str(src, 'server') === '') errs.push(fe.required(child(path, 'server')));
      if (str(src, 'path') === '') errs.push(fe.required(child(path, 'path')));
      return errs;
    }
    default:
      return [];
  }
}

/** Returns the set of valid volume names (mounts may only refer to these) and the errors. */
export function validateVolumes(volumes: unknown[], path: string): { names: Set<string>; errs: FieldError[] } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  volumes.forEach((raw, i) => {
    const vol = isObj(raw) ? raw : {};
    const ip = index(path, i);
    const el = validateOneOf(vol, VOLUME_SOURCES, ip, 'volume type', validateSource);
    const name = str(vol, 'name');
    const namePath = child(ip, 'name');
    if (name === '') el.push(fe.required(namePath));
    else for (const m of isDNS1123Label(name)) el.push(fe.invalid(namePath, name, m));
    if (names.has(name)) el.push(fe.duplicate(namePath, name));
    if (el.length === 0) names.add(name);
    else errs.push(...el);
  });
  return { names, errs };
}
