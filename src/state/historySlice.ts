// Interventions and undo/redo of the scenario text. An intervention appends an action at
// the cursor (dropping later ones: a new branch) and reruns; the text before it goes on
// the undo stack, so undo brings back the old future.

import type { StoreApi } from 'zustand/vanilla';
import { appendAction, type Intervention } from './scenarioEdit';
import type { AppState } from './store';

export interface HistoryActions {
  intervene(iv: Intervention): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

const HISTORY_LIMIT = 100;

/** The undo stack with `text` pushed; the oldest entries beyond HISTORY_LIMIT are dropped. */
export function pushUndo(past: readonly string[], text: string): string[] {
  return [...past, text].slice(-HISTORY_LIMIT);
}

export function createHistorySlice(set: StoreApi<AppState>['setState'], get: StoreApi<AppState>['getState']): HistoryActions {
  /** Replaces the text and reruns. */
  const switchTo = async (text: string) => {
    get().setText(text);
    await get().rerun();
  };
  return {
    async intervene(iv) {
      const { text, cursorMs, past } = get();
      const edit = appendAction(text, Math.round(cursorMs), iv);
      if (!edit.ok) {
        set({ notice: { key: 'editFailed', text: edit.error } });
        return;
      }
      if (edit.text !== text) set({ past: pushUndo(past, text), future: [] });
      set({ notice: edit.discarded > 0 ? { key: 'discarded', count: edit.discarded } : null, playing: false });
      await switchTo(edit.text);
    },
    async undo() {
      const { past, future, text } = get();
      const prev = past[past.length - 1];
      if (prev === undefined) return;
      set({ past: past.slice(0, -1), future: [text, ...future] });
      await switchTo(prev);
    },
    async redo() {
      const { past, future, text } = get();
      const next = future[0];
      if (next === undefined) return;
      set({ past: [...past, text], future: future.slice(1) });
      await switchTo(next);
    },
  };
}
