// Composition root: the worker-backed simulation client, localStorage, the store, React.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/styles.css';
import { memoryStorage, type StorageLike } from './state/persistence';
import { createAppStore } from './state/store';
import { StoreContext } from './ui/hooks/store';
import { createDraftGuard } from './state/draftGuard';
import { createShareStore, openShareFragment } from './state/shareSlice';
import { ShareContext } from './ui/share/context';
import { installPerfHooks } from './worker/perfHooks';
import { createWorkerSimClient } from './worker/simClient';

function browserStorage(): StorageLike {
  try {
    const probe = '__job_playground_probe__';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStorage();
  }
}

const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
const sim = createWorkerSimClient();
// A #s= share link opens as a session: the autosaved draft stays in its slot (draftGuard.ts).
const draftGuard = createDraftGuard(browserStorage());
const initialShare = openShareFragment(location.hash, draftGuard);
const store = createAppStore({
  sim,
  storage: draftGuard.storage,
  defaults: { theme: prefersDark ? 'dark' : 'light' },
});

installPerfHooks(store, sim);
const shareStore = createShareStore(store, draftGuard, initialShare, {
  onLeave: () => {
    if (location.hash.startsWith('#s=')) history.replaceState(null, '', location.pathname + location.search);
  },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <ShareContext.Provider value={shareStore}>
          <App />
        </ShareContext.Provider>
      </StoreContext.Provider>
    </StrictMode>,
  );
}
