// Play/Pause, speed (simulated time per wall second), Step, Step back, +10 s, +1 min,
// Jump to end, the simulated clock and the scrubbable timeline; the "skip idle waits"
// setting and the note telling how much idle time playback just skipped.

import { SPEEDS } from '../../state/store';
import { selectEndMs } from '../../state/selectors';
import { formatDuration, formatSimTime } from '../format';
import { useActions, useApp, useT } from '../hooks/store';
import { Timeline } from './Timeline';

export function TimeControls() {
  const t = useT();
  const a = useActions();
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  const cursorMs = useApp((s) => s.cursorMs);
  const endMs = useApp(selectEndMs);
  const hasRun = useApp((s) => s.run !== null);
  const skipIdle = useApp((s) => s.skipIdle);
  const idleSkip = useApp((s) => s.idleSkip);
  return (
    <section aria-label={t('time.region')} className="panel time-controls" data-testid="panel.time">
      <div className="controls-row">
        <button type="button" className="primary" onClick={a.togglePlay} disabled={!hasRun} aria-keyshortcuts="Space" data-testid="time.play">
          <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
          {playing ? t('time.pause') : t('time.play')}
        </button>
        <button type="button" onClick={a.stepBack} disabled={!hasRun} aria-keyshortcuts="ArrowLeft">
          <span aria-hidden="true">« </span>
          {t('time.stepBack')}
        </button>
        <button type="button" onClick={a.stepForward} disabled={!hasRun} aria-keyshortcuts="ArrowRight">
          {t('time.step')}
          <span aria-hidden="true"> »</span>
        </button>
        <button type="button" onClick={() => a.jumpBy(10_000)} disabled={!hasRun} aria-keyshortcuts="Shift+ArrowRight">
          {t('time.plus10s')}
        </button>
        <button type="button" onClick={() => a.jumpBy(60_000)} disabled={!hasRun}>
          {t('time.plus1m')}
        </button>
        <button type="button" onClick={a.jumpToEnd} disabled={!hasRun} aria-keyshortcuts="End">
          {t('time.jumpToEnd')}
        </button>
        <label className="speed">
          {t('time.speed')}{' '}
          <select value={speed} onChange={(e) => a.setSpeed(Number(e.target.value))} data-testid="time.speed">
            {SPEEDS.map((n) => (
              <option key={n} value={n}>
                {t('time.speedOption', { n })}
              </option>
            ))}
          </select>
        </label>
        <label className="skip-idle">
          <input type="checkbox" checked={skipIdle} onChange={(e) => a.setSkipIdle(e.target.checked)} data-testid="time.skipIdle" /> {t('time.skipIdle')}
        </label>
        <span className="skip-note" role="status" data-testid="time.skipNote">
          {idleSkip ? t('time.skipped', { d: formatDuration(idleSkip.toMs - idleSkip.fromMs) }) : ''}
        </span>
        <output className="clock" aria-label={t('time.clock')} data-testid="time.clock" data-ms={Math.round(cursorMs)}>
          <span className="muted small">{t('time.clock')} </span>
          <strong>{formatSimTime(cursorMs)}</strong> <span className="muted small">{t('time.of', { end: formatSimTime(endMs) })}</span>
        </output>
      </div>
      <Timeline />
    </section>
  );
}
