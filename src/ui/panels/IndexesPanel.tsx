// The per-index grid of an Indexed Job: completed / failed / running / pending, with each
// index's failed-pod count against backoffLimitPerIndex when it is set. Above
// INDEX_GRID_MAX indexes the grid is a canvas heatmap (ui/canvas/IndexHeatmap.tsx).

import { INDEX_STATES, type IndexGrid } from '../../state/derive';
import { INDEX_GRID_MAX, selectIndexGrid, selectJob } from '../../state/selectors';
import { IndexHeatmap } from '../canvas/IndexHeatmap';
import type { MessageKey } from '../../i18n';
import { Panel } from '../components/Panel';
import { useApp, useT } from '../hooks/store';

const STATE_SHAPE = { completed: '✔', failed: '✖', running: '●', pending: '◌' } as const;

function IndexCells({ grid, limit }: { grid: IndexGrid; limit: number | undefined }) {
  const t = useT();
  const cells = [];
  for (let i = 0; i < grid.total; i++) {
    const state = INDEX_STATES[grid.states[i] ?? 0] ?? 'pending';
    const failures = grid.failures[i] ?? 0;
    const stateText = t(`indexes.${state}` as MessageKey);
    cells.push(
      <li key={i} className={`idx idx-${state}`} title={t('indexes.cell', { i, state: stateText, n: failures })} data-testid="indexes.cell" data-state={state}>
        <span className="idx-num">{i}</span>
        <span aria-hidden="true">{STATE_SHAPE[state]}</span>
        <span className="sr-only">{t('indexes.cell', { i, state: stateText, n: failures })}</span>
        {(failures > 0 || limit !== undefined) && (
          <span className="idx-fail" aria-hidden="true">
            {limit !== undefined ? t('indexes.failures', { n: failures, limit }) : failures}
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
  return (
    <Panel title={t('indexes.region')} id="indexes">
      {!grid ? (
        <p className="muted">{t('indexes.notIndexed')}</p>
      ) : (
        <>
          <p className="muted small">
            {limit !== undefined ? t('indexes.limit', { n: limit }) : t('indexes.noLimit')}
            {' · '}
            {(['completed', 'failed', 'running', 'pending'] as const).map((k) => (
              <span key={k} className={`legend idx-${k}`}>
                <span aria-hidden="true">{STATE_SHAPE[k]}</span> {t(`indexes.${k}` as MessageKey)}{' '}
              </span>
            ))}
          </p>
          {grid.total > INDEX_GRID_MAX ? <IndexHeatmap grid={grid} theme={theme} /> : <IndexCells grid={grid} limit={limit} />}
        </>
      )}
    </Panel>
  );
}
