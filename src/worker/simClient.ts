// The main thread's handle on the simulation worker: request/response over the
// versioned protocol, matched by request id, with the streamed trace chunks collected
// per request. It also supervises the worker: a crash (onerror) or a request that shows
// no sign of life for `hangMs` terminates the worker, answers the open requests with a
// clear error and starts a fresh worker. The main thread never simulates.

import { TraceIndexBuilder } from '../state/foldBuilder';
import type { TraceIndex } from '../state/fold';
import { PROTOCOL_VERSION, isSimResponse, isTerminal, type KubectlResponse, type RunResponse, type RunSummary, type SimRequest, type SimResponse, type TestFault, type WithoutEnvelope } from './protocol';
import { RunDataBuilder, type RunData } from './runData';

export interface Progress {
  simMs: number;
  events: number;
  wallMs: number;
}

/**
 * The answer to run(): the protocol's terminal message, with the joined trace on success
 * and its seek index (both built chunk by chunk as the trace streamed in; a fake client
 * may leave the index out).
 */
export type RunAnswer =
  | Exclude<RunResponse, { type: 'result' }>
  | { v: typeof PROTOCOL_VERSION; id: number; type: 'result'; summary: RunSummary; data: RunData; index?: TraceIndex; warnings: string[]; elapsedMs: number };

export interface SimClient {
  run(text: string, opts?: { untilMs?: number; onProgress?: (p: Progress) => void }): Promise<RunAnswer>;
  kubectl(text: string, atMs: number, command: string): Promise<KubectlResponse>;
  /** Stops the run in progress (its promise resolves with `cancelled`). */
  cancel(): void;
  dispose(): void;
  /** Test builds only (?testhooks): make the worker crash, hang or throw. */
  testFault?(fault: TestFault): void;
}

export interface WorkerPort {
  postMessage(m: SimRequest): void;
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface SupervisorOptions {
  /** No message for this long while a request is open = hung. Default 20 s. */
  hangMs?: number;
  now?: () => number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (h: unknown) => void;
  testHooks?: boolean;
}

interface Pending {
  kind: 'run' | 'kubectl';
  resolve: (r: RunAnswer | KubectlResponse) => void;
  /** Each chunk is appended in the task of its own message, not all at the end. */
  trace: { data: RunDataBuilder; index: TraceIndexBuilder };
  lastSeen: number;
  onProgress?: (p: Progress) => void;
}

const KEEP_NOTE = 'The last good run stays on screen and your scenario text is unchanged.';

/** A supervised client over worker ports made by `factory` (a real Worker, or a fake in tests). */
export function createSimClient(factory: () => WorkerPort, opts: SupervisorOptions = {}): SimClient {
  const hangMs = opts.hangMs ?? 20_000;
  const now = opts.now ?? (() => performance.now());
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let port: WorkerPort;

  function fail(message: string): void {
    for (const [id, p] of pending) p.resolve({ v: PROTOCOL_VERSION, id, type: 'error', message });
    pending.clear();
    port.onmessage = null;
    port.onerror = null;
    port.terminate();
    connect();
  }

  function onMessage(m: SimResponse): void {
    const p = pending.get(m.id);
    if (!p) return;
    p.lastSeen = now();
    if (m.type === 'chunk') {
      p.trace.data.append(m.chunk);
      p.trace.index.append(m.chunk);
    }
    else if (m.type === 'progress') p.onProgress?.({ simMs: m.simMs, events: m.events, wallMs: m.wallMs });
    if (!isTerminal(m)) return;
    pending.delete(m.id);
    if (m.type === 'result' && p.kind === 'run') {
      const data = p.trace.data.finish();
      const index = p.trace.index.finish(data);
      p.resolve({ v: m.v, id: m.id, type: 'result', summary: { ...m.summary, trace: data.log }, data, index, warnings: m.warnings, elapsedMs: m.elapsedMs });
    } else {
      p.resolve(m as RunAnswer | KubectlResponse);
    }
  }

  function connect(): void {
    port = factory();
    port.onmessage = (e) => {
      if (isSimResponse(e.data)) onMessage(e.data);
    };
    port.onerror = (ev) => {
      ev.preventDefault?.();
      fail(`The simulation worker crashed (${ev.message || 'unknown error'}) and was restarted. ${KEEP_NOTE}`);
    };
  }
  connect();

  const setI = opts.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
  const clearI = opts.clearInterval ?? ((h: unknown) => clearInterval(h as ReturnType<typeof setInterval>));
  const watchdog = setI(() => {
    const t = now();
    for (const p of pending.values()) {
      if (t - p.lastSeen > hangMs) {
        fail(`The simulation stopped responding for ${Math.round(hangMs / 1000)} s and was restarted. ${KEEP_NOTE}`);
        return;
      }
    }
  }, Math.min(1000, Math.max(50, hangMs / 4)));

  function send<R>(req: WithoutEnvelope<SimRequest>, kind: Pending['kind'], onProgress?: (p: Progress) => void): Promise<R> {
    const id = nextId++;
    return new Promise<R>((resolve) => {
      pending.set(id, { kind, resolve: resolve as Pending['resolve'], trace: { data: new RunDataBuilder(), index: new TraceIndexBuilder() }, lastSeen: now(), onProgress });
      port.postMessage({ ...req, v: PROTOCOL_VERSION, id } as SimRequest);
    });
  }

  const client: SimClient = {
    run: (text, o = {}) => send<RunAnswer>({ type: 'run', text, untilMs: o.untilMs }, 'run', o.onProgress),
    kubectl: (text, atMs, command) => send<KubectlResponse>({ type: 'kubectl', text, atMs, command }, 'kubectl'),
    cancel() {
      for (const [id, p] of pending) if (p.kind === 'run') port.postMessage({ v: PROTOCOL_VERSION, id: nextId++, type: 'cancel', target: id });
    },
    dispose: () => {
      clearI(watchdog);
      pending.clear();
      port.terminate();
    },
  };
  if (opts.testHooks) client.testFault = (fault) => port.postMessage({ v: PROTOCOL_VERSION, id: nextId++, type: 'test', fault });
  return client;
}

/** `?testhooks` on the page enables the test faults; `&hangMs=N` shortens the hang guard (tests only). */
export function pageTestOptions(search: string): SupervisorOptions {
  const q = new URLSearchParams(search);
  if (!q.has('testhooks')) return {};
  const hang = Number(q.get('hangMs'));
  return { testHooks: true, ...(Number.isFinite(hang) && hang >= 100 ? { hangMs: hang } : {}) };
}

/** The real worker (a module worker, bundled by Vite). Test options come from the page URL unless given. */
export function createWorkerSimClient(given?: SupervisorOptions): SimClient {
  const opts = given ?? pageTestOptions(globalThis.location?.search ?? '');
  const name = opts.testHooks ? 'sim+testhooks' : 'sim';
  return createSimClient(() => new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name }) as unknown as WorkerPort, opts);
}
