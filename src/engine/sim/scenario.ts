// The normalized scenario the engine runs: what `src/scenario/parse.ts` produces from a
// scenario file (see docs: scenario-format.md). All times here are integer milliseconds.

import type { JsonObject } from '../api/types';
import type { PatchType } from '../api/patch';

export interface PodConditionSpec {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** How one simulated pod behaves (the workload defaults, overridden by a matching rule). */
export interface WorkloadOutcome {
  startupSeconds: number;
  readySeconds: number;
  durationSeconds: number;
  exitCode: number;
  terminationSeconds: number;
  /** Which container exits with exitCode (default: the first container); others exit 0. */
  container?: string;
  /** Pod conditions the pod carries when it terminates (for podFailurePolicy onPodConditions). */
  conditions?: PodConditionSpec[];
  /**
   * restartPolicy OnFailure: after this many in-place restarts the container exits 0
   * (without it, every run of a failing container fails again).
   */
  succeedAfterRestarts?: number;
}

/** An integer set given as "1,3-5" (indexes) or a number / "0-2" (attempts). */
export interface IntSet {
  text: string;
  ranges: Array<[number, number]>;
}

export interface WorkloadRule {
  index?: IntSet;
  attempt?: IntSet;
  outcome: Partial<WorkloadOutcome>;
}

export interface RandomWorkload {
  failureProbability: number;
  exitCodes: number[];
  durationSeconds?: { min: number; max: number };
}

export interface Workload {
  defaults: WorkloadOutcome;
  rules: WorkloadRule[];
  random?: RandomWorkload;
}

/** Which pod an action targets: by completion index, by name, or (neither) the oldest running pod. */
export interface PodTarget {
  index?: number;
  name?: string;
}

export type ScenarioActionBody =
  | { kind: 'failPod'; target: PodTarget; exitCode: number }
  | { kind: 'disruptPod'; target: PodTarget; reason: string }
  | { kind: 'deletePod'; target: PodTarget; gracePeriodSeconds?: number }
  | { kind: 'setPodCondition'; target: PodTarget; type: string; status: string; reason?: string; message?: string }
  | { kind: 'suspend'; value: boolean }
  | { kind: 'scale'; parallelism?: number; completions?: number }
  | { kind: 'patchJob'; patchType: PatchType; patch: unknown }
  | { kind: 'kubectl'; command: string }
  | { kind: 'deleteJob'; propagationPolicy?: string }
  | { kind: 'applyJob'; manifest: JsonObject };

export type ScenarioAction = ScenarioActionBody & { atMs: number };

export interface SimScenario {
  name: string;
  /** RFC 3339 wall-clock time of t=0. */
  clockStart: string;
  seed: number;
  /** The raw Job manifest as written (decoded and validated by the API on create). */
  job: unknown;
  workload: Workload;
  actions: ScenarioAction[];
  /** A stop time, or 'finished' (stop once the Job is finished and nothing is pending; 24 h cap). */
  until: number | 'finished';
  /** Delay between a trigger and the controller's sync (spec.controller.syncDelaySeconds). */
  syncDelayMs: number;
}

export const DEFAULT_CLOCK_START = '2025-01-01T00:00:00Z';
export const MAX_SIMULATED_MS = 24 * 3600 * 1000;

export const DEFAULT_WORKLOAD: WorkloadOutcome = {
  startupSeconds: 1,
  readySeconds: 0,
  durationSeconds: 10,
  exitCode: 0,
  terminationSeconds: 1,
};
