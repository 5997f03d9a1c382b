// Job conditions: the timeline chart over the whole run, and the conditions at the cursor
// as text (type, status, reason, message).

import { selectEndMs, selectJob } from '../../state/selectors';
import { ConditionChart } from '../charts/ConditionChart';
import { Panel } from '../components/Panel';
import { useApp, useT } from '../hooks/store';

export function ConditionsPanel() {
  const t = useT();
  const segments = useApp((s) => s.run?.segments);
  const endMs = useApp(selectEndMs);
  const cursorMs = useApp((s) => s.cursorMs);
  const conditions = useApp((s) => selectJob(s)?.status.conditions);
  return (
    <Panel title={t('conditions.region')} id="conditions">
      {segments && segments.length > 0 && <ConditionChart segments={segments} endMs={endMs} cursorMs={cursorMs} label={t('conditions.chart')} />}
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
