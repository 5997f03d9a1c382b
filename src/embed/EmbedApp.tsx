// The embedded playground (loaded lazily by main.ts): the store with the simulation
// worker, the time controls and the chosen panels. A read-only embed never imports the
// editor, so Monaco is not downloaded at all.

import { StrictMode, Suspense, lazy, useEffect, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { makeT } from '../i18n';
import { findExample } from '../scenario/examples';
import { decodeShare, encodeShare } from '../scenario/share';
import { DEFAULT_SCENARIO } from '../state/defaultScenario';
import { SCENARIO_KEY, memoryStorage } from '../state/persistence';
import { createAppStore, type AppStore } from '../state/store';
import { TimeControls } from '../ui/controls/TimeControls';
import { exampleTexts } from '../ui/gallery/expectBlock';
import { StoreContext, useApp, useT } from '../ui/hooks/store';
import { usePlayback } from '../ui/hooks/usePlayback';
import { ConditionsPanel } from '../ui/panels/ConditionsPanel';
import { EventsPanel } from '../ui/panels/EventsPanel';
import { IndexesPanel } from '../ui/panels/IndexesPanel';
import { PodsPanel } from '../ui/panels/PodsPanel';
import { StatusPanel } from '../ui/panels/StatusPanel';
import { createWorkerSimClient } from '../worker/simClient';
import './embed.css';
import { createController, loadText, type EmbedController } from './controller';
import type { EmbedEvent } from './messages';
import type { EmbedOptions, EmbedPanel } from './params';

const EditorPane = lazy(() => import('../ui/editor/EditorPane').then((m) => ({ default: m.EditorPane })));
const AutoApply = lazy(() => import('./AutoApply'));

const PANELS: Record<EmbedPanel, () => React.JSX.Element> = {
  Pods: PodsPanel,
  Indexes: IndexesPanel,
  Status: StatusPanel,
  Conditions: ConditionsPanel,
  Events: EventsPanel,
};

interface Initial {
  text: string;
  cursorMs: number;
  title: string | null;
  error: string | null;
}

/** The scenario to show: the fragment's #s= link, else ?example=, else the default. */
function initialScenario(o: EmbedOptions): Initial {
  const t = makeT(o.lang);
  if (/^#?s=/.test(location.hash)) {
    const d = decodeShare(location.hash);
    if (d.ok) return { text: d.scenarioText, cursorMs: d.cursorMs ?? 0, title: null, error: null };
    return { text: DEFAULT_SCENARIO, cursorMs: 0, title: null, error: t('share.badLink', { message: d.message }) };
  }
  if (o.example !== null) {
    const ex = findExample(o.example);
    if (ex) return { text: ex.text, cursorMs: 0, title: exampleTexts(ex, o.lang).title, error: null };
    return { text: DEFAULT_SCENARIO, cursorMs: 0, title: null, error: t('embed.unknownExample', { id: o.example }) };
  }
  return { text: DEFAULT_SCENARIO, cursorMs: 0, title: null, error: null };
}

function EmbedShell({ options, warnings, initial }: { options: EmbedOptions; warnings: string[]; initial: Initial }) {
  const t = useT();
  const text = useApp((s) => s.text);
  usePlayback();
  const openHref = useMemo(() => `./${encodeShare({ scenarioText: text })}`, [text]);
  useEffect(() => {
    document.documentElement.lang = options.lang;
  }, [options.lang]);
  return (
    <div className={`jp-embed${options.compact ? ' compact' : ''}`} data-testid="embed.app" data-readonly={options.readonly}>
      <header className="jp-embed-head">
        <strong>{initial.title ?? t('app.title')}</strong>
        <a href={openHref} target="_blank" rel="noopener noreferrer">
          {t('embed.open')}
        </a>
      </header>
      {initial.error !== null && (
        <p role="alert" className="problem-block error" data-testid="embed.error">
          {initial.error}
        </p>
      )}
      {warnings.length > 0 && (
        <p className="problem-block warning small" data-testid="embed.warnings">
          {t('embed.badParams', { list: warnings.join('; ') })}
        </p>
      )}
      {!options.readonly && (
        <Suspense fallback={<p className="muted">{t('editor.loading')}</p>}>
          <AutoApply />
          <EditorPane />
        </Suspense>
      )}
      <TimeControls />
      <div className="jp-embed-panels">
        {options.panels.map((p) => {
          const Component = PANELS[p];
          return <Component key={p} />;
        })}
      </div>
    </div>
  );
}

/** Mounts the embed into `root` and runs its scenario; resolves with the command handler. */
export async function mountEmbed(root: HTMLElement, options: EmbedOptions, warnings: string[], emit: (e: EmbedEvent) => void): Promise<EmbedController> {
  const initial = initialScenario(options);
  const dark = document.documentElement.dataset.theme === 'dark';
  const store: AppStore = createAppStore({
    sim: createWorkerSimClient(),
    storage: memoryStorage({ [SCENARIO_KEY]: initial.text }),
    defaults: { lang: options.lang, theme: dark ? 'dark' : 'light', speed: options.speed },
  });
  const controller = createController(store, emit);
  createRoot(root).render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <EmbedShell options={options} warnings={warnings} initial={initial} />
      </StoreContext.Provider>
    </StrictMode>,
  );
  await loadText(store, initial.text, initial.cursorMs);
  if (options.autoplay) store.getState().play();
  emit({ type: 'ready', loaded: true });
  return controller;
}
