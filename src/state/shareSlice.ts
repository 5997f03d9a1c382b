// Sessions opened from outside the editor: a share link (#s=…), a gallery example or an
// imported Job. A small store next to the app store: it switches the app's text through
// the app's named actions while the DraftGuard keeps the autosaved draft in its slot,
// and remembers where the session came from (for "Back to my draft" and "what you
// should see").

import { createStore, type StoreApi } from 'zustand/vanilla';
import { decodeShare, type ShareView } from '../scenario/share';
import { DEFAULT_SCENARIO } from './defaultScenario';
import type { DraftGuard } from './draftGuard';
import { pushUndo } from './historySlice';
import { SPEEDS, type AppStore } from './store';

export type SessionSource = 'link' | 'example' | 'import';

export interface ShareSession {
  source: SessionSource;
  /** The gallery example, when the session is one. */
  exampleId?: string;
}

/** What the page's fragment asked for, read before the app store exists. */
export interface InitialShare {
  session: ShareSession | null;
  linkError: string | null;
  cursorMs?: number;
  view?: ShareView;
}

export interface ShareState {
  session: ShareSession | null;
  /** Why the page's share link could not be opened (the draft was loaded instead). */
  linkError: string | null;
  /** Opens `text` for this session; the current text goes on the undo stack, the draft stays saved. */
  loadScenario(text: string, session: ShareSession): Promise<void>;
  /** Opens a share link in this page (the address's fragment changed); a bad link only sets linkError. */
  openLink(hash: string): Promise<void>;
  /** Leaves the session: the saved draft (or the default scenario) comes back. */
  backToDraft(): Promise<void>;
  /** Leaves the session keeping its text: it becomes the autosaved draft. */
  keepAsDraft(): void;
  dismissLinkError(): void;
}

export type ShareStore = StoreApi<ShareState>;

/**
 * Reads `#s=…` from the page address. A valid link starts a session with its text (so the
 * app store starts with it); an invalid one gives a message and leaves the draft alone.
 */
export function openShareFragment(hash: string, guard: DraftGuard): InitialShare {
  if (!/^#?s=/.test(hash)) return { session: null, linkError: null };
  const decoded = decodeShare(hash);
  if (!decoded.ok) return { session: null, linkError: decoded.message };
  guard.enterSession(decoded.scenarioText);
  const out: InitialShare = { session: { source: 'link' }, linkError: null };
  if (decoded.cursorMs !== undefined) out.cursorMs = decoded.cursorMs;
  if (decoded.view !== undefined) out.view = decoded.view;
  return out;
}

/** Restores the link's cursor and view once its first run is on screen. */
function restoreWhenRun(app: AppStore, initial: InitialShare): void {
  const { cursorMs, view } = initial;
  const speed = view?.sp;
  if (typeof speed === 'number' && (SPEEDS as readonly number[]).includes(speed)) app.getState().setSpeed(speed);
  if (cursorMs === undefined) return;
  const unsubscribe = app.subscribe((s) => {
    if (s.run === null) return;
    unsubscribe();
    app.getState().setCursor(cursorMs);
  });
}

export interface ShareDeps {
  /** Called when a session ends (the UI drops `#s=` from the address). */
  onLeave?: () => void;
}

export function createShareStore(app: AppStore, guard: DraftGuard, initial: InitialShare, deps: ShareDeps = {}): ShareStore {
  restoreWhenRun(app, initial);
  /** Switches the app's text, keeping the old one for Undo, and runs it from t=0. */
  const switchText = async (text: string) => {
    const { text: old, past } = app.getState();
    // The undo stack lives in the app store; this is the one write it has no action for.
    if (old !== text) app.setState({ past: pushUndo(past, old), future: [] });
    app.getState().pause();
    app.getState().setText(text);
    await app.getState().rerun();
    app.getState().setCursor(0);
  };
  return createStore<ShareState>()((set, get) => ({
    session: initial.session,
    linkError: initial.linkError,
    async loadScenario(text, session) {
      guard.enterSession(text);
      set({ session, linkError: null });
      await switchText(text);
    },
    async openLink(hash) {
      const decoded = decodeShare(hash);
      if (!decoded.ok) {
        set({ linkError: decoded.message });
        return;
      }
      await get().loadScenario(decoded.scenarioText, { source: 'link' });
      if (decoded.cursorMs !== undefined) app.getState().setCursor(decoded.cursorMs);
    },
    async backToDraft() {
      const draft = guard.leaveSession();
      set({ session: null });
      deps.onLeave?.();
      await switchText(draft ?? DEFAULT_SCENARIO);
    },
    keepAsDraft() {
      guard.keepSession();
      set({ session: null });
      deps.onLeave?.();
    },
    dismissLinkError: () => set({ linkError: null }),
  }));
}
