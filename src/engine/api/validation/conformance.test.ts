// Runs every validation conformance case (real-cluster outcomes) through decode → defaults →
// generated selector → create validation, and checks the kubectl-rendered error text.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decodeJob } from '../decode';
import { generateSelector, setDefaultsJob } from '../defaults';
import { invalidError, kubectlErrorText } from '../errors';
import { validateJobCreate } from './index';

const DIR = join(__dirname, '../../conformance/cases/validation');

interface Case {
  file: string;
  job: unknown;
  errors: string[] | undefined;
}

function loadCases(): Case[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const doc = parse(readFileSync(join(DIR, file), 'utf8')) as {
        scenario: { spec: { job: unknown } };
        expect?: { error?: string[] };
      };
      return { file, job: doc.scenario.spec.job, errors: doc.expect?.error };
    });
}

/** What the runner would print for a create of this manifest ('' when accepted). */
export function createOutput(raw: unknown): string {
  const decoded = decodeJob(raw, 'Strict');
  if (!decoded.ok) return kubectlErrorText(decoded.error);
  const job = decoded.job;
  setDefaultsJob(job);
  job.metadata.uid = '0e5b7a9c-1d2e-4f3a-8b6c-5d4e3f2a1b0c';
  job.metadata.namespace ??= 'default';
  generateSelector(job);
  const res = validateJobCreate(job);
  if (res.errors.length === 0) return '';
  return kubectlErrorText(invalidError(job.metadata.name ?? '', res.errors));
}

const cases = loadCases();

describe('validation conformance cases', () => {
  it('loads all copied cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(56);
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s', (_name, c) => {
    const out = createOutput(c.job);
    if (c.errors === undefined) {
      expect(out).toBe('');
    } else {
      expect(out).not.toBe('');
      for (const s of c.errors) expect(out).toContain(s);
    }
  });
});
