import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import { createHandler, type HandlerDeps } from './handler';
import { PROTOCOL_VERSION, type SimResponse } from './protocol';
import { joinChunks } from './runData';
import { createSimClient, type WorkerPort } from './simClient';

const SCENARIO = `apiVersion: job-playground/v1
kind: Scenario
metadata: { name: demo }
spec:
  job:
    apiVersion: batch/v1
    kind: Job
    metadata: { name: demo }
    spec:
      completions: 40
      parallelism: 5
      template: { spec: { restartPolicy: Never, containers: [{ name: main, image: busybox }] } }
  workload:
    defaults: { startupSeconds: 1, durationSeconds: 10 }
`;

const v = PROTOCOL_VERSION;
/** Big enough for several slices (the clock is read every 256 events). */
const BIG = SCENARIO.replace('completions: 40', 'completions: 2000').replace('parallelism: 5', 'parallelism: 100');

function setup(over: Partial<HandlerDeps> = {}) {
  const out: SimResponse[] = [];
  let t = 0;
  const handler = createHandler({
    parse: parseScenario,
    now: () => t++,
    post: (m) => out.push(m),
    yieldNow: () => Promise.resolve(),
    sliceMs: 5,
    ...over,
  });
  return { out, handler };
}

describe('worker handler (protocol v2)', () => {
  it('streams chunks and progress, then one result', async () => {
    const { out, handler } = setup();
    await handler.handle({ v, id: 7, type: 'run', text: BIG });
    const types = out.map((m) => m.type);
    expect(types.filter((x) => x === 'chunk').length).toBeGreaterThan(1);
    expect(types).toContain('progress');
    expect(types[types.length - 1]).toBe('result');
    expect(out.every((m) => m.id === 7 && m.v === v)).toBe(true);
    const data = joinChunks(out.flatMap((m) => (m.type === 'chunk' ? [m.chunk] : [])));
    expect(data.podNames.length).toBe(2000);
    const last = out[out.length - 1];
    expect(last?.type === 'result' && last.summary.finished).toBe(true);
  });

  it.each([
    ['invalid scenario', { v, id: 1, type: 'run', text: 'spec: [' }, { type: 'invalid' }],
    ['wrong version', { v: 1, id: 2, type: 'run', text: 'ok' }, { type: 'error', id: 2 }],
    ['not an object', 'hello', { type: 'error', id: -1 }],
    ['unknown type', { v, id: 3, type: 'frobnicate' }, { type: 'error', message: 'unknown request type "frobnicate"' }],
    ['a test fault without test hooks', { v, id: 4, type: 'test', fault: 'crash' }, { type: 'error' }],
  ])('answers %s with a message instead of throwing', async (_name, req, expected) => {
    const { out, handler } = setup();
    await handler.handle(req);
    expect(out[out.length - 1]).toMatchObject(expected);
  });

  it('reports an API rejection', async () => {
    const { out, handler } = setup();
    await handler.handle({ v, id: 4, type: 'run', text: SCENARIO.replace('completions: 40', 'completions: -1') });
    expect(out[out.length - 1]).toMatchObject({ type: 'rejected', text: expect.stringContaining('is invalid') });
  });

  it('turns an exception into an error message', async () => {
    const { out, handler } = setup({
      parse: () => {
        throw new RangeError('oops');
      },
    });
    await handler.handle({ v, id: 5, type: 'run', text: SCENARIO });
    expect(out).toEqual([{ v, id: 5, type: 'error', message: 'internal error in the simulation: RangeError: oops' }]);
  });

  it('runs kubectl at the cursor', async () => {
    const { out, handler } = setup();
    await handler.handle({ v, id: 6, type: 'kubectl', text: SCENARIO, atMs: 5000, command: 'get job demo' });
    const last = out[out.length - 1];
    expect(last).toMatchObject({ type: 'kubectl', ok: true });
    expect(last?.type === 'kubectl' && last.output).toContain('demo');
  });

  it('stops a run on cancel, and a newer run cancels the older one', async () => {
    let release: () => void = () => {};
    const { out, handler } = setup({ yieldNow: () => new Promise<void>((r) => (release = r)) });
    const first = handler.handle({ v, id: 8, type: 'run', text: BIG });
    await handler.handle({ v, id: 9, type: 'cancel', target: 8 });
    release();
    await first;
    expect(out[out.length - 1]).toEqual({ v, id: 8, type: 'cancelled' });
    const second = handler.handle({ v, id: 10, type: 'run', text: BIG });
    const third = handler.handle({ v, id: 11, type: 'run', text: SCENARIO });
    release();
    await second;
    await third;
    expect(out.some((m) => m.id === 10 && m.type === 'cancelled')).toBe(true);
  });
});

/** A fake worker port running the handler in-process; `hang` swallows requests. */
function fakePort(state: { hang: boolean; crashes: number; ports: number }): () => WorkerPort {
  return () => {
    state.ports++;
    const port: WorkerPort = {
      onmessage: null,
      onerror: null,
      terminate() {},
      postMessage(m) {
        if (state.hang) return;
        if (m.type === 'test' && m.fault === 'crash') {
          state.crashes++;
          queueMicrotask(() => port.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent));
          return;
        }
        void handler.handle(m);
      },
    };
    const handler = createHandler({
      parse: parseScenario,
      now: () => performance.now(),
      post: (msg) => port.onmessage?.({ data: msg } as MessageEvent<unknown>),
      yieldNow: () => new Promise((r) => setTimeout(r, 0)),
    });
    return port;
  };
}

describe('sim client supervisor', () => {
  it('joins the chunks into the run data', async () => {
    const state = { hang: false, crashes: 0, ports: 0 };
    const client = createSimClient(fakePort(state));
    const progress: number[] = [];
    const r = await client.run(SCENARIO, { onProgress: (p) => progress.push(p.simMs) });
    expect(r.type).toBe('result');
    expect(r.type === 'result' && r.data.podNames.length).toBe(40);
    client.dispose();
  });

  it('restarts a crashed worker and answers the open request with a clear error', async () => {
    const state = { hang: false, crashes: 0, ports: 0 };
    const client = createSimClient(fakePort(state), { testHooks: true });
    state.hang = true; // the run never answers...
    const pending = client.run(SCENARIO);
    state.hang = false;
    client.testFault?.('crash'); // ...and the worker crashes
    const r = await pending;
    expect(r).toMatchObject({ type: 'error', message: expect.stringContaining('crashed') });
    expect(state.ports).toBe(2);
    expect((await client.run(SCENARIO)).type).toBe('result');
    client.dispose();
  });

  it('restarts a hung worker after hangMs without a message', async () => {
    const state = { hang: true, crashes: 0, ports: 0 };
    const client = createSimClient(fakePort(state), { hangMs: 100 });
    const r = await client.run(SCENARIO);
    expect(r).toMatchObject({ type: 'error', message: expect.stringContaining('stopped responding') });
    state.hang = false;
    expect((await client.run(SCENARIO)).type).toBe('result');
    client.dispose();
  });
});
