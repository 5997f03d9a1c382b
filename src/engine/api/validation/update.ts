// Update of the main Job resource. Mirrors pkg/registry/batch/job/strategy.go ValidateUpdate
// (ValidateJob + ValidateJobUpdate) and pkg/apis/batch/validation ValidateJobSpecUpdate,
// validateCompletions (ElasticIndexedJob) and validatePodTemplateUpdate (v1.34 relaxation:
// scheduling directives are mutable while the old Job is suspended and has never started).

import { fe, type FieldError } from '../errors';
import { LABEL_CONTROLLER_UID, LABEL_JOB_NAME, type Job, type JobSpec, type PodTemplateSpec } from '../types';
import { validateJob, validateJobSpec, type JobValidationOptions } from './jobSpec';
import { validateObjectMetaUpdate } from './meta';
import { renderSelector } from './selector';
import { clone, deepEqual, isObj, type Obj } from './util';

export function updateOptions(oldJob: Job): JobValidationOptions & { allowMutableSchedulingDirectives: boolean } {
  const labels = oldJob.spec.template?.metadata?.labels ?? {};
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(labels, k);
  return {
    requirePrefixedLabels: has(LABEL_JOB_NAME) && has(LABEL_CONTROLLER_UID),
    allowMutableSchedulingDirectives: oldJob.spec.suspend === true && oldJob.status?.startTime === undefined,
  };
}

function immutable(newV: unknown, oldV: unknown, path: string, render: unknown = newV): FieldError[] {
  return deepEqual(newV, oldV) ? [] : [fe.invalid(path, render ?? null, 'field is immutable')];
}

function validateCompletions(spec: JobSpec, old: JobSpec): FieldError[] {
  if (spec.completionMode !== 'Indexed') return immutable(spec.completions, old.completions, 'spec.completions');
  if (spec.completions === old.completions || spec.completions === undefined) return [];
  if (spec.completions !== spec.parallelism) {
    return [fe.invalid('spec.completions', spec.completions, 'can only be modified in tandem with spec.parallelism')];
  }
  return [];
}

/** The old template with the fields that may change for a suspended, never-started Job taken from the new one. */
function relaxedOldTemplate(tpl: PodTemplateSpec, oldTpl: PodTemplateSpec): PodTemplateSpec {
  const old = clone(oldTpl);
  const newSpec = tpl.spec as unknown as Obj;
  const oldSpec = (old.spec ?? {}) as unknown as Obj;
  const na = newSpec.affinity;
  const oa = oldSpec.affinity;
  if (!isObj(na) && isObj(oa)) {
    const rest = { ...oa };
    delete rest.nodeAffinity;
    if (Object.keys(rest).length === 0) delete oldSpec.affinity;
    else oldSpec.affinity = rest;
  } else if (isObj(na) && !isObj(oa)) {
    oldSpec.affinity = na.nodeAffinity === undefined ? {} : { nodeAffinity: na.nodeAffinity };
  } else if (isObj(na) && isObj(oa)) {
    const merged = { ...oa };
    if (na.nodeAffinity === undefined) delete merged.nodeAffinity;
    else merged.nodeAffinity = na.nodeAffinity;
    oldSpec.affinity = merged;
  }
  for (const f of ['nodeSelector', 'tolerations', 'schedulingGates']) {
    if (newSpec[f] === undefined) delete oldSpec[f];
    else oldSpec[f] = newSpec[f];
  }
  old.metadata = { ...(old.metadata ?? {}) };
  if (tpl.metadata?.annotations === undefined) delete old.metadata.annotations;
  else old.metadata.annotations = tpl.metadata.annotations;
  if (tpl.metadata?.labels === undefined) delete old.metadata.labels;
  else old.metadata.labels = tpl.metadata.labels;
  return old;
}

/** ValidateJobSpecUpdate: the spec again (so its errors appear twice), then immutability. */
function validateJobSpecUpdate(spec: JobSpec, old: JobSpec, allowSched: boolean): FieldError[] {
  const errs = validateJobSpec(spec);
  errs.push(...validateCompletions(spec, old));
  errs.push(...immutable(spec.selector, old.selector, 'spec.selector', renderSelector(spec.selector)));
  const oldTpl = allowSched ? relaxedOldTemplate(spec.template, old.template) : old.template;
  errs.push(...immutable(spec.template, oldTpl, 'spec.template'));
  errs.push(...immutable(spec.completionMode, old.completionMode, 'spec.completionMode'));
  errs.push(...immutable(spec.podFailurePolicy, old.podFailurePolicy, 'spec.podFailurePolicy'));
  errs.push(...immutable(spec.backoffLimitPerIndex, old.backoffLimitPerIndex, 'spec.backoffLimitPerIndex'));
  errs.push(...immutable(spec.managedBy, old.managedBy, 'spec.managedBy'));
  errs.push(...immutable(spec.successPolicy, old.successPolicy, 'spec.successPolicy'));
  return errs;
}

export function validateJobUpdateErrors(newJob: Job, oldJob: Job): FieldError[] {
  const opts = updateOptions(oldJob);
  const errs = validateJob(newJob, opts);
  errs.push(...validateObjectMetaUpdate(newJob.metadata, oldJob.metadata));
  errs.push(...validateJobSpecUpdate(newJob.spec, oldJob.spec, opts.allowMutableSchedulingDirectives));
  return errs;
}
