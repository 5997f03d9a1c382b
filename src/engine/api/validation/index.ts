// Public entry points of Job validation, as the registry strategy calls them
// (pkg/registry/batch/job/strategy.go: Validate, ValidateUpdate, status ValidateUpdate,
// WarningsOnCreate, WarningsOnUpdate). They never throw: an unexpected failure becomes an
// InternalError field error.

import type { FieldError } from '../errors';
import type { Job } from '../types';
import { validateJob } from './jobSpec';
import { validateJobStatusUpdateErrors } from './status';
import { validateJobUpdateErrors } from './update';
import { deepEqual } from './util';
import { warningsForJobSpec, warningsOnCreate } from './warnings';

export interface ValidationResult {
  errors: FieldError[];
  warnings: string[];
}

function internal(e: unknown): FieldError {
  return { type: 'InternalError', field: '', detail: e instanceof Error ? e.message : String(e) };
}

/** Create: the Job is decoded, defaulted, has uid/name/namespace and the generated selector. */
export function validateJobCreate(job: Job): ValidationResult {
  try {
    const errors = validateJob(job, { requirePrefixedLabels: true });
    return { errors, warnings: errors.length === 0 ? warningsOnCreate(job) : [] };
  } catch (e) {
    return { errors: [internal(e)], warnings: [] };
  }
}

/** PUT/PATCH of the main resource. Warnings only when the spec (hence generation) changed. */
export function validateJobUpdate(newJob: Job, oldJob: Job): ValidationResult {
  try {
    const errors = validateJobUpdateErrors(newJob, oldJob);
    const changed = !deepEqual(newJob.spec, oldJob.spec);
    return { errors, warnings: errors.length === 0 && changed ? warningsForJobSpec(newJob) : [] };
  } catch (e) {
    return { errors: [internal(e)], warnings: [] };
  }
}

/** Writes to the /status subresource. */
export function validateJobStatusUpdate(newJob: Job, oldJob: Job): FieldError[] {
  try {
    return validateJobStatusUpdateErrors(newJob, oldJob);
  } catch (e) {
    return [internal(e)];
  }
}

export { warningsOnCreate, warningsForJobSpec } from './warnings';
export { validateIndexesFormat, parseIndexInterval } from './indexes';
export { parseQuantity, quantityString, compareQuantity } from './quantity';
