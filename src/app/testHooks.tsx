// Test hooks for Playwright, installed only when the page URL carries `?testhooks`:
// `window.__playground` runs scenarios in a fresh simulation worker (the app's own
// bundled worker, through the public SimClient; for the cross-host determinism test)
// and forces crashes (a panel's render, the whole shell's render, an unhandled rejection)
// so that the error views can be tested end to end. Without the flag nothing here is
// reachable: the crash probes render nothing and `window.__playground` stays unset.

import { useSyncExternalStore } from 'react';
import type { AppStore } from '../state/store';
import { createWorkerSimClient, type SimClient } from '../worker/simClient';

export interface PlaygroundHooks {
  /** True once no run is in flight and the latest run (if any) is on screen. */
  idle(): boolean;
  /** Runs `text` in a fresh simulation worker; the terminal answer as JSON (summary, "why"/action log; no compact trace). */
  runInWorker(text: string, untilMs?: number): Promise<string>;
  /** A kubectl command against `text` at `atMs`, answered by that worker, as JSON. */
  kubectlInWorker(text: string, atMs: number, command: string): Promise<string>;
  /** The scenario text in the store. */
  text(): string;
  /** Makes the named panel (`pods`, `status`, ...) throw when it renders, until its Retry. */
  crashPanel(id: string): void;
  /** Makes the whole shell throw during its next render (the global error view). */
  crashApp(): void;
  /** Throws outside every boundary: React unmounts the tree; the plain-DOM rescue view must appear. */
  crashRoot(): void;
  /** An unhandled promise rejection (the global error banner). */
  rejectUnhandled(message: string): void;
}

declare global {
  interface Window {
    /** Test hook, only with `?testhooks` (src/app/testHooks.ts). */
    __playground?: PlaygroundHooks;
  }
}

export const TEST_HOOKS: boolean = (() => {
  try {
    return new URLSearchParams(window.location.search).has('testhooks');
  } catch {
    return false;
  }
})();

/** Targets that are armed to throw on their next render ('app' is the shell). */
const armed = new Set<string>();
let version = 0;
const listeners = new Set<() => void>();

function arm(target: string): void {
  armed.add(target);
  version++;
  for (const l of listeners) l();
}

/** Called by a boundary's reset: the probe renders normally again. */
export function disarm(target: string): void {
  armed.delete(target);
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Thrown by a probe; the message names the target so tests can look for it. */
export class TestCrash extends Error {
  constructor(target: string) {
    super(`test crash in ${target} (forced through window.__playground)`);
    this.name = 'TestCrash';
  }
}

function ActiveProbe({ target }: { target: string }): null {
  useSyncExternalStore(subscribe, () => version);
  // Stays armed until the boundary resets: React retries a failed render once before
  // it shows the fallback, so a throw-once probe would never be seen.
  if (armed.has(target)) throw new TestCrash(target);
  return null;
}

/** Renders nothing; with `?testhooks` it throws after `crash*(target)` until `disarm(target)`. */
export function CrashProbe({ target }: { target: string }) {
  return TEST_HOOKS ? <ActiveProbe target={target} /> : null;
}

let client: SimClient | null = null;
/** A worker of its own, so the determinism test never races the app's runs. */
function hookClient(): SimClient {
  client ??= createWorkerSimClient();
  return client;
}

export function installTestHooks(store: AppStore): void {
  if (!TEST_HOOKS) return;
  window.__playground = {
    // Merged: other modules may add their own hooks to the same object.
    ...window.__playground,
    idle: () => {
      const s = store.getState();
      return !s.busy && (s.run !== null || s.parseErrors.length > 0 || s.runError !== null);
    },
    runInWorker: async (text, untilMs) => {
      const answer = await hookClient().run(text, { untilMs });
      return JSON.stringify(answer.type === 'result' ? { type: answer.type, summary: answer.summary, warnings: answer.warnings } : answer);
    },
    kubectlInWorker: async (text, atMs, command) => JSON.stringify(await hookClient().kubectl(text, atMs, command)),
    text: () => store.getState().text,
    crashPanel: (id) => arm(`panel:${id}`),
    crashApp: () => arm('app'),
    crashRoot: () => arm('root'),
    rejectUnhandled: (message) => void Promise.reject(new Error(message)),
  };
}
