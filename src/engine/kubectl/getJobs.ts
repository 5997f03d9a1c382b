// `kubectl get jobs` rows, mirroring printJob in
// kubernetes/pkg/printers/internalversion/printers.go (server-side table printer).

import type { Container, Job } from '../api/types';
import { hasTrueCondition } from '../controller/utils';
import { formatLabelSelector, humanDuration, parseTime, translateTimestampSince, absoluteNow } from './format';
import { printTable, type TableOptions, type TableRow } from './table';

/** STATUS column: first match wins (Complete, Failed, Terminating, Suspended, FailureTarget, Running). */
export function jobStatusText(job: Job): string {
  const conds = job.status?.conditions;
  if (hasTrueCondition(conds, 'Complete')) return 'Complete';
  if (hasTrueCondition(conds, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasTrueCondition(conds, 'Suspended')) return 'Suspended';
  if (hasTrueCondition(conds, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** COMPLETIONS column: `1/3`, `0/1 of 3` (nil completions, parallelism > 1) or `0/1`. */
export function jobCompletionsText(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec.completions !== undefined && job.spec.completions !== null) {
    return `${succeeded}/${job.spec.completions}`;
  }
  const parallelism = job.spec.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** DURATION column: blank before startTime; completionTime − startTime once set, else now − startTime. */
export function jobDurationText(job: Job, nowMs: number, clockStart: string): string {
  const start = parseTime(job.status?.startTime);
  if (start === undefined) return '';
  const end = parseTime(job.status?.completionTime);
  if (end === undefined) return humanDuration(absoluteNow(nowMs, clockStart) - start);
  return humanDuration(end - start);
}

/** layoutContainerCells: comma-joined container names and images. */
export function containerCells(containers: Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

export function jobRow(job: Job, nowMs: number, clockStart: string, wide: boolean): TableRow {
  const cells = [
    jobStatusText(job),
    jobCompletionsText(job),
    jobDurationText(job, nowMs, clockStart),
    translateTimestampSince(job.metadata.creationTimestamp, nowMs, clockStart),
  ];
  if (wide) {
    const [names, images] = containerCells(job.spec.template?.spec?.containers);
    cells.push(names, images, formatLabelSelector(job.spec.selector));
  }
  return { namespace: job.metadata.namespace ?? '', name: job.metadata.name ?? '', cells, labels: job.metadata.labels };
}

export const JOB_HEADERS = ['STATUS', 'COMPLETIONS', 'DURATION', 'AGE'];
export const JOB_WIDE_HEADERS = ['CONTAINERS', 'IMAGES', 'SELECTOR'];

/**
 * The `kubectl get jobs` table. `nowMs` is virtual ms since `clockStart` (RFC3339).
 * An empty list renders as the empty string; the caller prints "No resources found".
 */
export function jobsTable(jobs: Job[], nowMs: number, clockStart: string, opts: TableOptions = {}): string {
  if (jobs.length === 0) return '';
  const headers = opts.wide ? [...JOB_HEADERS, ...JOB_WIDE_HEADERS] : JOB_HEADERS;
  const rows = jobs.map((j) => jobRow(j, nowMs, clockStart, opts.wide === true));
  return printTable(headers, rows, opts);
}
