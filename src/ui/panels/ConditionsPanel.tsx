// Job conditions: the timeline chart over the whole run, and the conditions at the cursor
// as text (type, status, reason, message).

import { Suspense, lazy, useEffect, useState } from 'react';
import { selectEndMs, selectJob } from '../../state/selectors';
import { Panel } from '../components/Panel';
import { useApp, useT } from '../hooks/store';

// recharts (with d3 and redux) is the largest part of the app bundle: it loads once the
// browser is idle after the first paint, so the first load stays small (docs/stack.md §7).
const ConditionChart = lazy(() => import('../charts/ConditionChart').then((m) => ({ default: m.ConditionChart })));

function useWhenIdle(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const w = window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number };
    if (w.requestIdleCallback) {
      const id = w.requestIdleCallback(() => setReady(true), { timeout: 1000 });
      return () => window.cancelIdleCallback?.(id);
    }
    const id = setTimeout(() => setReady(true), 200);
    return () => clearTimeout(id);
  }, []);
  return ready;
}

export function ConditionsPanel() {
  const t = useT();
  const segments = useApp((s) => s.run?.segments);
  const endMs = useApp(selectEndMs);
  const cursorMs = useApp((s) => s.cursorMs);
  const conditions = useApp((s) => selectJob(s)?.status.conditions);
  const chartReady = useWhenIdle();
  return (
    <Panel title={t('conditions.region')} id="conditions">
      {chartReady && segments && segments.length > 0 && (
        <Suspense fallback={null}>
          <ConditionChart segments={segments} endMs={endMs} cursorMs={cursorMs} label={t('conditions.chart')} />
        </Suspense>
      )}
      <h3 className="small">{t('conditions.current')}</h3>
      {!conditions || conditions.length === 0 ? (
        <p className="muted">{t('conditions.none')}</p>
      ) : (
        <ul className="condition-list" data-testid="conditions.list">
          {conditions.map((c) => (
            <li key={c.type} className={c.status === 'True' ? 'cond-true-text' : 'cond-false-text'} data-testid="conditions.item" data-type={c.type} data-status={c.status}>
              <strong>{c.type}</strong>={c.status}
              {c.reason ? ` (${c.reason})` : ''}
              {c.message ? `: ${c.message}` : ''}
              {c.lastTransitionTime ? <span className="muted small"> {t('conditions.since', { time: c.lastTransitionTime })}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
