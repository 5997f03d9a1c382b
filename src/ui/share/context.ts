// The React side of the share store (state/shareSlice.ts): a context carrying it. The
// main app provides it; an embed or a test without it simply has no share features.

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ShareState, ShareStore } from '../../state/shareSlice';

export const ShareContext = createContext<ShareStore | null>(null);

export function useShareStore(): ShareStore | null {
  return useContext(ShareContext);
}

/** Reads the share store; only call below a component that checked useShareStore(). */
export function useShare<T>(store: ShareStore, selector: (s: ShareState) => T): T {
  return useStore(store, selector);
}
