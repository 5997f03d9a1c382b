// Events as `kubectl describe` lists them (Type, Reason, Age, From, Message), and the
// "why" log: the controller's explained decisions and the outcome of each action.

import { selectEvents, selectWhyLog } from '../../state/selectors';
import { formatAge, formatSimTime } from '../format';
import { Panel } from '../components/Panel';
import { useApp, useT } from '../hooks/store';

function EventsTable() {
  const t = useT();
  const events = useApp(selectEvents);
  const clockStartMs = useApp((s) => s.run?.clockStartMs ?? 0);
  const cursorMs = useApp((s) => s.cursorMs);
  if (events.length === 0) return <p className="muted">{t('events.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="events" data-testid="events.table">
        <thead>
          <tr>
            <th scope="col">{t('events.type')}</th>
            <th scope="col">{t('events.reason')}</th>
            <th scope="col">{t('events.age')}</th>
            <th scope="col">{t('events.from')}</th>
            <th scope="col">{t('events.message')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const age = Date.parse(e.lastTimestamp);
            const ms = Number.isNaN(age) ? null : clockStartMs + cursorMs - age;
            return (
              <tr key={e.metadata.name} className={e.type === 'Warning' ? 'warning-row' : ''} data-testid="events.row">
                <td>{e.type}</td>
                <td>{e.reason}</td>
                <td>
                  {ms === null ? '' : formatAge(ms)}
                  {e.count > 1 ? ` (x${e.count})` : ''}
                </td>
                <td>{e.source.component}</td>
                <td>{e.message}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function WhyLog() {
  const t = useT();
  const log = useApp(selectWhyLog);
  if (log.length === 0) return <p className="muted">{t('events.whyNone')}</p>;
  return (
    <ol className="why-log" data-testid="events.why">
      {log.map((e) => (
        <li key={e.seq} className={e.type === 'action' ? `action action-${e.result}` : 'why'}>
          <span className="muted small">{formatSimTime(e.timeMs)} </span>
          {e.type === 'why' ? (
            <>
              <code>{e.rule}</code> {e.text}
            </>
          ) : (
            <>
              {t('events.action', { action: e.action, result: e.result })}
              {e.message ? ` — ${e.message}` : ''}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

export function EventsPanel() {
  const t = useT();
  return (
    <Panel title={t('events.region')} id="events">
      <EventsTable />
      <h3 className="small">{t('events.why')}</h3>
      <WhyLog />
    </Panel>
  );
}
