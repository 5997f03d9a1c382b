// Assembles the streamed trace chunks into one RunData on the main thread. A run's data
// has the same columns as a chunk, concatenated. RunDataBuilder appends each chunk as it
// arrives (in its own task) into growing columns, so the end of a big run costs no join;
// joinChunks does the same in one go (tests, small traces).

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

type TypedKey = keyof typeof TYPED_KEYS;

/** Appends chunks into columns that double their capacity; finish() returns views, no copy. */
export class RunDataBuilder {
  private readonly cols = new Map<TypedKey, { buf: Typed; len: number }>();
  private readonly lists = { strings: [] as string[], podNames: [] as string[], eventNames: [] as string[], jobs: [] as RunData['jobs'], log: [] as RunData['log'] };

  append(c: TraceChunk): void {
    for (const key of Object.keys(TYPED_KEYS) as TypedKey[]) {
      const part = c[key] as Typed;
      let col = this.cols.get(key);
      if (!col) {
        col = { buf: TYPED_KEYS[key](Math.max(1024, part.length)), len: 0 };
        this.cols.set(key, col);
      }
      if (col.len + part.length > col.buf.length) {
        const bigger = TYPED_KEYS[key](Math.max(col.len + part.length, col.buf.length * 2));
        bigger.set(col.buf.subarray(0, col.len) as never);
        col.buf = bigger;
      }
      col.buf.set(part as never, col.len);
      col.len += part.length;
    }
    const l = this.lists;
    for (const x of c.strings) l.strings.push(x);
    for (const x of c.podNames) l.podNames.push(x);
    for (const x of c.eventNames) l.eventNames.push(x);
    for (const x of c.jobs) l.jobs.push(x);
    for (const x of c.log) l.log.push(x);
  }

  finish(): RunData {
    const typed = {} as Record<TypedKey, Typed>;
    for (const key of Object.keys(TYPED_KEYS) as TypedKey[]) {
      const col = this.cols.get(key);
      typed[key] = col ? col.buf.subarray(0, col.len) : TYPED_KEYS[key](0);
    }
    return { ...(typed as unknown as Pick<RunData, TypedKey>), ...this.lists };
  }
}

/** Plain shape check for data arriving over postMessage (a malformed chunk is dropped). */
export function isTraceChunk(x: unknown): x is TraceChunk {
  if (typeof x !== 'object' || x === null) return false;
  const c = x as Partial<TraceChunk>;
  return c.pTime instanceof Int32Array && c.eTime instanceof Int32Array && Array.isArray(c.jobs) && Array.isArray(c.log) && Array.isArray(c.strings);
}
