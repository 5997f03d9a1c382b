// The worker's request handler, kept free of worker globals so that it runs (and is
// tested) in Node. It parses the scenario text, runs the engine and turns every
// failure — bad YAML, a Job the API rejects, an exception inside the engine — into a
// response message. Nothing here throws.

import type { RunOutcome } from '../engine/sim/result';
import type { SimScenario } from '../engine/sim/scenario';
import type { ActionEntry } from '../engine/sim/trace';
import { PROTOCOL_VERSION, type KubectlResponse, type RunResponse, type ScenarioError, type SimRequest, type SimResponse } from './protocol';

export type ParseFn = (
  text: string,
) => { ok: true; scenario: SimScenario; warnings: string[] } | { ok: false; errors: ScenarioError[] };

export type RunFn = (s: SimScenario, opts?: { untilMs?: number; recordTrace?: boolean }) => RunOutcome;

export interface HandlerDeps {
  parse: ParseFn;
  run: RunFn;
  /** A monotonic clock for the elapsed-time figure (performance.now in the worker). */
  now: () => number;
}

/** Read-only kubectl verbs: answered from the state at the cursor without changing the scenario. */
export const READ_ONLY_KUBECTL_VERBS = ['get', 'describe', 'explain', 'version', 'api-resources'] as const;

function errorMessage(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

function handleRun(req: Extract<SimRequest, { type: 'run' }>, deps: HandlerDeps): RunResponse {
  const base = { v: PROTOCOL_VERSION, id: req.id } as const;
  const t0 = deps.now();
  const parsed = deps.parse(req.text);
  if (!parsed.ok) return { ...base, type: 'invalid', errors: parsed.errors };
  const outcome = deps.run(parsed.scenario, { untilMs: req.untilMs, recordTrace: true });
  if (!outcome.ok) return { ...base, type: 'rejected', text: outcome.text };
  return { ...base, type: 'result', result: outcome, warnings: parsed.warnings, elapsedMs: Math.round(deps.now() - t0) };
}

/**
 * Runs a kubectl command at `atMs` by adding it to the scenario as a one-off `kubectl`
 * action and stopping the run right there: the engine's own action path executes it
 * against the API state at that instant, and the action's trace entry holds what the
 * command printed (scenario-format.md: "message holds what the command printed").
 */
function handleKubectl(req: Extract<SimRequest, { type: 'kubectl' }>, deps: HandlerDeps): KubectlResponse {
  const base = { v: PROTOCOL_VERSION, id: req.id } as const;
  const parsed = deps.parse(req.text);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    return { ...base, type: 'kubectl', ok: false, output: first ? `scenario is invalid: ${first.message}` : 'scenario is invalid' };
  }
  const actions = parsed.scenario.actions;
  let at = actions.findIndex((a) => a.atMs > req.atMs);
  if (at < 0) at = actions.length;
  const scenario: SimScenario = {
    ...parsed.scenario,
    actions: [...actions.slice(0, at), { kind: 'kubectl', command: req.command, atMs: req.atMs }, ...actions.slice(at)],
  };
  const outcome = deps.run(scenario, { untilMs: req.atMs, recordTrace: true });
  if (!outcome.ok) return { ...base, type: 'kubectl', ok: false, output: outcome.text };
  const entry = outcome.trace.find((e): e is ActionEntry => e.type === 'action' && e.index === at);
  if (!entry) return { ...base, type: 'kubectl', ok: false, output: 'the command did not run (the Job no longer exists at this time?)' };
  return { ...base, type: 'kubectl', ok: entry.result === 'ok', output: entry.message };
}

export function handleRequest(req: unknown, deps: HandlerDeps): SimResponse {
  const r = req as Partial<SimRequest> | null;
  const id = typeof r?.id === 'number' ? r.id : -1;
  if (r === null || typeof r !== 'object' || r.v !== PROTOCOL_VERSION) {
    return { v: PROTOCOL_VERSION, id, type: 'error', message: `unsupported message (expected protocol v${PROTOCOL_VERSION})` };
  }
  try {
    if (r.type === 'run' && typeof r.text === 'string') return handleRun(r as Extract<SimRequest, { type: 'run' }>, deps);
    if (r.type === 'kubectl' && typeof r.text === 'string' && typeof r.command === 'string' && typeof r.atMs === 'number') {
      return handleKubectl(r as Extract<SimRequest, { type: 'kubectl' }>, deps);
    }
    return { v: PROTOCOL_VERSION, id, type: 'error', message: `unknown request type ${JSON.stringify(r.type)}` };
  } catch (e) {
    return { v: PROTOCOL_VERSION, id, type: 'error', message: `internal error in the simulation: ${errorMessage(e)}` };
  }
}
