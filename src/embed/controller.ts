// The embed's command handler and event source over the app store: load, play, pause,
// seek, step, getState; `tick` (throttled), `condition` and `podChange` events as the
// cursor moves. Uses only the store's named actions.

import { findExample } from '../scenario/examples';
import { decodeShare } from '../scenario/share';
import { selectEndMs, selectJob, selectPodCount, selectStatus } from '../state/selectors';
import type { AppState, AppStore } from '../state/store';
import type { ConditionInfo, EmbedCommand, EmbedEvent, EmbedStateInfo, PodCounts } from './messages';

export interface EmbedController {
  handle(command: EmbedCommand): Promise<EmbedEvent>;
  dispose(): void;
}

const TICK_MS = 200;

function conditionsOf(s: AppState): ConditionInfo[] {
  return (selectJob(s)?.status.conditions ?? []).map((c) => ({ type: c.type, status: c.status, ...(c.reason ? { reason: c.reason } : {}) }));
}

function countsOf(s: AppState): PodCounts | null {
  const st = selectStatus(s);
  if (!st) return null;
  return { pods: selectPodCount(s), active: st.active, ready: st.ready, succeeded: st.succeeded, failed: st.failed, terminating: st.terminating };
}

function errorOf(s: AppState): string | null {
  const first = s.parseErrors[0];
  if (first) return `line ${first.line}, column ${first.column}: ${first.path ? `${first.path}: ` : ''}${first.message}`;
  return s.runError?.text ?? null;
}

export function stateOf(s: AppState): EmbedStateInfo {
  return { loaded: true, busy: s.busy, ms: s.cursorMs, endMs: selectEndMs(s), playing: s.playing, speed: s.speed, conditions: conditionsOf(s), counts: countsOf(s), error: errorOf(s) };
}

/** Resolves once no run is in progress. */
function settled(store: AppStore): Promise<void> {
  return new Promise((resolve) => {
    if (!store.getState().busy) return resolve();
    const off = store.subscribe((s) => {
      if (s.busy) return;
      off();
      resolve();
    });
  });
}

export async function loadText(store: AppStore, text: string, cursorMs = 0): Promise<void> {
  const a = store.getState();
  a.pause();
  a.setText(text);
  await a.rerun();
  await settled(store);
  store.getState().setCursor(cursorMs);
}

export function createController(store: AppStore, emit: (e: EmbedEvent) => void): EmbedController {
  const state = (): EmbedEvent => ({ type: 'state', state: stateOf(store.getState()) });
  let lastTick = 0;
  let lastConditions = '';
  let lastCounts = '';
  const off = store.subscribe((s, prev) => {
    if (!s.run) return;
    const now = performance.now();
    if (s.cursorMs !== prev.cursorMs && (now - lastTick >= TICK_MS || !s.playing)) {
      lastTick = now;
      emit({ type: 'tick', ms: s.cursorMs, endMs: s.run.result.endMs, playing: s.playing });
    }
    const conditions = conditionsOf(s);
    const ck = JSON.stringify(conditions);
    if (ck !== lastConditions) {
      lastConditions = ck;
      emit({ type: 'condition', ms: s.cursorMs, conditions });
    }
    const counts = countsOf(s);
    const pk = JSON.stringify(counts);
    if (counts && pk !== lastCounts) {
      lastCounts = pk;
      emit({ type: 'podChange', ms: s.cursorMs, counts });
    }
  });
  const handle = async (c: EmbedCommand): Promise<EmbedEvent> => {
    const a = store.getState();
    switch (c.type) {
      case 'load': {
        if ('text' in c) await loadText(store, c.text);
        else if ('example' in c) {
          const ex = findExample(c.example);
          if (!ex) return { type: 'error', message: `unknown example ${JSON.stringify(c.example)}` };
          await loadText(store, ex.text);
        } else {
          const d = decodeShare(c.share);
          if (!d.ok) return { type: 'error', message: d.message };
          await loadText(store, d.scenarioText, d.cursorMs);
        }
        return state();
      }
      case 'play':
        await settled(store);
        a.play();
        return state();
      case 'pause':
        a.pause();
        return state();
      case 'seek':
        await settled(store);
        a.pause();
        store.getState().setCursor(c.ms);
        return state();
      case 'step':
        await settled(store);
        if (c.direction === 'back') a.stepBack();
        else a.stepForward();
        return state();
      case 'getState':
        return state();
    }
  };
  return { handle, dispose: off };
}
