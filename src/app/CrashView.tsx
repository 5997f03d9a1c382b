// The global "something went wrong" view (the top-level boundary's fallback) and the
// banner for errors that escaped React while the app still renders. Both offer to copy
// the scenario text and to reload; the text is autosaved, so a reload keeps it.

import { Component, useContext, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { StoreContext } from '../ui/hooks/store';
import type { AppStore } from '../state/store';
import { clearGlobalError, getGlobalError, subscribeGlobalError } from './globalErrors';
import { copyText, crashTexts, describeError, reload, rescueText, resetAndReload } from './rescue';

function useCopy(text: string) {
  const area = useRef<HTMLTextAreaElement | null>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => void copyText(text, area.current).then((ok) => setStatus(ok ? 'copied' : 'failed'));
  return { area, status, copy };
}

export function CrashView({ message, store }: { message: string; store: AppStore | null }) {
  const t = crashTexts(store);
  const [text] = useState(() => rescueText(store));
  const { area, status, copy } = useCopy(text);
  return (
    <div className="crash-view" role="alert" data-testid="crash.view">
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      <p className="muted small">{t.details}</p>
      <pre data-testid="crash.message">{message}</pre>
      <div className="crash-actions">
        <button type="button" className="primary" onClick={copy} data-testid="crash.copy">
          {t.copy}
        </button>
        <button type="button" onClick={reload} data-testid="crash.reload">
          {t.reload}
        </button>
        <button type="button" onClick={() => resetAndReload(t)} data-testid="crash.reset">
          {t.reset}
        </button>
      </div>
      <p role="status" data-testid="crash.status">
        {status === 'copied' ? t.copied : status === 'failed' ? t.copyFailed : ''}
      </p>
      <label className="crash-text">
        <span className="muted small">{t.scenario}</span>
        <textarea ref={area} readOnly rows={14} value={text} data-testid="crash.text" spellCheck={false} />
      </label>
    </div>
  );
}

interface BoundaryState {
  message: string | null;
}

/** The top-level boundary: anything the panels' own boundaries do not catch ends here. */
export class GlobalErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  static override contextType = StoreContext;
  declare context: AppStore | null;
  override state: BoundaryState = { message: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { message: describeError(error) };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('the playground failed to render', error);
  }

  override render(): ReactNode {
    if (this.state.message !== null) return <CrashView message={this.state.message} store={this.context} />;
    return this.props.children;
  }
}

/** Errors outside React (event handlers, promises) while the app still renders. */
export function GlobalErrorBanner() {
  const store = useContext(StoreContext);
  const error = useSyncExternalStore(subscribeGlobalError, getGlobalError);
  const t = crashTexts(store);
  const { area, status, copy } = useCopy(error ? rescueText(store) : '');
  if (!error) return null;
  return (
    <div className="crash-banner" role="alert" data-testid="crash.banner">
      <p>
        <strong>{t.banner}</strong> <code data-testid="crash.message">{error.message}</code>
      </p>
      <div className="crash-actions">
        <button type="button" onClick={copy} data-testid="crash.copy">
          {t.copy}
        </button>
        <button type="button" onClick={reload} data-testid="crash.reload">
          {t.reload}
        </button>
        <button type="button" onClick={clearGlobalError} data-testid="crash.dismiss">
          {t.dismiss}
        </button>
        <span role="status" data-testid="crash.status">
          {status === 'copied' ? t.copied : status === 'failed' ? t.copyFailed : ''}
        </span>
      </div>
      {status === 'failed' && <textarea ref={area} readOnly rows={6} value={rescueText(store)} aria-label={t.scenario} />}
    </div>
  );
}
