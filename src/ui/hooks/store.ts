// The React adapter for the framework-free store: a context carrying the store made in
// main.tsx (or a test), and hooks that read it through selectors.

import { createContext, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import { makeT, type TFunction } from '../../i18n';
import type { AppState, AppStore } from '../../state/store';

export const StoreContext = createContext<AppStore | null>(null);

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreContext is missing: render inside <StoreContext.Provider>');
  return store;
}

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

/** The named actions (stable functions; reading them never re-renders). */
export function useActions(): AppState {
  return useAppStore().getState();
}

export function useT(): TFunction {
  const lang = useApp((s) => s.lang);
  return useMemo(() => makeT(lang), [lang]);
}
