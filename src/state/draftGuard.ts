// Keeps the person's autosaved draft safe while a shared link, an example or an import is
// open: a storage wrapper handed to createAppStore. In a session, reads and writes of the
// scenario slot go to a session copy in memory; the draft stays in its slot untouched
// until the person chooses "Back to my draft" or "Keep this as my draft".

import { SCENARIO_KEY, loadText, saveText, type StorageLike } from './persistence';

export interface DraftGuard {
  /** The storage to give the app store. */
  readonly storage: StorageLike;
  inSession(): boolean;
  /** Starts (or continues) a session holding `text`; the draft slot is left alone. */
  enterSession(text: string): void;
  /** Ends the session and returns the saved draft (null when nothing was saved). */
  leaveSession(): string | null;
  /** Ends the session, writing the session text into the draft slot. */
  keepSession(): void;
  /** The saved draft (never the session text). */
  draft(): string | null;
}

export function createDraftGuard(base: StorageLike): DraftGuard {
  let session: string | null = null;
  const storage: StorageLike = {
    getItem(key) {
      if (key === SCENARIO_KEY && session !== null) return session;
      return base.getItem(key);
    },
    setItem(key, value) {
      if (key === SCENARIO_KEY && session !== null) session = value;
      else base.setItem(key, value);
    },
  };
  return {
    storage,
    inSession: () => session !== null,
    enterSession(text) {
      session = text;
    },
    leaveSession() {
      session = null;
      return loadText(base);
    },
    keepSession() {
      if (session !== null) saveText(base, session);
      session = null;
    },
    draft: () => loadText(base),
  };
}
