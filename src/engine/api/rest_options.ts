// Validation of request options, as apimachinery does it before a handler runs
// (pkg/apis/meta/v1/validation: ValidateCreateOptions/ValidateUpdateOptions/
// ValidatePatchOptions/ValidateDeleteOptions; pkg/apis/meta/internalversion/validation:
// ValidateListOptions/validateWatchOptions). Every failure is the exact 422 on the options
// kind (`CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: ["foo"]: ...`).

import { fe, invalidError, type FieldError, type StatusError } from './errors';
import type { FieldValidation } from './decode';
import type { DeleteOptions, ListOptions, PatchOptions, WatchOptions, WriteOptions } from './rest_types';

export type OptionsKind = 'CreateOptions' | 'UpdateOptions' | 'PatchOptions' | 'DeleteOptions' | 'ListOptions';

const optionsError = (kind: OptionsKind, errs: FieldError[]): StatusError => invalidError('', errs, kind, 'meta.k8s.io');

/** The warning of a batch/v1 Job delete that names no policy (pkg/registry/batch/job/strategy.go). */
export const ORPHAN_DEFAULT_WARNING =
  'child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning';

function dryRunErrors(dryRun: unknown): { errs: FieldError[]; dry: boolean } {
  if (dryRun === undefined) return { errs: [], dry: false };
  const list = Array.isArray(dryRun) ? (dryRun as unknown[]) : [dryRun];
  if (list.every((v) => v === 'All')) return { errs: [], dry: list.length > 0 };
  return { errs: [fe.notSupported('dryRun', list, ['All'])], dry: false };
}

function fieldManagerErrors(m: unknown): FieldError[] {
  if (m === undefined) return [];
  if (typeof m !== 'string') return [fe.invalid('fieldManager', m, 'must be a string')];
  const errs: FieldError[] = [];
  if (m.length > 128) errs.push(fe.tooLong('fieldManager', 128));
  let pos = 0;
  for (const ch of m) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
      const hex = c.toString(16).toUpperCase().padStart(4, '0');
      errs.push(fe.invalid('fieldManager', m, `invalid character U+${hex} (at position ${pos})`));
    }
    pos += ch.length;
  }
  return errs;
}

function fieldValidationOf(v: unknown, errs: FieldError[]): FieldValidation {
  if (v === undefined || v === '') return 'Warn';
  if (v === 'Strict' || v === 'Warn' || v === 'Ignore') return v;
  errs.push(fe.notSupported('fieldValidation', v, ['', 'Ignore', 'Strict', 'Warn']));
  return 'Warn';
}

export interface CheckedWrite {
  dryRun: boolean;
  fieldValidation: FieldValidation;
}

/** Create/Update/Patch options; `kind` picks the options kind named in the 422. */
export function checkWriteOptions(kind: OptionsKind, o: WriteOptions | PatchOptions | undefined): { ok: true; opts: CheckedWrite } | { ok: false; error: StatusError } {
  const opts = (typeof o === 'object' && o !== null ? o : {}) as PatchOptions;
  const d = dryRunErrors(opts.dryRun);
  const errs = [...d.errs, ...fieldManagerErrors(opts.fieldManager)];
  const fieldValidation = fieldValidationOf(opts.fieldValidation, errs);
  if (kind === 'PatchOptions' && opts.force !== undefined && opts.force !== false) {
    errs.push(fe.forbidden('force', 'may not be specified for non-apply patch'));
  }
  if (errs.length > 0) return { ok: false, error: optionsError(kind, errs) };
  return { ok: true, opts: { dryRun: d.dry, fieldValidation } };
}

export interface CheckedDelete {
  dryRun: boolean;
  policy: 'Orphan' | 'Background' | 'Foreground';
  /** True when neither propagationPolicy nor orphanDependents was sent. */
  defaulted: boolean;
}

/** ValidateDeleteOptions, then the effective policy (batch/v1 Jobs default to Orphan). */
export function checkDeleteOptions(o: DeleteOptions | undefined, defaultPolicy: CheckedDelete['policy']): { ok: true; opts: CheckedDelete } | { ok: false; error: StatusError } {
  const opts = (typeof o === 'object' && o !== null ? o : {}) as DeleteOptions;
  const errs: FieldError[] = [];
  const pp = opts.propagationPolicy;
  if (opts.orphanDependents !== undefined && pp !== undefined) {
    errs.push(fe.invalid('propagationPolicy', pp, 'orphanDependents and deletionPropagation cannot be both set'));
  }
  if (pp !== undefined && pp !== 'Foreground' && pp !== 'Background' && pp !== 'Orphan') {
    errs.push(fe.notSupported('propagationPolicy', pp, ['Foreground', 'Background', 'Orphan', 'nil']));
  }
  const d = dryRunErrors(opts.dryRun);
  errs.push(...d.errs);
  const g = opts.gracePeriodSeconds;
  if (g !== undefined && (typeof g !== 'number' || !Number.isInteger(g))) {
    errs.push(fe.invalid('gracePeriodSeconds', g, 'must be an integer'));
  }
  if (errs.length > 0) return { ok: false, error: optionsError('DeleteOptions', errs) };
  let policy = defaultPolicy;
  if (pp === 'Foreground' || pp === 'Background' || pp === 'Orphan') policy = pp;
  else if (opts.orphanDependents === true) policy = 'Orphan';
  else if (opts.orphanDependents === false) policy = 'Background';
  return { ok: true, opts: { dryRun: d.dry, policy, defaulted: pp === undefined && opts.orphanDependents === undefined } };
}

/** ValidateListOptions (watch=false) and validateWatchOptions (watch=true, WatchList on). */
export function checkListOptions(o: ListOptions | WatchOptions, watch: boolean): StatusError | undefined {
  const errs: FieldError[] = [];
  const match = o.resourceVersionMatch ?? '';
  const rv = o.resourceVersion ?? '';
  const cont = o.continue ?? '';
  if (watch) {
    if (o.sendInitialEvents !== undefined && match !== 'NotOlderThan') {
      errs.push(fe.forbidden('resourceVersionMatch', 'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'));
    }
    if (match !== '') {
      if (o.sendInitialEvents === undefined) {
        errs.push(fe.forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'));
      }
      if (match !== 'NotOlderThan') errs.push(fe.notSupported('resourceVersionMatch', match, ['NotOlderThan']));
      if (cont !== '') errs.push(fe.forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
    }
  } else {
    if (match !== '') {
      if (rv === '') errs.push(fe.forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided'));
      if (cont !== '') errs.push(fe.forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
      if (match !== 'Exact' && match !== 'NotOlderThan') {
        errs.push(fe.notSupported('resourceVersionMatch', match, ['Exact', 'NotOlderThan', '']));
      }
      if (match === 'Exact' && rv === '0') {
        errs.push(fe.forbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
      }
    }
    if (o.sendInitialEvents !== undefined) errs.push(fe.forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
  }
  return errs.length > 0 ? optionsError('ListOptions', errs) : undefined;
}
