// ObjectMeta validation. Mirrors apimachinery/pkg/api/validation/objectmeta.go
// (ValidateObjectMeta, ValidateAnnotations, ValidateOwnerReferences, ValidateFinalizers,
// ValidateObjectMetaUpdate), apimachinery/pkg/apis/meta/v1/validation (ValidateLabels) and
// core's ValidateObjectMeta (validateKubeFinalizerName).

import { fe, type FieldError } from '../errors';
import type { ObjectMeta, OwnerReference } from '../types';
import { isDNS1123Label, isQualifiedName, isValidLabelValue, nameIsDNSSubdomain, byteLen } from './names';
import { child, index } from './util';

export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

export function validateLabelName(k: string, path: string): FieldError[] {
  return isQualifiedName(k).map((m) => fe.invalid(path, k, m));
}

/** ValidateLabels: every key a qualified name, every value a label value (bad value = key / value). */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    for (const m of isValidLabelValue(v)) errs.push(fe.invalid(path, v, m));
  }
  return errs;
}

export function validateAnnotations(ann: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(ann ?? {})) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(fe.invalid(path, k, m));
    total += byteLen(k) + byteLen(v);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(fe.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

/** schema.ParseGroupVersion's version part ('' when it cannot be parsed). */
function versionOf(apiVersion: string): string {
  if (apiVersion === '' || apiVersion === '/') return '';
  const parts = apiVersion.split('/');
  if (parts.length === 1) return apiVersion;
  if (parts.length === 2) return parts[1] ?? '';
  return '';
}

export function validateOwnerReferences(refs: OwnerReference[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    if (versionOf(ref.apiVersion ?? '') === '') {
      errs.push(fe.invalid(child(path, 'apiVersion'), ref.apiVersion ?? '', 'version must not be empty'));
    }
    if ((ref.kind ?? '') === '') errs.push(fe.invalid(child(path, 'kind'), ref.kind ?? '', 'must not be empty'));
    if ((ref.name ?? '') === '') errs.push(fe.invalid(child(path, 'name'), ref.name ?? '', 'must not be empty'));
    if ((ref.uid ?? '') === '') errs.push(fe.invalid(child(path, 'uid'), ref.uid ?? '', 'must not be empty'));
    if (ref.controller === true) {
      const cur = `${ref.kind}/${ref.name}`;
      if (firstController !== '') {
        errs.push(
          fe.invalid(
            path,
            refs,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`,
          ),
        );
      } else firstController = cur;
    }
  }
  return errs;
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

export function validateFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const list = finalizers ?? [];
  for (const f of list) for (const m of isQualifiedName(f)) errs.push(fe.invalid(path, f, m));
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(fe.invalid(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

/** core's validateKubeFinalizerName, run per finalizer after the generic checks. */
function validateKubeFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (finalizers ?? []).forEach((f, i) => {
    const p = index(path, i);
    errs.push(...isQualifiedName(f).map((m) => fe.invalid(p, f, m)));
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(fe.invalid(p, f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

/** The checks create and update share: labels, annotations, owner references, finalizers. */
function validateMetaFields(meta: ObjectMeta, path: string): FieldError[] {
  const errs = validateLabels(meta.labels, child(path, 'labels'));
  errs.push(...validateAnnotations(meta.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences, child(path, 'ownerReferences')));
  errs.push(...validateFinalizers(meta.finalizers, child(path, 'finalizers')));
  errs.push(...validateKubeFinalizers(meta.finalizers, child(path, 'finalizers')));
  return errs;
}

/** ValidateObjectMeta for a namespaced object whose names are DNS subdomains (Jobs, like RCs). */
export function validateObjectMeta(meta: ObjectMeta, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  const gen = meta.generateName ?? '';
  if (gen !== '') {
    for (const m of nameIsDNSSubdomain(gen, true)) errs.push(fe.invalid(child(path, 'generateName'), gen, m));
  }
  const name = meta.name ?? '';
  if (name === '') errs.push(fe.required(child(path, 'name'), 'name or generateName is required'));
  else for (const m of nameIsDNSSubdomain(name, false)) errs.push(fe.invalid(child(path, 'name'), name, m));
  const ns = meta.namespace ?? '';
  if (ns === '') errs.push(fe.required(child(path, 'namespace')));
  else for (const m of isDNS1123Label(ns)) errs.push(fe.invalid(child(path, 'namespace'), ns, m));
  if ((meta.generation ?? 0) < 0) {
    errs.push(fe.invalid(child(path, 'generation'), meta.generation, 'must be greater than or equal to 0'));
  }
  errs.push(...validateMetaFields(meta, path));
  return errs;
}

function immutable(newV: unknown, oldV: unknown, path: string): FieldError[] {
  return newV === oldV ? [] : [fe.invalid(path, newV ?? '', 'field is immutable')];
}

/**
 * ValidateObjectMetaUpdate. name/namespace/uid/creationTimestamp changes are normally caught
 * earlier by the REST layer (400/409) but the validator reports them too.
 */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...immutable(meta.name ?? '', old.name ?? '', child(path, 'name')));
  errs.push(...immutable(meta.namespace ?? '', old.namespace ?? '', child(path, 'namespace')));
  errs.push(...immutable(meta.uid ?? '', old.uid ?? '', child(path, 'uid')));
  errs.push(...immutable(meta.creationTimestamp ?? '', old.creationTimestamp ?? '', child(path, 'creationTimestamp')));
  if (old.deletionTimestamp !== undefined) {
    const added = (meta.finalizers ?? []).filter((f) => !(old.finalizers ?? []).includes(f));
    if (added.length > 0) {
      const list = added.map((f) => JSON.stringify(f)).join(', ');
      errs.push(
        fe.forbidden(
          child(path, 'finalizers'),
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${list}}`,
        ),
      );
    }
  }
  errs.push(...validateMetaFields(meta, path));
  return errs;
}
