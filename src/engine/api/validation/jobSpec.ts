// Job create validation. Mirrors pkg/apis/batch/validation/validation.go: ValidateJob,
// validateGeneratedSelector, ValidateJobSpec and validateJobSpec (same evaluation order, so the
// causes come out in upstream order).

import { fe, type FieldError } from '../errors';
import {
  LABEL_CONTROLLER_UID,
  LABEL_JOB_NAME,
  LABEL_LEGACY_CONTROLLER_UID,
  LABEL_LEGACY_JOB_NAME,
  type Job,
  type JobSpec,
} from '../types';
import { validateObjectMeta } from './meta';
import { byteLen, isDNS1123Label, isDNS1123Subdomain } from './names';
import { validatePodFailurePolicy } from './podFailurePolicy';
import { validatePodTemplateSpec } from './podTemplate';
import { renderSelector, selectorMatcher, validateLabelSelector } from './selector';
import { renderInternalSuccessPolicy, validateSuccessPolicy } from './successPolicy';
import { child, sortedMap } from './util';

const MAX_PARALLELISM_INDEXED = 100000;
const MAX_FAILED_INDEXES = 100000;
const COMPLETIONS_SOFT_LIMIT = 100000;
const PARALLELISM_LIMIT_HIGH_COMPLETIONS = 10000;
const MAX_FAILED_INDEXES_HIGH_COMPLETIONS = 10000;
const MAX_MANAGED_BY = 63;

export interface JobValidationOptions {
  /** Require the batch.kubernetes.io/ labels (false for legacy jobs on update). */
  requirePrefixedLabels: boolean;
}

/** ValidateHasLabel on the template labels. */
function hasLabel(job: Job, k: string, expected: string): FieldError[] {
  const labels = job.spec.template?.metadata?.labels ?? {};
  const p = `spec.template.metadata.labels[${k}]`;
  if (!Object.prototype.hasOwnProperty.call(labels, k)) return [fe.required(p, `must be '${expected}'`)];
  if (labels[k] !== expected) return [fe.invalid(p, sortedMap(labels), `must be '${expected}'`)];
  return [];
}

export function validateGeneratedSelector(job: Job, opts: JobValidationOptions): FieldError[] {
  if (job.spec.manualSelector === true || job.spec.selector === undefined) return [];
  const errs: FieldError[] = [];
  const uid = job.metadata.uid ?? '';
  const name = job.metadata.name ?? '';
  if (uid === '') errs.push(fe.required('metadata.uid'));
  errs.push(...hasLabel(job, LABEL_LEGACY_CONTROLLER_UID, uid));
  errs.push(...hasLabel(job, LABEL_LEGACY_JOB_NAME, name));
  const expected: Record<string, string> = {};
  if (opts.requirePrefixedLabels) {
    errs.push(...hasLabel(job, LABEL_CONTROLLER_UID, uid));
    errs.push(...hasLabel(job, LABEL_JOB_NAME, name));
    expected[LABEL_CONTROLLER_UID] = uid;
    expected[LABEL_JOB_NAME] = name;
  }
  expected[LABEL_LEGACY_CONTROLLER_UID] = uid;
  expected[LABEL_LEGACY_JOB_NAME] = name;
  const match = selectorMatcher(job.spec.selector);
  if (match !== undefined && !match(expected)) {
    errs.push(fe.invalid('spec.selector', renderSelector(job.spec.selector), '`selector` not auto-generated'));
  }
  return errs;
}

/** IsDomainPrefixedPath. */
function validateManagedBy(v: string, path: string): FieldError[] {
  if (v.length === 0) return [fe.required(path)];
  const slash = v.indexOf('/');
  const host = slash >= 0 ? v.slice(0, slash) : '';
  const rest = slash >= 0 ? v.slice(slash + 1) : '';
  const errs: FieldError[] = [];
  if (slash < 0 || host.length === 0 || rest.length === 0) {
    errs.push(fe.invalid(path, v, 'must be a domain-prefixed path (such as "acme.io/foo")'));
  } else {
    for (const m of isDNS1123Subdomain(host)) errs.push(fe.invalid(path, host, m));
    if (!/^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(rest)) {
      errs.push(fe.invalid(path, rest, "Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')"));
    }
  }
  if (byteLen(v) > MAX_MANAGED_BY) errs.push(fe.tooLong(path, MAX_MANAGED_BY));
  return errs;
}

function nonNegative(v: number | undefined, path: string): FieldError[] {
  return v !== undefined && v < 0 ? [fe.invalid(path, v, 'must be greater than or equal to 0')] : [];
}

function validateIndexedRules(spec: JobSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const { completions, parallelism, maxFailedIndexes: mfi, backoffLimitPerIndex: blpi } = spec;
  if (completions === undefined) errs.push(fe.required(child(path, 'completions'), 'when completion mode is Indexed'));
  if (parallelism !== undefined && parallelism > MAX_PARALLELISM_INDEXED) {
    errs.push(fe.invalid(child(path, 'parallelism'), parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
  }
  if (completions !== undefined && mfi !== undefined && mfi > completions) {
    errs.push(fe.invalid(child(path, 'maxFailedIndexes'), mfi, 'must be less than or equal to completions'));
  }
  if (mfi !== undefined && mfi > MAX_FAILED_INDEXES) {
    errs.push(fe.invalid(child(path, 'maxFailedIndexes'), mfi, `must be less than or equal to ${MAX_FAILED_INDEXES}`));
  }
  if (completions !== undefined && completions > COMPLETIONS_SOFT_LIMIT && blpi !== undefined) {
    const tail = `when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`;
    if (mfi === undefined) {
      errs.push(fe.required(child(path, 'maxFailedIndexes'), `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`));
    }
    if (parallelism !== undefined && parallelism > PARALLELISM_LIMIT_HIGH_COMPLETIONS) {
      errs.push(fe.invalid(child(path, 'parallelism'), parallelism, `must be less than or equal to ${PARALLELISM_LIMIT_HIGH_COMPLETIONS} ${tail}`));
    }
    if (mfi !== undefined && mfi > MAX_FAILED_INDEXES_HIGH_COMPLETIONS) {
      errs.push(fe.invalid(child(path, 'maxFailedIndexes'), mfi, `must be less than or equal to ${MAX_FAILED_INDEXES_HIGH_COMPLETIONS} ${tail}`));
    }
  }
  return errs;
}

function validateModeAndPolicies(spec: JobSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mode = spec.completionMode;
  if (mode !== undefined) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') {
      errs.push(fe.notSupported(child(path, 'completionMode'), mode, ['NonIndexed', 'Indexed']));
    }
    if (mode === 'Indexed') errs.push(...validateIndexedRules(spec, path));
  }
  if (mode === undefined || mode === 'NonIndexed') {
    if (spec.backoffLimitPerIndex !== undefined) {
      errs.push(fe.invalid(child(path, 'backoffLimitPerIndex'), spec.backoffLimitPerIndex, 'requires indexed completion mode'));
    }
    if (spec.maxFailedIndexes !== undefined) {
      errs.push(fe.invalid(child(path, 'maxFailedIndexes'), spec.maxFailedIndexes, 'requires indexed completion mode'));
    }
  }
  if (spec.podFailurePolicy !== undefined) errs.push(...validatePodFailurePolicy(spec, child(path, 'podFailurePolicy')));
  if (spec.successPolicy !== undefined) {
    if ((mode ?? 'NonIndexed') !== 'Indexed') {
      errs.push(fe.invalid(child(path, 'successPolicy'), renderInternalSuccessPolicy(spec), 'requires indexed completion mode'));
    } else errs.push(...validateSuccessPolicy(spec, child(path, 'successPolicy')));
  }
  const prp = spec.podReplacementPolicy;
  if (prp !== undefined) {
    if (spec.podFailurePolicy !== undefined) {
      if (prp !== 'Failed') errs.push(fe.notSupported(child(path, 'podReplacementPolicy'), prp, ['Failed']));
    } else if (prp !== 'Failed' && prp !== 'TerminatingOrFailed') {
      errs.push(fe.notSupported(child(path, 'podReplacementPolicy'), prp, ['Failed', 'TerminatingOrFailed']));
    }
  }
  return errs;
}

/** validateJobSpec (lower-case upstream): everything but the selector. */
export function validateJobSpecFields(spec: JobSpec, path = 'spec'): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...nonNegative(spec.parallelism, child(path, 'parallelism')));
  errs.push(...nonNegative(spec.completions, child(path, 'completions')));
  errs.push(...nonNegative(spec.activeDeadlineSeconds, child(path, 'activeDeadlineSeconds')));
  errs.push(...nonNegative(spec.backoffLimit, child(path, 'backoffLimit')));
  errs.push(...nonNegative(spec.ttlSecondsAfterFinished, child(path, 'ttlSecondsAfterFinished')));
  errs.push(...nonNegative(spec.backoffLimitPerIndex, child(path, 'backoffLimitPerIndex')));
  if (spec.maxFailedIndexes !== undefined) {
    errs.push(...nonNegative(spec.maxFailedIndexes, child(path, 'maxFailedIndexes')));
    if (spec.backoffLimitPerIndex === undefined) {
      errs.push(fe.required(child(path, 'backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
    }
  }
  if (spec.managedBy !== undefined) errs.push(...validateManagedBy(spec.managedBy, child(path, 'managedBy')));
  errs.push(...validateModeAndPolicies(spec, path));
  errs.push(...validatePodTemplateSpec(spec.template, child(path, 'template')));
  const rpPath = `${path}.template.spec.restartPolicy`;
  const rp = spec.template?.spec?.restartPolicy ?? '';
  if (rp === 'Always' || rp === '') errs.push(fe.required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(fe.notSupported(rpPath, rp, ['OnFailure', 'Never']));
  else if (spec.podFailurePolicy !== undefined && rp !== 'Never') {
    errs.push(fe.invalid(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  }
  return errs;
}

/** ValidateJobSpec: the fields, then the selector and its match against the template labels. */
export function validateJobSpec(spec: JobSpec, path = 'spec'): FieldError[] {
  const errs = validateJobSpecFields(spec, path);
  if (spec.selector === undefined) errs.push(fe.required(child(path, 'selector')));
  else errs.push(...validateLabelSelector(spec.selector, child(path, 'selector')));
  const match = selectorMatcher(spec.selector);
  const labels = spec.template?.metadata?.labels;
  if (match !== undefined && !match(labels ?? {})) {
    errs.push(fe.invalid(`${path}.template.metadata.labels`, sortedMap(labels), '`selector` does not match template `labels`'));
  }
  return errs;
}

/** ValidateJob: metadata, generated selector, spec, then the Indexed pod-hostname check. */
export function validateJob(job: Job, opts: JobValidationOptions): FieldError[] {
  const errs = validateObjectMeta(job.metadata);
  errs.push(...validateGeneratedSelector(job, opts));
  errs.push(...validateJobSpec(job.spec));
  const c = job.spec.completions;
  if (job.spec.completionMode === 'Indexed' && c !== undefined && c > 0) {
    const name = job.metadata.name ?? '';
    const host = `${name}-${c - 1}`;
    if (isDNS1123Label(host).length > 0) {
      errs.push(fe.invalid('metadata.name', name, `will not able to create pod with invalid DNS label: ${host}`));
    }
  }
  return errs;
}
