// The worker's request handler, kept free of worker globals so that it runs (and is
// tested) in Node. It parses the scenario text, runs the engine in time slices (yielding
// between them so `cancel` can arrive), streams the compact trace and progress, and
// turns every failure — bad YAML, a Job the API rejects, an exception inside the
// engine — into a response message. Nothing here throws.

import { kubectlErrorText } from '../engine/api/errors';
import type { SimScenario } from '../engine/sim/scenario';
import type { ActionEntry } from '../engine/sim/trace';
import { TraceEncoder, chunkTransfer } from './compact';
import { PROTOCOL_VERSION, type ScenarioError, type SimRequest, type SimResponse, type TestFault, type WithoutEnvelope } from './protocol';
import { SlicedRun } from './slicedRun';

export type ParseFn = (
  text: string,
) => { ok: true; scenario: SimScenario; warnings: string[] } | { ok: false; errors: ScenarioError[] };

export interface HandlerDeps {
  parse: ParseFn;
  /** A monotonic clock (performance.now in the worker). */
  now: () => number;
  post: (m: SimResponse, transfer?: ArrayBuffer[]) => void;
  /** Lets queued messages (cancel) in between slices: a macrotask in the worker. */
  yieldNow: () => Promise<void>;
  /** Wall time per slice; default 40 ms. */
  sliceMs?: number;
  /** Test-only faults; absent unless the worker was started with test hooks. */
  fault?: (f: TestFault) => void;
}

/** Read-only kubectl verbs: answered from the state at the cursor without changing the scenario. */
export const READ_ONLY_KUBECTL_VERBS = ['get', 'describe', 'explain', 'version', 'api-resources'] as const;

function errorMessage(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** Inserts a one-off kubectl action at `atMs`; returns the scenario and the action's position. */
function withKubectl(s: SimScenario, atMs: number, command: string): { scenario: SimScenario; at: number } {
  const actions = s.actions;
  let at = actions.findIndex((a) => a.atMs > atMs);
  if (at < 0) at = actions.length;
  return { scenario: { ...s, actions: [...actions.slice(0, at), { kind: 'kubectl', command, atMs }, ...actions.slice(at)] }, at };
}

export function createHandler(deps: HandlerDeps): { handle(data: unknown): Promise<void> } {
  const sliceMs = deps.sliceMs ?? 40;
  /** The request being run; a newer run or a cancel flips its flag. */
  let current: { id: number; cancelled: boolean } | null = null;
  const post = (id: number, m: WithoutEnvelope<SimResponse>, transfer?: ArrayBuffer[]) =>
    deps.post({ ...m, v: PROTOCOL_VERSION, id } as SimResponse, transfer);

  /** Runs to the end in slices; false when cancelled (the cancelled message is already sent). */
  async function drive(job: { id: number; cancelled: boolean }, runner: SlicedRun, onSlice: (done: boolean) => void): Promise<boolean> {
    const t0 = deps.now();
    for (;;) {
      const done = runner.step(sliceMs, deps.now);
      onSlice(done);
      if (done) return true;
      post(job.id, { type: 'progress', simMs: runner.sim.clock.nowMs, events: runner.sim.eventsProcessed, wallMs: Math.round(deps.now() - t0) });
      await deps.yieldNow();
      if (job.cancelled) {
        post(job.id, { type: 'cancelled' });
        return false;
      }
    }
  }

  function begin(id: number) {
    if (current) current.cancelled = true;
    const job = { id, cancelled: false };
    current = job;
    return job;
  }

  async function handleRun(req: Extract<SimRequest, { type: 'run' }>): Promise<void> {
    const job = begin(req.id);
    const t0 = deps.now();
    const parsed = deps.parse(req.text);
    if (!parsed.ok) return post(req.id, { type: 'invalid', errors: parsed.errors });
    const runner = new SlicedRun(parsed.scenario, req.untilMs);
    if (runner.refused) return post(req.id, { type: 'rejected', text: kubectlErrorText(runner.refused) });
    const encoder = new TraceEncoder(runner.attemptOf);
    const completed = await drive(job, runner, () => {
      const entries = runner.takeEntries();
      if (entries.length === 0) return;
      const chunk = encoder.encode(entries);
      post(req.id, { type: 'chunk', chunk }, chunkTransfer(chunk));
    });
    if (!completed) return;
    post(req.id, { type: 'result', summary: runner.summary(), warnings: parsed.warnings, elapsedMs: Math.round(deps.now() - t0) });
  }

  /**
   * Runs a kubectl command at `atMs` by adding it to the scenario as a one-off `kubectl`
   * action and stopping the run right there: the engine's own action path executes it
   * against the API state at that instant, and the action's trace entry holds what the
   * command printed (scenario-format.md: "message holds what the command printed").
   */
  async function handleKubectl(req: Extract<SimRequest, { type: 'kubectl' }>): Promise<void> {
    const job = begin(req.id);
    const parsed = deps.parse(req.text);
    if (!parsed.ok) {
      const first = parsed.errors[0];
      return post(req.id, { type: 'kubectl', ok: false, output: first ? `scenario is invalid: ${first.message}` : 'scenario is invalid' });
    }
    const { scenario, at } = withKubectl(parsed.scenario, req.atMs, req.command);
    const runner = new SlicedRun(scenario, req.atMs);
    if (runner.refused) return post(req.id, { type: 'kubectl', ok: false, output: kubectlErrorText(runner.refused) });
    let entry: ActionEntry | undefined;
    const completed = await drive(job, runner, () => {
      for (const e of runner.takeEntries()) if (e.type === 'action' && e.index === at) entry = e;
    });
    if (!completed) return;
    if (!entry) return post(req.id, { type: 'kubectl', ok: false, output: 'the command did not run (the Job no longer exists at this time?)' });
    post(req.id, { type: 'kubectl', ok: entry.result === 'ok', output: entry.message });
  }

  async function dispatch(r: Partial<SimRequest>, id: number): Promise<void> {
    if (r.type === 'run' && typeof r.text === 'string') return handleRun(r as Extract<SimRequest, { type: 'run' }>);
    if (r.type === 'kubectl' && typeof r.text === 'string' && typeof r.command === 'string' && typeof r.atMs === 'number') {
      return handleKubectl(r as Extract<SimRequest, { type: 'kubectl' }>);
    }
    if (r.type === 'cancel' && typeof r.target === 'number') {
      if (current && current.id === r.target) current.cancelled = true;
      return;
    }
    if (r.type === 'test' && deps.fault && typeof r.fault === 'string') return deps.fault(r.fault);
    post(id, { type: 'error', message: `unknown request type ${JSON.stringify(r.type)}` });
  }

  return {
    async handle(data) {
      const r = data as Partial<SimRequest> | null;
      const id = typeof r?.id === 'number' ? r.id : -1;
      if (r === null || typeof r !== 'object' || r.v !== PROTOCOL_VERSION) {
        return post(id, { type: 'error', message: `unsupported message (expected protocol v${PROTOCOL_VERSION})` });
      }
      try {
        await dispatch(r, id);
      } catch (e) {
        post(id, { type: 'error', message: `internal error in the simulation: ${errorMessage(e)}` });
      }
    },
  };
}
