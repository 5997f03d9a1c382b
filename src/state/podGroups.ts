// Pod grouping for the Pods panel and the "over parallelism" moment: while deleted pods
// are still terminating the Job can have more running pods than spec.parallelism (with
// podReplacementPolicy TerminatingOrFailed the controller replaces them at once). Counted
// from the pod objects at the cursor; nothing about the controller is computed here.

import { PHASES } from '../worker/compact';
import type { RunData } from '../worker/runData';
import type { PodView } from './derive';
import type { PodSet } from './fold';

export type PodGroup = 'active' | 'terminating' | 'finished';

export function podGroupOf(p: Pick<PodView, 'phase' | 'terminating'>): PodGroup {
  if (p.phase === 'Succeeded' || p.phase === 'Failed') return 'finished';
  return p.terminating ? 'terminating' : 'active';
}

/** The cards by group, each group in creation order. */
export function groupPods(pods: readonly PodView[]): Record<PodGroup, PodView[]> {
  const out: Record<PodGroup, PodView[]> = { active: [], terminating: [], finished: [] };
  for (const p of pods) out[podGroupOf(p)].push(p);
  return out;
}

/** Pods not in a terminal phase (active + terminating) at the cursor. */
export function countNonTerminal(data: RunData, pods: PodSet): number {
  const succeeded = PHASES.indexOf('Succeeded');
  const failed = PHASES.indexOf('Failed');
  let n = 0;
  for (let k = 0; k < pods.count; k++) {
    const phase = data.pPhase[pods.tr[k] ?? 0];
    if (phase !== succeeded && phase !== failed) n++;
  }
  return n;
}

/** The badge's numbers when more pods run than parallelism allows, else null. */
export function overParallelism(nonTerminal: number, parallelism: number | undefined): { n: number; p: number } | null {
  const p = parallelism ?? 1;
  return nonTerminal > p ? { n: nonTerminal, p } : null;
}
