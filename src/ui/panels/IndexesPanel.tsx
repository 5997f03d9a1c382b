// The per-index grid of an Indexed Job: completed / failed / running / pending, with each
// index's failed-pod count against backoffLimitPerIndex when it is set.

import { INDEX_GRID_MAX, selectIndexGrid, selectJob } from '../../state/selectors';
import type { MessageKey } from '../../i18n';
import { Panel } from '../components/Panel';
import { useApp, useT } from '../hooks/store';

const STATE_SHAPE = { completed: '✔', failed: '✖', running: '●', pending: '◌' } as const;

export function IndexesPanel() {
  const t = useT();
  const grid = useApp(selectIndexGrid);
  const limit = useApp((s) => selectJob(s)?.spec.backoffLimitPerIndex);
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
          <ol className="index-grid">
            {grid.cells.map((c) => {
              const stateText = t(`indexes.${c.state}` as MessageKey);
              return (
                <li key={c.index} className={`idx idx-${c.state}`} title={t('indexes.cell', { i: c.index, state: stateText, n: c.failures })} data-testid="indexes.cell" data-state={c.state}>
                  <span className="idx-num">{c.index}</span>
                  <span aria-hidden="true">{STATE_SHAPE[c.state]}</span>
                  <span className="sr-only">{t('indexes.cell', { i: c.index, state: stateText, n: c.failures })}</span>
                  {(c.failures > 0 || limit !== undefined) && (
                    <span className="idx-fail" aria-hidden="true">
                      {limit !== undefined ? t('indexes.failures', { n: c.failures, limit }) : c.failures}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
          {grid.total > INDEX_GRID_MAX && <p className="muted small">{t('indexes.truncated', { shown: INDEX_GRID_MAX, total: grid.total })}</p>}
        </>
      )}
    </Panel>
  );
}
