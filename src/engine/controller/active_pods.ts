// Mirrors controller.ActivePods (pkg/controller/controller_utils.go) and
// activePodsForRemoval / appendDuplicatedIndexPodsForRemoval of the Job controller:
// which active pods go first when there are too many.

import type { Job, Pod } from '../api/types';
import { getCompletionIndex, isIndexedJob, isValidCompletionIndex } from './indexed_job_utils';
import { isPodReady } from './utils';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function readyTime(p: Pod): string {
  return (p.status.conditions ?? []).find((c) => c.type === 'Ready')?.lastTransitionTime ?? '';
}

function maxRestarts(p: Pod): number {
  let m = 0;
  for (const s of p.status.containerStatuses ?? []) m = Math.max(m, s.restartCount);
  return m;
}

/** Deletion order: unscheduled, Pending<Unknown<Running, not ready, ready more recently, more restarts, newer. */
export function compareActivePods(a: Pod, b: Pod): number {
  const sa = a.spec.nodeName ? 1 : 0;
  const sb = b.spec.nodeName ? 1 : 0;
  if (sa !== sb) return sa - sb;
  const pa = PHASE_RANK[a.status.phase] ?? 1;
  const pb = PHASE_RANK[b.status.phase] ?? 1;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a) ? 1 : 0;
  const rb = isPodReady(b) ? 1 : 0;
  if (ra !== rb) return ra - rb;
  if (ra === 1) {
    // The pod that became ready more recently goes first; an empty time counts as latest.
    const ta = readyTime(a);
    const tb = readyTime(b);
    if (ta !== tb) {
      if (ta === '') return -1;
      if (tb === '') return 1;
      return ta > tb ? -1 : 1;
    }
  }
  const xa = maxRestarts(a);
  const xb = maxRestarts(b);
  if (xa !== xb) return xb - xa;
  const ca = a.metadata.creationTimestamp ?? '';
  const cb = b.metadata.creationTimestamp ?? '';
  if (ca !== cb) {
    if (ca === '') return -1;
    if (cb === '') return 1;
    return ca > cb ? -1 : 1;
  }
  return 0;
}

/** activePodsForRemoval: Indexed duplicates/invalid first, then by the deletion order. */
export function activePodsForRemoval(job: Job, active: Pod[], rmAtLeast: number): Pod[] {
  let rm: Pod[] = [];
  let left: Pod[] = active;
  if (isIndexedJob(job)) {
    ({ rm, left } = duplicatedIndexPodsForRemoval(active, job.spec.completions ?? 0));
  }
  if (rm.length < rmAtLeast) {
    // A stable sort keeps creation order among equals, so the outcome is deterministic.
    const sorted = [...left].sort(compareActivePods);
    rm = rm.concat(sorted.slice(0, rmAtLeast - rm.length));
  }
  return rm;
}

function duplicatedIndexPodsForRemoval(pods: Pod[], completions: number): { rm: Pod[]; left: Pod[] } {
  const rm: Pod[] = [];
  const left: Pod[] = [];
  const byIndex = new Map<number, Pod[]>();
  for (const p of pods) {
    const ix = getCompletionIndex(p);
    if (!isValidCompletionIndex(ix, completions)) {
      rm.push(p);
      continue;
    }
    const list = byIndex.get(ix);
    if (list) list.push(p);
    else byIndex.set(ix, [p]);
  }
  const indexes = [...byIndex.keys()].sort((a, b) => a - b);
  for (const ix of indexes) {
    const list = byIndex.get(ix) as Pod[];
    if (list.length === 1) {
      left.push(list[0] as Pod);
      continue;
    }
    const sorted = [...list].sort(compareActivePods);
    for (const p of sorted.slice(0, -1)) rm.push(p);
    left.push(sorted[sorted.length - 1] as Pod);
  }
  return { rm, left };
}
