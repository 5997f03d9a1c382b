// The per-index grid of an Indexed Job: completed / failed / running / pending, with each
// index's failed-pod count against backoffLimitPerIndex when it is set. Above
// INDEX_GRID_MAX indexes the grid is a canvas heatmap (ui/canvas/IndexHeatmap.tsx).

import { INDEX_STATES, type IndexGrid } from '../../state/derive';
import type { TimeWindow } from '../../state/windows';
import { formatAge } from '../format';
import { INDEX_GRID_MAX, selectIndexGrid, selectJob } from '../../state/selectors';
import { IndexHeatmap } from '../canvas/IndexHeatmap';
import type { MessageKey } from '../../i18n';
import { Panel } from '../components/Panel';
import { useApp, useT } from '../hooks/store';

const STATE_SHAPE = { completed: '✔', failed: '✖', running: '●', pending: '◌', backoff: '◔' } as const;

/** The remaining wait the controller announced ("why" backoff entries) at the cursor, if any. */
function announcedWait(windows: readonly TimeWindow[] | undefined, cursorMs: number): number | null {
  const w = windows?.find((x) => x.kind === 'backoff' && x.startMs <= cursorMs && cursorMs < x.endMs);
  return w ? w.endMs - cursorMs : null;
}

function IndexCells({ grid, limit, cursorMs }: { grid: IndexGrid; limit: number | undefined; cursorMs: number }) {
  const t = useT();
  const cells = [];
  for (let i = 0; i < grid.total; i++) {
    const state = INDEX_STATES[grid.states[i] ?? 0] ?? 'pending';
    const failures = grid.failures[i] ?? 0;
    const ignored = grid.ignored[i] ?? 0;
    const failedAt = grid.failedAtMs[i] ?? -1;
    const stateText = t(`indexes.${state}` as MessageKey);
    // Elapsed time since the failure, not a computed remaining backoff (the engine owns that).
    const ago = state === 'backoff' && failedAt >= 0 ? t('indexes.failedAgo', { s: formatAge(cursorMs - failedAt) }) : '';
    const label = [t('indexes.cell', { i, state: stateText, n: failures }), ago, ignored > 0 ? t('indexes.ignoredTitle', { n: ignored }) : ''].filter(Boolean).join(' · ');
    cells.push(
      <li key={i} className={`idx idx-${state}`} title={label} data-testid="indexes.cell" data-state={state}>
        <span className="idx-num">{i}</span>
        <span aria-hidden="true">{STATE_SHAPE[state]}</span>
        <span className="sr-only">{label}</span>
        {(failures > 0 || limit !== undefined) && (
          <span className="idx-fail" aria-hidden="true">
            {limit !== undefined ? t('indexes.failures', { n: failures, limit }) : failures}
          </span>
        )}
        {ignored > 0 && (
          <span className="idx-extra" aria-hidden="true" data-testid="indexes.ignored">
            {t('indexes.ignored', { n: ignored })}
          </span>
        )}
        {ago && (
          <span className="idx-extra" aria-hidden="true" data-testid="indexes.backoffAgo">
            {ago}
          </span>
        )}
      </li>,
    );
  }
  return <ol className="index-grid">{cells}</ol>;
}

export function IndexesPanel() {
  const t = useT();
  const grid = useApp(selectIndexGrid);
  const limit = useApp((s) => selectJob(s)?.spec.backoffLimitPerIndex);
  const theme = useApp((s) => s.theme);
  const cursorMs = useApp((s) => s.cursorMs);
  const wait = announcedWait(useApp((s) => s.run?.windows), cursorMs);
  return (
    <Panel title={t('indexes.region')} id="indexes">
      {!grid ? (
        <p className="muted">{t('indexes.notIndexed')}</p>
      ) : (
        <>
          <p className="muted small">
            {limit !== undefined ? t('indexes.limit', { n: limit }) : t('indexes.noLimit')}
            {' · '}
            {(['completed', 'failed', 'running', 'pending', 'backoff'] as const).map((k) => (
              <span key={k} className={`legend idx-${k}`}>
                <span aria-hidden="true">{STATE_SHAPE[k]}</span> {t(`indexes.${k}` as MessageKey)}{' '}
              </span>
            ))}
            {wait !== null && (
              <span className="badge warn" data-testid="indexes.nextIn">
                {t('indexes.nextIn', { s: formatAge(wait) })}
              </span>
            )}
          </p>
          {grid.total > INDEX_GRID_MAX ? <IndexHeatmap grid={grid} theme={theme} /> : <IndexCells grid={grid} limit={limit} cursorMs={cursorMs} />}
        </>
      )}
    </Panel>
  );
}
