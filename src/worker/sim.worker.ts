/// <reference lib="webworker" />
// The simulation worker: one engine, driven by protocol messages. All logic lives in
// handler.ts (testable in Node); this file only wires it to the worker globals. Test
// faults (crash, hang) exist only in a worker the page started with test hooks
// (its name ends in "+testhooks", set by simClient.ts from the ?testhooks page flag).
import { parseScenario } from '../scenario/parse';
import { createHandler, type HandlerDeps } from './handler';
import type { SimResponse, TestFault } from './protocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

// A MessageChannel round trip yields to the event loop without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldNow = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });

function fault(f: TestFault): void {
  if (f === 'throw') throw new Error('test fault inside the handler');
  if (f === 'crash') {
    // Outside the handler's try/catch: an uncaught error reaches the page's worker.onerror.
    queueMicrotask(() => {
      throw new Error('test crash of the simulation worker');
    });
    return;
  }
  const until = Date.now() + 10 * 60_000;
  while (Date.now() < until) {
    // hang: a busy loop the main thread's watchdog must break
  }
}

const deps: HandlerDeps = {
  parse: parseScenario,
  now: () => performance.now(),
  post: (m: SimResponse, transfer?: ArrayBuffer[]) => ctx.postMessage(m, transfer ?? []),
  yieldNow,
  ...(ctx.name.endsWith('+testhooks') ? { fault } : {}),
};
const handler = createHandler(deps);

ctx.onmessage = (e: MessageEvent<unknown>) => {
  void handler.handle(e.data);
};
