// The typed message protocol between the main thread and the simulation worker (v2).
// Every message carries the protocol version and a request id; a response repeats the
// id of the request it answers, so the client can match answers and drop stale ones.
//
// v2 (v1 had one `result` message with the full trace): a run streams `chunk` messages
// (the compact trace, compact.ts) and `progress` messages while it runs in time slices,
// then ends with exactly one terminal message (`result` with a compact summary,
// `invalid`, `rejected`, `error` or `cancelled`). A `cancel` request stops a run
// between two slices.

import type { SliceSummary } from './slicedRun';
import type { LogEntry, TraceChunk } from './compact';

export const PROTOCOL_VERSION = 2 as const;

export interface ScenarioError {
  path: string;
  message: string;
  line: number;
  column: number;
}

type Envelope = { v: typeof PROTOCOL_VERSION; id: number };

/** Test-only faults (accepted only by a worker started with test hooks, see sim.worker.ts). */
export type TestFault = 'crash' | 'hang' | 'throw';

export type SimRequest =
  | (Envelope & { type: 'run'; text: string; untilMs?: number })
  | (Envelope & { type: 'kubectl'; text: string; atMs: number; command: string })
  | (Envelope & { type: 'cancel'; target: number })
  | (Envelope & { type: 'test'; fault: TestFault });

/** What the main thread keeps of a run besides the compact trace (the client adds the log). */
export interface RunSummary extends SliceSummary {
  /** The "why" and action entries, in trace order (joined from the chunks). */
  trace: LogEntry[];
}

/** Streamed while a request runs (not terminal). */
export type StreamMessage =
  | (Envelope & { type: 'progress'; simMs: number; events: number; wallMs: number })
  | (Envelope & { type: 'chunk'; chunk: TraceChunk });

/** The terminal answer to a `run` request. */
export type RunResponse =
  | (Envelope & { type: 'result'; summary: SliceSummary; warnings: string[]; elapsedMs: number })
  /** The scenario file itself is invalid (bad YAML, unknown key, wrong type). */
  | (Envelope & { type: 'invalid'; errors: ScenarioError[] })
  /** The API refused the scenario's Job (kubectl's 422 text). */
  | (Envelope & { type: 'rejected'; text: string })
  /** A `cancel` request (or a newer run) stopped it. */
  | (Envelope & { type: 'cancelled' })
  /** Anything unexpected inside the worker (or the worker crashed or hung): reported, never thrown. */
  | (Envelope & { type: 'error'; message: string });

/** What a `kubectl` request produces: what the command printed, or why it could not run. */
export type KubectlResponse =
  | (Envelope & { type: 'kubectl'; ok: boolean; output: string })
  | (Envelope & { type: 'cancelled' })
  | (Envelope & { type: 'error'; message: string });

export type TerminalResponse = RunResponse | KubectlResponse;
export type SimResponse = TerminalResponse | StreamMessage;

/** Distributes Omit over a union (plain Omit would collapse the variants). */
export type WithoutEnvelope<T> = T extends unknown ? Omit<T, 'v' | 'id'> : never;

export function isSimResponse(x: unknown): x is SimResponse {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as { v?: unknown; id?: unknown; type?: unknown };
  return m.v === PROTOCOL_VERSION && typeof m.id === 'number' && typeof m.type === 'string';
}

export function isTerminal(m: SimResponse): m is TerminalResponse {
  return m.type !== 'progress' && m.type !== 'chunk';
}
