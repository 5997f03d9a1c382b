// Composition root: the worker-backed simulation client, localStorage, the store, React.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/styles.css';
import { memoryStorage, type StorageLike } from './state/persistence';
import { createAppStore } from './state/store';
import { StoreContext } from './ui/hooks/store';
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
const store = createAppStore({
  sim: createWorkerSimClient(),
  storage: browserStorage(),
  defaults: { theme: prefersDark ? 'dark' : 'light' },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </StrictMode>,
  );
}
