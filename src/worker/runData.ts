// Assembles the streamed trace chunks into one RunData on the main thread. A run's data
// has the same columns as a chunk, concatenated; appending is cheap, so chunks are kept
// as they arrive and joined once when the run is done.

import type { TraceChunk } from './compact';

/** A whole run's compact trace (the chunks joined). */
export type RunData = TraceChunk;

type Typed = Int32Array | Uint8Array | Int16Array | Float64Array;

function concatTyped<T extends Typed>(parts: T[], make: (n: number) => T): T {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = make(n);
  let at = 0;
  for (const p of parts) {
    out.set(p as never, at);
    at += p.length;
  }
  return out;
}

function concatArrays<T>(parts: T[][]): T[] {
  const out: T[] = [];
  for (const p of parts) for (const x of p) out.push(x);
  return out;
}

const TYPED_KEYS = {
  podIndex: (n: number) => new Int32Array(n),
  podAttempt: (n: number) => new Int32Array(n),
  podIgnored: (n: number) => new Int32Array(n),
  pTime: (n: number) => new Int32Array(n),
  pId: (n: number) => new Int32Array(n),
  pPhase: (n: number) => new Uint8Array(n),
  pFlags: (n: number) => new Uint8Array(n),
  pExit: (n: number) => new Int16Array(n),
  pRestarts: (n: number) => new Int32Array(n),
  pReason: (n: number) => new Int32Array(n),
  eTime: (n: number) => new Int32Array(n),
  eKey: (n: number) => new Int32Array(n),
  eFlags: (n: number) => new Uint8Array(n),
  eReason: (n: number) => new Int32Array(n),
  eMessage: (n: number) => new Int32Array(n),
  eComponent: (n: number) => new Int32Array(n),
  eCount: (n: number) => new Int32Array(n),
  eLastMs: (n: number) => new Float64Array(n),
  times: (n: number) => new Int32Array(n),
} as const;

export function joinChunks(chunks: readonly TraceChunk[]): RunData {
  const typed = {} as Record<keyof typeof TYPED_KEYS, Typed>;
  for (const key of Object.keys(TYPED_KEYS) as (keyof typeof TYPED_KEYS)[]) {
    typed[key] = concatTyped(chunks.map((c) => c[key] as Typed), TYPED_KEYS[key] as (n: number) => Typed);
  }
  return {
    ...(typed as unknown as Pick<RunData, keyof typeof TYPED_KEYS>),
    strings: concatArrays(chunks.map((c) => c.strings)),
    podNames: concatArrays(chunks.map((c) => c.podNames)),
    eventNames: concatArrays(chunks.map((c) => c.eventNames)),
    jobs: concatArrays(chunks.map((c) => c.jobs)),
    log: concatArrays(chunks.map((c) => c.log)),
  };
}

/** Plain shape check for data arriving over postMessage (a malformed chunk is dropped). */
export function isTraceChunk(x: unknown): x is TraceChunk {
  if (typeof x !== 'object' || x === null) return false;
  const c = x as Partial<TraceChunk>;
  return c.pTime instanceof Int32Array && c.eTime instanceof Int32Array && Array.isArray(c.jobs) && Array.isArray(c.log) && Array.isArray(c.strings);
}
