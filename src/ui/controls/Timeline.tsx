// The scrubbable timeline: a native range input (keyboard and screen-reader friendly)
// with markers at pod failures and Job condition changes.

import { useMemo } from 'react';
import { selectEndMs } from '../../state/selectors';
import { formatSimTime } from '../format';
import { useActions, useApp, useT } from '../hooks/store';

export function Timeline() {
  const t = useT();
  const a = useActions();
  const cursorMs = useApp((s) => s.cursorMs);
  const endMs = useApp(selectEndMs);
  const markers = useApp((s) => s.run?.markers);
  // The cursor moves every frame while playing; the (up to hundreds of) markers only change
  // with the run. (`a` is a new state object on every store change; its actions are stable.)
  const { setCursor } = a;
  const markerSpans = useMemo(() => {
    const span = Math.max(endMs, 1);
    return (markers ?? []).map((m, i) => (
      <span
        key={i}
        className={`marker ${m.kind}`}
        style={{ left: `${(m.timeMs / span) * 100}%` }}
        title={`${formatSimTime(m.timeMs)} ${m.kind === 'podFailed' ? t('time.markerPodFailed', { label: m.label }) : t('time.markerCondition', { label: m.label })}`}
        onClick={() => setCursor(m.timeMs)}
      />
    ));
  }, [markers, endMs, t, setCursor]);
  return (
    <div className="timeline">
      <input
        type="range"
        min={0}
        max={endMs}
        step={100}
        value={Math.round(cursorMs)}
        aria-label={t('time.timeline')}
        aria-valuetext={formatSimTime(cursorMs)}
        onChange={(e) => {
          a.pause();
          a.setCursor(Number(e.target.value));
        }}
        onKeyDown={(e) => e.stopPropagation()}
        data-testid="time.timeline"
      />
      <div className="markers" aria-hidden="true">
        {markerSpans}
      </div>
    </div>
  );
}
