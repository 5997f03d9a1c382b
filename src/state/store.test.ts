import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type KubectlResponse } from '../worker/protocol';
import type { RunAnswer, SimClient } from '../worker/simClient';
import { memoryStorage, SCENARIO_KEY, SETTINGS_KEY } from './persistence';
import { selectFrame, selectIndexGrid, selectPodViews, selectStatus, selectTrueConditions, selectWhyLog } from './selectors';
import { createAppStore } from './store';
import { demoData, demoSummary } from './testFixtures';

/** An in-process sim client: "bad" texts are invalid, "reject" texts are refused by the API. */
function fakeSim(log: string[] = []): SimClient {
  let id = 0;
  return {
    async run(text): Promise<RunAnswer> {
      log.push(text);
      id++;
      if (text.includes('bad')) return { v: PROTOCOL_VERSION, id, type: 'invalid', errors: [{ path: 'spec.seed', message: 'must be an integer', line: 3, column: 9 }] };
      if (text.includes('reject')) return { v: PROTOCOL_VERSION, id, type: 'rejected', text: 'The Job "demo" is invalid: spec.completions: Invalid value: -1' };
      return { v: PROTOCOL_VERSION, id, type: 'result', summary: demoSummary(), data: demoData(), warnings: [], elapsedMs: 3 };
    },
    async kubectl(_text, atMs, command): Promise<KubectlResponse> {
      return { v: PROTOCOL_VERSION, id: ++id, type: 'kubectl', ok: true, output: `${command} @${atMs}` };
    },
    cancel() {},
    dispose() {},
  };
}

const SCENARIO = 'spec:\n  job: {}\n  actions: []\n';

async function ready(text = SCENARIO, log: string[] = []) {
  const storage = memoryStorage({ [SCENARIO_KEY]: text });
  const store = createAppStore({ sim: fakeSim(log), storage });
  await store.getState().apply();
  return { store, storage, log };
}

describe('store: runs and errors', () => {
  it('starts from the autosaved text, else the default scenario', () => {
    expect(createAppStore({ sim: fakeSim(), storage: memoryStorage({ [SCENARIO_KEY]: 'x: 1' }) }).getState().text).toBe('x: 1');
    expect(createAppStore({ sim: fakeSim(), storage: memoryStorage() }).getState().text).toContain('kind: Scenario');
  });

  it('autosaves every change, valid or not', () => {
    const storage = memoryStorage();
    const store = createAppStore({ sim: fakeSim(), storage });
    store.getState().setText('not: [valid');
    expect(storage.getItem(SCENARIO_KEY)).toBe('not: [valid');
  });

  it('keeps the previous run when the text becomes invalid or rejected', async () => {
    const { store } = await ready();
    const run = store.getState().run;
    expect(run).not.toBeNull();
    store.getState().setText('bad');
    await store.getState().apply();
    expect(store.getState().run).toBe(run);
    expect(store.getState().parseErrors[0]).toMatchObject({ line: 3, column: 9 });
    store.getState().setText('reject');
    await store.getState().apply();
    expect(store.getState().runError?.text).toMatch(/is invalid/);
    expect(store.getState().parseErrors).toEqual([]);
    expect(store.getState().run).toBe(run);
  });

  it('drops a stale answer when a newer run was requested', async () => {
    const store = createAppStore({ sim: fakeSim(), storage: memoryStorage({ [SCENARIO_KEY]: SCENARIO }) });
    const first = store.getState().apply();
    store.getState().setText('bad');
    const second = store.getState().apply();
    await Promise.all([first, second]);
    expect(store.getState().run).toBeNull();
    expect(store.getState().parseErrors).toHaveLength(1);
  });
});

describe('store: cursor', () => {
  it.each([
    ['step forward from 0', (s: ReturnType<typeof createAppStore>) => s.getState().stepForward(), 1000],
    ['jump +10 s', (s: ReturnType<typeof createAppStore>) => s.getState().jumpBy(10_000), 10_000],
    ['jump past the end clamps', (s: ReturnType<typeof createAppStore>) => s.getState().jumpBy(600_000), 21_000],
    ['jump to end', (s: ReturnType<typeof createAppStore>) => s.getState().jumpToEnd(), 21_000],
    ['negative cursor clamps', (s: ReturnType<typeof createAppStore>) => s.getState().setCursor(-5), 0],
  ])('%s', async (_name, act, expected) => {
    const { store } = await ready();
    act(store);
    expect(store.getState().cursorMs).toBe(expected);
  });

  it('plays at the chosen speed and stops at the end', async () => {
    const { store } = await ready();
    store.getState().setSpeed(100);
    store.getState().play();
    store.getState().tick(100); // 100 ms of wall time at 100× = 10 s
    expect(store.getState().cursorMs).toBe(10_000);
    store.getState().tick(1000);
    expect(store.getState().cursorMs).toBe(21_000);
    expect(store.getState().playing).toBe(false);
  });

  it('steps back to the previous event', async () => {
    const { store } = await ready();
    store.getState().setCursor(16_000);
    store.getState().stepBack();
    expect(store.getState().cursorMs).toBe(11_000);
  });
});

describe('store: selectors at the cursor', () => {
  it('derives pods, status, conditions and the why log', async () => {
    const { store } = await ready();
    store.getState().setCursor(6000);
    const s = store.getState();
    expect(selectPodViews(s).map((p) => [p.name, p.phase, p.attempt, p.exitCode])).toEqual([
      ['demo-a', 'Running', 0, null],
      ['demo-b', 'Failed', 1, 1],
    ]);
    expect(selectStatus(s)).toMatchObject({ failed: 1, active: 1, attemptsAllowed: 3 });
    expect(selectWhyLog(s).map((e) => e.type === 'why' && e.rule)).toEqual(['backoffLimit']);
    expect(selectIndexGrid(s)).toBeNull();
    expect(selectTrueConditions(s)).toBe('');
    store.getState().jumpToEnd();
    expect(selectTrueConditions(store.getState())).toBe('Complete');
  });

  it('returns the same references while nothing changes (no re-render loops)', async () => {
    const { store } = await ready();
    store.getState().setCursor(2000);
    const a = selectPodViews(store.getState());
    const f = selectFrame(store.getState());
    store.getState().setCursor(3000);
    expect(selectPodViews(store.getState())).toBe(a);
    expect(selectFrame(store.getState())).toBe(f);
  });
});

describe('store: interventions and history', () => {
  it('appends the action at the cursor, reruns, and undo/redo restore the text', async () => {
    const { store, log } = await ready();
    store.getState().setCursor(6000);
    await store.getState().intervene({ kind: 'failPod', pod: { name: 'demo-a' }, exitCode: 3 });
    const after = store.getState().text;
    expect(after).toContain('- at: 6');
    expect(after).toContain('failPod: { name: demo-a, exitCode: 3 }');
    expect(log[log.length - 1]).toBe(after);
    expect(store.getState().cursorMs).toBe(6000);
    await store.getState().undo();
    expect(store.getState().text).toBe(SCENARIO);
    await store.getState().redo();
    expect(store.getState().text).toBe(after);
  });

  it('acting while scrubbed back discards the later actions and says so', async () => {
    const { store } = await ready('spec:\n  actions:\n    - at: 15\n      suspend: true\n');
    store.getState().setCursor(11_000);
    await store.getState().intervene({ kind: 'suspend', value: false });
    expect(store.getState().text).not.toContain('at: 15');
    expect(store.getState().notice).toEqual({ key: 'discarded', count: 1 });
  });

  it('refuses to edit invalid YAML with a notice', async () => {
    const { store } = await ready();
    store.getState().setText('spec: [1,');
    await store.getState().intervene({ kind: 'suspend', value: true });
    expect(store.getState().notice).toMatchObject({ key: 'editFailed' });
    expect(store.getState().text).toBe('spec: [1,');
  });
});

describe('store: settings and console', () => {
  it('persists language, theme, speed and idle skipping', () => {
    const storage = memoryStorage();
    const store = createAppStore({ sim: fakeSim(), storage });
    store.getState().setLang('zh-CN');
    store.getState().setTheme('dark');
    store.getState().setSpeed(300);
    store.getState().setSkipIdle(false);
    expect(JSON.parse(storage.getItem(SETTINGS_KEY) ?? '{}')).toEqual({ lang: 'zh-CN', theme: 'dark', speed: 300, skipIdle: false });
    expect(createAppStore({ sim: fakeSim(), storage }).getState()).toMatchObject({ lang: 'zh-CN', theme: 'dark', speed: 300, skipIdle: false });
    expect(createAppStore({ sim: fakeSim(), storage: memoryStorage() }).getState().skipIdle).toBe(true);
  });

  it('answers read-only kubectl at the cursor without touching the scenario', async () => {
    const { store } = await ready();
    store.getState().setCursor(6000);
    await store.getState().runKubectl('kubectl get pods');
    expect(store.getState().consoleLines.map((l) => l.text)).toEqual(['$ kubectl get pods', 'get pods @6000']);
    expect(store.getState().text).toBe(SCENARIO);
  });

  it('adds a mutating kubectl command to the scenario', async () => {
    const { store } = await ready();
    store.getState().setCursor(1000);
    await store.getState().runKubectl('delete pod demo-a');
    expect(store.getState().text).toContain('kubectl: delete pod demo-a');
  });
});
