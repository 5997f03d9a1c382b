/// <reference lib="webworker" />
// The simulation worker: one engine, driven by protocol messages. All logic lives in
// handler.ts (testable in Node); this file only wires it to the worker globals.
import { runScenario } from '../engine/index';
import { parseScenario } from '../scenario/parse';
import { handleRequest, type HandlerDeps } from './handler';

const ctx = self as unknown as DedicatedWorkerGlobalScope;
const deps: HandlerDeps = { parse: parseScenario, run: runScenario, now: () => performance.now() };

ctx.onmessage = (e: MessageEvent<unknown>) => {
  ctx.postMessage(handleRequest(e.data, deps));
};
