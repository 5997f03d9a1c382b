// The typed message protocol between the main thread and the simulation worker.
// Every message carries the protocol version and a request id; a response repeats the
// id of the request it answers, so the client can match answers and drop stale ones.
// Engine data crosses the boundary as plain structured-cloneable objects.

import type { RunResult } from '../engine/sim/result';

export const PROTOCOL_VERSION = 1 as const;

export interface ScenarioError {
  path: string;
  message: string;
  line: number;
  column: number;
}

export type SimRequest =
  | { v: typeof PROTOCOL_VERSION; id: number; type: 'run'; text: string; untilMs?: number }
  | { v: typeof PROTOCOL_VERSION; id: number; type: 'kubectl'; text: string; atMs: number; command: string };

/** What a `run` request produces. */
export type RunResponse =
  | { v: typeof PROTOCOL_VERSION; id: number; type: 'result'; result: RunResult; warnings: string[]; elapsedMs: number }
  /** The scenario file itself is invalid (bad YAML, unknown key, wrong type). */
  | { v: typeof PROTOCOL_VERSION; id: number; type: 'invalid'; errors: ScenarioError[] }
  /** The API refused the scenario's Job (kubectl's 422 text). */
  | { v: typeof PROTOCOL_VERSION; id: number; type: 'rejected'; text: string }
  /** Anything unexpected inside the worker: reported, never thrown. */
  | { v: typeof PROTOCOL_VERSION; id: number; type: 'error'; message: string };

/** What a `kubectl` request produces: what the command printed, or why it could not run. */
export type KubectlResponse =
  | { v: typeof PROTOCOL_VERSION; id: number; type: 'kubectl'; ok: boolean; output: string }
  | { v: typeof PROTOCOL_VERSION; id: number; type: 'error'; message: string };

export type SimResponse = RunResponse | KubectlResponse;

/** Distributes Omit over a union (plain Omit would collapse the variants). */
export type WithoutEnvelope<T> = T extends unknown ? Omit<T, 'v' | 'id'> : never;

export function isSimResponse(x: unknown): x is SimResponse {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as { v?: unknown; id?: unknown; type?: unknown };
  return m.v === PROTOCOL_VERSION && typeof m.id === 'number' && typeof m.type === 'string';
}
