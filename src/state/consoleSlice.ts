// The kubectl console: read-only commands (get, describe) are answered by the worker
// from the state at the cursor without touching the scenario; commands that change
// something become a `kubectl:` scenario action at the cursor, so the run stays a pure
// function of its scenario.

import type { StoreApi } from 'zustand/vanilla';
import { READ_ONLY_KUBECTL_VERBS } from '../worker/handler';
import type { SimClient } from '../worker/simClient';
import type { StorageLike } from './persistence';
import type { AppState } from './store';

export interface ConsoleLine {
  id: number;
  kind: 'input' | 'output' | 'error';
  text: string;
}

export interface ConsoleSlice {
  consoleLines: ConsoleLine[];
  /** Commands entered, oldest first (last HISTORY_MAX, also kept in localStorage). */
  consoleHistory: string[];
  runKubectl(commandLine: string): Promise<void>;
  clearConsole(): void;
}

const MAX_LINES = 200;
export const HISTORY_MAX = 50;
export const HISTORY_KEY = 'job-playground.kubectl-history.v1';

/** The history with `command` appended (a repeat of the last command is not added twice). */
export function pushHistory(history: readonly string[], command: string): string[] {
  if (history[history.length - 1] === command) return [...history];
  return [...history, command].slice(-HISTORY_MAX);
}

export function loadHistory(storage: StorageLike): string[] {
  try {
    const v = JSON.parse(storage.getItem(HISTORY_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(-HISTORY_MAX) : [];
  } catch {
    return [];
  }
}

function saveHistory(storage: StorageLike, history: readonly string[]): void {
  try {
    storage.setItem(HISTORY_KEY, JSON.stringify(history));
  } catch {
    // Storage full or disabled: the history stays in memory.
  }
}

/** The verb of a kubectl command line (`kubectl` prefix optional, flags before the verb skipped). */
export function kubectlVerb(commandLine: string): string {
  const words = commandLine.trim().split(/\s+/);
  if (words[0] === 'kubectl') words.shift();
  return words.find((w) => !w.startsWith('-')) ?? '';
}

export function createConsoleSlice(
  sim: SimClient,
  set: StoreApi<AppState>['setState'],
  get: StoreApi<AppState>['getState'],
  storage: StorageLike,
): ConsoleSlice {
  let nextId = 1;
  const push = (kind: ConsoleLine['kind'], text: string) =>
    set({ consoleLines: [...get().consoleLines, { id: nextId++, kind, text }].slice(-MAX_LINES) });

  return {
    consoleLines: [],
    consoleHistory: loadHistory(storage),
    clearConsole: () => set({ consoleLines: [] }),
    async runKubectl(commandLine) {
      const command = commandLine.trim().replace(/^kubectl\s+/, '');
      if (command === '') return;
      const consoleHistory = pushHistory(get().consoleHistory, command);
      set({ consoleHistory });
      saveHistory(storage, consoleHistory);
      push('input', `$ kubectl ${command}`);
      const verb = kubectlVerb(command);
      if ((READ_ONLY_KUBECTL_VERBS as readonly string[]).includes(verb)) {
        const res = await sim.kubectl(get().text, Math.round(get().cursorMs), command);
        if (res.type === 'error') push('error', res.message);
        else if (res.type === 'kubectl') push(res.ok ? 'output' : 'error', res.output);
        return;
      }
      const before = get().run;
      await get().intervene({ kind: 'kubectl', command });
      const after = get().run;
      if (after === before || !after) {
        push('error', get().runError?.text ?? get().parseErrors[0]?.message ?? 'the command was not applied');
        return;
      }
      const entries = after.result.trace.filter((e) => e.type === 'action' && e.action === 'kubectl');
      const last = entries[entries.length - 1];
      if (last?.type === 'action') push(last.result === 'ok' ? 'output' : 'error', last.message);
    },
  };
}
