// The main thread's handle on the simulation worker: request/response over the
// versioned protocol, matched by request id. The main thread never simulates.

import { PROTOCOL_VERSION, isSimResponse, type KubectlResponse, type RunResponse, type SimRequest, type SimResponse } from './protocol';

export interface SimClient {
  run(text: string, untilMs?: number): Promise<RunResponse>;
  kubectl(text: string, atMs: number, command: string): Promise<KubectlResponse>;
  dispose(): void;
}

type Pending = (r: SimResponse) => void;

/** A client over anything with postMessage/onmessage (a Worker, or a fake in tests). */
export function createSimClient(port: {
  postMessage(m: SimRequest): void;
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  onerror?: ((e: ErrorEvent) => void) | null;
  terminate?(): void;
}): SimClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  port.onmessage = (e) => {
    if (!isSimResponse(e.data)) return;
    const p = pending.get(e.data.id);
    pending.delete(e.data.id);
    p?.(e.data);
  };
  // A worker that fails to load or crashes must not leave requests hanging forever.
  port.onerror = (ev) => {
    ev.preventDefault();
    const message = `the simulation worker failed: ${ev.message || 'unknown error'}`;
    for (const [id, p] of pending) p({ v: PROTOCOL_VERSION, id, type: 'error', message });
    pending.clear();
  };
  function send<R extends SimResponse>(req: Omit<SimRequest, 'v' | 'id'>): Promise<R> {
    const id = nextId++;
    return new Promise<R>((resolve) => {
      pending.set(id, (r) => resolve(r as R));
      port.postMessage({ ...req, v: PROTOCOL_VERSION, id } as SimRequest);
    });
  }
  return {
    run: (text, untilMs) => send<RunResponse>({ type: 'run', text, untilMs } as Omit<SimRequest, 'v' | 'id'>),
    kubectl: (text, atMs, command) => send<KubectlResponse>({ type: 'kubectl', text, atMs, command } as Omit<SimRequest, 'v' | 'id'>),
    dispose: () => {
      pending.clear();
      port.terminate?.();
    },
  };
}

/** The real worker (a module worker, bundled by Vite). */
export function createWorkerSimClient(): SimClient {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'sim' });
  return createSimClient(worker as unknown as Parameters<typeof createSimClient>[0]);
}
