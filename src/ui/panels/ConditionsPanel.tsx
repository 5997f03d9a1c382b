// Job conditions: the timeline chart over the whole run, and the conditions at the cursor
// as text (type, status, reason, message).

import { Suspense, lazy, memo, useDeferredValue, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ConditionSegment } from '../../state/derive';
import { selectEndMs, selectJob } from '../../state/selectors';
import type { TimeWindow } from '../../state/windows';
import type { TFunction } from '../../i18n';
import { formatSimTime } from '../format';
import { Panel } from '../components/Panel';
import { useApp, useT } from '../hooks/store';

// recharts (with d3 and redux) is the largest part of the app bundle: it loads once the
// browser is idle after the first paint, so the first load stays small (docs/stack.md §7).
// memo + the deferred props below: a new run re-renders the chart in a later, interruptible
// render, not inside the task that puts the run on screen (no main-thread task over 50 ms).
const ConditionChart = lazy(() => import('../charts/ConditionChart').then((m) => ({ default: memo(m.ConditionChart) })));

/**
 * true once the browser is idle after the first paint; on a phone-sized screen also only
 * once the chart's place is near the viewport (there the panel is below the fold, and
 * building the chart is a slow phone's longest startup task).
 */
function useChartReady(spot: RefObject<HTMLElement | null>): boolean {
  const [idle, setIdle] = useState(false);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined' || !(window.matchMedia?.('(max-width: 900px)').matches ?? false));
  useEffect(() => {
    const w = window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number };
    if (w.requestIdleCallback) {
      const id = w.requestIdleCallback(() => setIdle(true), { timeout: 1000 });
      return () => window.cancelIdleCallback?.(id);
    }
    const id = setTimeout(() => setIdle(true), 200);
    return () => clearTimeout(id);
  }, []);
  useEffect(() => {
    const el = spot.current;
    if (near || !el) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '200px' });
    io.observe(el);
    return () => io.disconnect();
  }, [near, spot]);
  return idle && near;
}

/** A long run can announce thousands of backoff waits; the chart and the list show the first ones. */
const MAX_WINDOWS = 60;

const LANE_KEY = { deadline: 'windows.laneDeadline', backoff: 'windows.laneBackoff', ttl: 'windows.laneTtl' } as const;

/** The label of a window, with its numbers (also the chart's hover text). */
export function windowLabel(t: TFunction, w: TimeWindow): string {
  const range = { n: w.seconds, from: formatSimTime(w.startMs), to: formatSimTime(w.endMs) };
  if (w.kind === 'deadline') return t('windows.deadline', range);
  if (w.kind === 'backoff') return t('windows.backoff', range);
  if (w.deletedAtMs === null || w.deletedAtMs === undefined) return t('windows.ttlPending', { n: w.seconds, at: formatSimTime(w.endMs) });
  return t('windows.ttl', { n: w.seconds, at: formatSimTime(w.deletedAtMs) });
}

/** Windows become extra chart lanes (status "Window"), after the condition lanes. */
function windowSegments(t: TFunction, windows: readonly TimeWindow[]): ConditionSegment[] {
  return windows.map((w) => ({ type: t(LANE_KEY[w.kind]), status: 'Window', startMs: w.startMs, endMs: w.endMs, reason: windowLabel(t, w), message: '' }));
}

function WindowList({ windows, cursorMs }: { windows: readonly TimeWindow[]; cursorMs: number }) {
  const t = useT();
  if (windows.length === 0) return null;
  return (
    <>
      <h3 className="small">{t('windows.title')}</h3>
      <ul className="window-list" data-testid="conditions.windows">
        {windows.slice(0, MAX_WINDOWS).map((w, i) => (
          <li key={i} className={`window-${w.kind}${cursorMs >= w.startMs && cursorMs < w.endMs ? ' window-now' : ''}`} data-testid="conditions.window" data-kind={w.kind}>
            {windowLabel(t, w)}
          </li>
        ))}
        {windows.length > MAX_WINDOWS && <li className="muted">{t('windows.more', { n: windows.length - MAX_WINDOWS })}</li>}
      </ul>
    </>
  );
}

export function ConditionsPanel() {
  const t = useT();
  const segments = useApp((s) => s.run?.segments);
  const endMs = useApp(selectEndMs);
  const cursorMs = useApp((s) => s.cursorMs);
  const conditions = useApp((s) => selectJob(s)?.status.conditions);
  const windows = useApp((s) => s.run?.windows);
  const spot = useRef<HTMLDivElement>(null);
  const chartReady = useChartReady(spot);
  const lanes = useDeferredValue(useMemo(() => [...(segments ?? []), ...windowSegments(t, (windows ?? []).slice(0, MAX_WINDOWS))], [segments, windows, t]));
  const chartEndMs = useDeferredValue(endMs);
  return (
    <Panel title={t('conditions.region')} id="conditions">
      <div ref={spot} />
      {/* The slot keeps its height while the lazy chart arrives, so nothing below jumps. */}
      <div className="chart-slot">
        {chartReady && lanes.length > 0 && (
          <Suspense fallback={null}>
            <ConditionChart segments={lanes} endMs={chartEndMs} cursorMs={cursorMs} label={t('conditions.chart')} />
          </Suspense>
        )}
      </div>
      <WindowList windows={windows ?? []} cursorMs={cursorMs} />
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
