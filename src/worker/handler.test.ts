import { describe, expect, it } from 'vitest';
import type { SimScenario } from '../engine/sim/scenario';
import type { RunOutcome } from '../engine/sim/result';
import { demoResult } from '../state/testFixtures';
import { handleRequest, type HandlerDeps } from './handler';
import { PROTOCOL_VERSION } from './protocol';

const scenario: SimScenario = {
  name: 'demo',
  clockStart: '2025-01-01T00:00:00Z',
  seed: 1,
  job: {},
  workload: { defaults: { startupSeconds: 1, readySeconds: 0, durationSeconds: 10, exitCode: 0, terminationSeconds: 1 }, rules: [] },
  actions: [{ kind: 'suspend', value: true, atMs: 50_000 }],
  until: 'finished',
  syncDelayMs: 0,
};

function deps(run: (s: SimScenario, o?: { untilMs?: number }) => RunOutcome): HandlerDeps {
  return {
    parse: (text) => (text === 'bad' ? { ok: false, errors: [{ path: 'spec', message: 'boom', line: 2, column: 3 }] } : { ok: true, scenario, warnings: ['w'] }),
    run,
    now: () => 0,
  };
}

const v = PROTOCOL_VERSION;

describe('worker handler', () => {
  it('runs a valid scenario', () => {
    const r = handleRequest({ v, id: 7, type: 'run', text: 'ok' }, deps(() => demoResult()));
    expect(r).toMatchObject({ v, id: 7, type: 'result', warnings: ['w'] });
  });

  it.each([
    ['invalid scenario', { v, id: 1, type: 'run', text: 'bad' }, { type: 'invalid', errors: [{ path: 'spec', message: 'boom', line: 2, column: 3 }] }],
    ['wrong version', { v: 99, id: 2, type: 'run', text: 'ok' }, { type: 'error', id: 2 }],
    ['not an object', 'hello', { type: 'error', id: -1 }],
    ['unknown type', { v, id: 3, type: 'frobnicate' }, { type: 'error', message: 'unknown request type "frobnicate"' }],
  ])('answers %s with a message instead of throwing', (_name, req, expected) => {
    expect(handleRequest(req, deps(() => demoResult()))).toMatchObject(expected);
  });

  it('reports an API rejection', () => {
    const r = handleRequest({ v, id: 4, type: 'run', text: 'ok' }, deps(() => ({ ok: false, text: 'The Job "demo" is invalid', error: {} as never })));
    expect(r).toMatchObject({ type: 'rejected', text: 'The Job "demo" is invalid' });
  });

  it('turns an engine exception into an error message', () => {
    const r = handleRequest({ v, id: 5, type: 'run', text: 'ok' }, deps(() => {
      throw new RangeError('oops');
    }));
    expect(r).toEqual({ v, id: 5, type: 'error', message: 'internal error in the simulation: RangeError: oops' });
  });

  it('runs kubectl as a one-off action at the cursor and stops there', () => {
    let seen: { s: SimScenario; untilMs?: number } | null = null;
    const r = handleRequest(
      { v, id: 6, type: 'kubectl', text: 'ok', atMs: 12_000, command: 'get pods' },
      deps((s, o) => {
        seen = { s, untilMs: o?.untilMs };
        const res = demoResult();
        res.trace.push({ type: 'action', timeMs: 12_000, seq: 999, index: 0, action: 'kubectl', result: 'ok', message: 'NAME READY' });
        return res;
      }),
    );
    expect(r).toEqual({ v, id: 6, type: 'kubectl', ok: true, output: 'NAME READY' });
    const s = (seen as { s: SimScenario; untilMs?: number } | null)!;
    expect(s.untilMs).toBe(12_000);
    expect(s.s.actions.map((a) => a.kind)).toEqual(['kubectl', 'suspend']);
  });
});
