// What a run produces: the trace, plus the summary the headless runner prints
// (scenario-format.md, `--output json`).

import type { StatusError } from '../api/errors';
import type { Job, KubeEvent } from '../api/types';
import type { ActionResult, TraceEntry } from './trace';

export interface PodSummary {
  name: string;
  index: number | null;
  attempt: number;
  phase: string;
  exitCode: number | null;
  restartCount: number;
  createdAtSeconds: number;
  startedAtSeconds: number | null;
  finishedAtSeconds: number | null;
  deletedAtSeconds: number | null;
  conditions: Array<{ type: string; status: string; reason?: string }>;
}

export interface EventSummary {
  atSeconds: number;
  type: 'Normal' | 'Warning';
  reason: string;
  object: string;
  message: string;
}

export interface ActionSummary {
  atSeconds: number;
  action: string;
  result: ActionResult;
  message: string;
}

export interface RunResult {
  ok: true;
  scenario: string;
  finished: boolean;
  finishedAtSeconds: number | null;
  /** Virtual time at which the run stopped. */
  endMs: number;
  jobDeleted: boolean;
  job: Job;
  pods: PodSummary[];
  events: EventSummary[];
  /** The Event objects as the API holds them (for describe). */
  eventObjects: KubeEvent[];
  actions: ActionSummary[];
  trace: TraceEntry[];
  /** Number of simulation events processed (for the benchmark). */
  eventsProcessed: number;
  /** Non-fatal notes for the user (e.g. the run hit the 24 h horizon). */
  notes: string[];
}

/** The scenario's Job was refused by the API (kubectl's 422 text is in `text`). */
export interface RunRejected {
  ok: false;
  error: StatusError;
  text: string;
}

export type RunOutcome = RunResult | RunRejected;
