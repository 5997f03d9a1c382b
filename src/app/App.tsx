// The layout shell: header, scenario editor on the left, time controls and the panels on
// the right. Effects that drive the store (playback, auto-apply, shortcuts, theme and
// language attributes) are wired here.

import { useCallback, useEffect, useState } from 'react';
import { TimeControls } from '../ui/controls/TimeControls';
import { EditorPane } from '../ui/editor/EditorPane';
import { HelpDialog } from '../ui/components/HelpDialog';
import { LiveRegion } from '../ui/components/LiveRegion';
import { NoticeBar, Toolbar } from '../ui/components/Toolbar';
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
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
}

export function App() {
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
      <main className="layout">
        <div className="left">
          <EditorPane />
        </div>
        <div className="right">
          <TimeControls />
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
