// Container resource requirements. Mirrors core validation's validateResourceRequirements,
// validateContainerResourceName and ValidateResourceQuantityValue.

import { fe, type FieldError } from '../errors';
import { isQualifiedName } from './names';
import { compareQuantity, isIntegerQuantity, parseQuantity, quantityString, type Quantity } from './quantity';
import { child, isObj, key, type Obj } from './util';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** Native: no domain, or a kubernetes.io domain. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

function isOvercommitAllowed(name: string): boolean {
  return isNative(name) && !isHugePages(name);
}

function isIntegerResource(name: string): boolean {
  return isHugePages(name) || (!isNative(name) && !name.startsWith('requests.'));
}

function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => fe.invalid(path, name, m));
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      errs.push(fe.invalid(path, name, 'must be a standard resource for containers'));
    }
  } else if (!isNative(name) && name.startsWith('requests.')) {
    errs.push(fe.invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

function quantityValueErrors(name: string, q: Quantity, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (q.num < 0n) errs.push(fe.invalid(path, quantityString(q), 'must be greater than or equal to 0'));
  if (isIntegerResource(name) && !isIntegerQuantity(q)) errs.push(fe.invalid(path, quantityString(q), 'must be an integer'));
  return errs;
}

function parsedList(v: unknown): Array<[string, Quantity]> {
  const out: Array<[string, Quantity]> = [];
  if (!isObj(v)) return out;
  for (const [k, raw] of Object.entries(v)) {
    const p = typeof raw === 'string' ? parseQuantity(raw) : typeof raw === 'number' ? parseQuantity(String(raw)) : undefined;
    if (p?.ok) out.push([k, p.q]);
  }
  return out;
}

export function validateResourceRequirements(res: Obj | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (res === undefined) return errs;
  const limPath = child(path, 'limits');
  const reqPath = child(path, 'requests');
  const limits = parsedList(res.limits);
  const requests = parsedList(res.requests);
  const limitMap = new Map(limits);
  let limCpuMem = false;
  let reqCpuMem = false;
  let limHuge = false;
  let reqHuge = false;
  for (const [name, q] of limits) {
    const p = key(limPath, name);
    errs.push(...validateResourceName(name, p), ...quantityValueErrors(name, q, p));
    if (isHugePages(name)) limHuge = true;
    if (name === 'cpu' || name === 'memory') limCpuMem = true;
  }
  for (const [name, q] of requests) {
    const p = key(reqPath, name);
    errs.push(...validateResourceName(name, p), ...quantityValueErrors(name, q, p));
    const lim = limitMap.get(name);
    if (lim !== undefined) {
      const c = compareQuantity(q, lim);
      if (c !== 0 && !isOvercommitAllowed(name)) {
        errs.push(fe.invalid(reqPath, quantityString(q), `must be equal to ${name} limit of ${quantityString(lim)}`));
      } else if (c > 0) {
        errs.push(fe.invalid(reqPath, quantityString(q), `must be less than or equal to ${name} limit of ${quantityString(lim)}`));
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(fe.required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePages(name)) reqHuge = true;
    if (name === 'cpu' || name === 'memory') reqCpuMem = true;
  }
  if (!limCpuMem && !reqCpuMem && (limHuge || reqHuge)) {
    errs.push(fe.forbidden(path, 'HugePages require cpu or memory'));
  }
  return errs;
}

/** Warning for a fractional memory quantity (pkg/api/pod/warnings.go). */
export function fractionalMemoryWarnings(res: unknown, path: string): string[] {
  const out: string[] = [];
  if (!isObj(res)) return out;
  for (const kind of ['limits', 'requests']) {
    for (const [name, q] of parsedList(res[kind])) {
      if (name === 'memory' && !isIntegerQuantity(q)) {
        out.push(`${key(child(path, kind), name)}: fractional byte value ${JSON.stringify(quantityString(q))} is invalid, must be an integer`);
      }
    }
  }
  return out;
}
