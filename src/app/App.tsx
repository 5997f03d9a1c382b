// The layout shell: header, scenario editor on the left, time controls and the panels on
// the right. Effects that drive the store (playback, auto-apply, shortcuts, theme and
// language attributes) are wired here. Errors: each panel has its own boundary (Panel),
// the editor and the time controls get one here, and the whole shell sits inside the
// global boundary, with window errors shown as a banner (CrashView.tsx, globalErrors.ts).

import { installGlobalErrorHandlers } from './globalErrors';
import { useCallback, useContext, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { StoreContext } from '../ui/hooks/store';
import { ErrorBoundary } from './ErrorBoundary';
import { GlobalErrorBanner, GlobalErrorBoundary } from './CrashView';
import { CrashProbe, installTestHooks } from './testHooks';
import { TimeControls } from '../ui/controls/TimeControls';
import { EditorPane } from '../ui/editor/EditorPane';
import { HelpDialog } from '../ui/components/HelpDialog';
import { LiveRegion } from '../ui/components/LiveRegion';
import { NoticeBar, Toolbar } from '../ui/components/Toolbar';
import { SessionBar } from '../ui/share/SessionBar';
import { useApp } from '../ui/hooks/store';
import { useAutoApply, usePlayback } from '../ui/hooks/usePlayback';
import { useShortcuts } from '../ui/hooks/useShortcuts';
import { ConditionsPanel } from '../ui/panels/ConditionsPanel';
import { ConsolePanel } from '../ui/panels/ConsolePanel';
import { EventsPanel } from '../ui/panels/EventsPanel';
import { IndexesPanel } from '../ui/panels/IndexesPanel';
import { PodsPanel } from '../ui/panels/PodsPanel';
import { StatusPanel } from '../ui/panels/StatusPanel';

function useDocumentSettings(): void {
  const theme = useApp((s) => s.theme);
  const lang = useApp((s) => s.lang);
  // A layout effect: it runs before every passive effect of the same commit, so the canvas
  // views, which read the theme's CSS variables in their effects, see the new theme.
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
}

// Before anything renders: an error while mounting must still reach the rescue view.
installGlobalErrorHandlers();

/** A boundary for a region that is not a Panel (the editor, the time controls). */
function Section({ name, children }: { name: string; children: ReactNode }) {
  return (
    <ErrorBoundary
      name={name}
      fallback={(message, reset) => (
        <div role="alert" className="problem-block error" data-testid={`section.${name}.error`}>
          <p>{message}</p>
          <button type="button" onClick={reset}>
            ↻
          </button>
        </div>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}

export function App() {
  const store = useContext(StoreContext);
  useEffect(() => {
    if (store) installTestHooks(store);
  }, [store]);
  return (
    <>
      <CrashProbe target="root" />
      <GlobalErrorBanner />
      <GlobalErrorBoundary>
        <CrashProbe target="app" />
        <Shell />
      </GlobalErrorBoundary>
    </>
  );
}

function Shell() {
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  usePlayback();
  useAutoApply();
  useShortcuts(openHelp);
  useDocumentSettings();
  return (
    <div className="app">
      <Toolbar onHelp={openHelp} />
      <NoticeBar />
      <SessionBar />
      <main className="layout">
        <div className="left">
          <Section name="editor">
            <EditorPane />
          </Section>
        </div>
        <div className="right">
          <Section name="time">
            <TimeControls />
          </Section>
          <div className="panels">
            <PodsPanel />
            <StatusPanel />
            <ConditionsPanel />
            <IndexesPanel />
            <EventsPanel />
            <ConsolePanel />
          </div>
        </div>
      </main>
      <LiveRegion />
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
