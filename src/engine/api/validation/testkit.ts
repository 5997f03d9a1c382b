// Helpers for the validation tests: the baseline manifest (job-api.md §0.5), path-based edits,
// and the create / update pipelines the strategy runs (decode → defaults → prepare → validate).

import { decodeJob, type FieldValidation } from '../decode';
import { generateSelector, setDefaultsJob } from '../defaults';
import { invalidError, kubectlErrorText, type FieldError } from '../errors';
import type { Job } from '../types';
import { validateJobCreate, validateJobUpdate } from './index';
import { clone } from './util';

export const TEST_UID = '1a2b3c';

export type Raw = Record<string, unknown>;

export function baseJob(): Raw {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'myjob', namespace: 'default' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] } } },
  };
}

/** Sets (or with `undefined` deletes) the value at a dotted path; numeric parts index arrays. */
export function setPath(obj: Raw, path: string, value: unknown): Raw {
  const parts = path.split('.');
  let cur: Record<string, unknown> | unknown[] = obj;
  parts.slice(0, -1).forEach((p, i) => {
    const rec = cur as Record<string, unknown>;
    let next = rec[p];
    if (typeof next !== 'object' || next === null) {
      next = /^\d+$/.test(parts[i + 1] ?? '') ? [] : {};
      rec[p] = next;
    }
    cur = next as Record<string, unknown>;
  });
  const last = parts[parts.length - 1] ?? '';
  const rec = cur as Record<string, unknown>;
  if (value === undefined) delete rec[last];
  else rec[last] = value;
  return obj;
}

export function jobWith(edits: Record<string, unknown>): Raw {
  const j = baseJob();
  for (const [p, v] of Object.entries(edits)) setPath(j, p, v);
  return j;
}

export interface Outcome {
  text: string;
  errors: FieldError[];
  warnings: string[];
  job?: Job;
}

/** The create path: decode, default, uid/namespace, generated selector, validate. */
export function createJob(raw: unknown, fv: FieldValidation = 'Warn'): Outcome {
  const d = decodeJob(raw, fv);
  if (!d.ok) return { text: kubectlErrorText(d.error), errors: [], warnings: [] };
  const job = d.job;
  setDefaultsJob(job);
  job.metadata.uid = TEST_UID;
  job.metadata.namespace ??= 'default';
  job.metadata.generation = 1;
  generateSelector(job);
  const r = validateJobCreate(job);
  const text = r.errors.length > 0 ? kubectlErrorText(invalidError(job.metadata.name ?? '', r.errors)) : '';
  return { text, errors: r.errors, warnings: [...d.warnings, ...r.warnings], job };
}

/** A stored Job (created successfully) for update tests. */
export function storedJob(raw: unknown): Job {
  const o = createJob(raw);
  if (o.job === undefined || o.errors.length > 0) throw new Error(`fixture invalid: ${o.text}`);
  return o.job;
}

/** The update path: the new body decoded and defaulted, identity and status taken from the old one. */
export function updateJob(oldJob: Job, mutate: (j: Job) => void): Outcome {
  const newJob = clone(oldJob);
  mutate(newJob);
  newJob.status = clone(oldJob.status);
  setDefaultsJob(newJob);
  const r = validateJobUpdate(newJob, oldJob);
  const text = r.errors.length > 0 ? kubectlErrorText(invalidError(newJob.metadata.name ?? '', r.errors)) : '';
  return { text, errors: r.errors, warnings: r.warnings, job: newJob };
}
