// Events as `kubectl describe` lists them (Type, Reason, Age, From, Message), and the
// "why" log: the controller's explained decisions and the outcome of each action. Both
// lists are virtualized (a 100,000-completion run has 100,000 Events).

import { useRef } from 'react';
import { eventRow, selectEvents, selectRunData, selectWhyLog } from '../../state/selectors';
import { formatAge, formatSimTime } from '../format';
import { Panel } from '../components/Panel';
import { useApp, useT } from '../hooks/store';
import { useVirtualRows } from '../virtual/useVirtualRows';

// Rows have a fixed height so long lists render only what is on screen.
const EVENT_ROW = 26;
const EVENT_VIEW = 300;
const WHY_ROW = 22;
const WHY_VIEW = 220;

function EventsTable() {
  const t = useT();
  const events = useApp(selectEvents);
  const data = useApp(selectRunData);
  const clockStartMs = useApp((s) => s.run?.clockStartMs ?? 0);
  const cursorMs = useApp((s) => s.cursorMs);
  const ref = useRef<HTMLDivElement>(null);
  const rows = useVirtualRows(ref, events.count, EVENT_ROW, EVENT_VIEW);
  if (events.count === 0 || !data) return <p className="muted">{t('events.none')}</p>;
  const shown = [];
  for (let i = rows.first; i < rows.last; i++) shown.push(eventRow(data, events.rows[i] ?? 0));
  return (
    <div className="table-wrap" ref={ref} style={{ maxHeight: EVENT_VIEW }}>
      <table className="events" data-testid="events.table" aria-rowcount={events.count + 1}>
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
          {rows.padTop > 0 && <tr aria-hidden="true" style={{ height: rows.padTop }} />}
          {shown.map((e, k) => {
            const ms = e.lastMs === null ? null : clockStartMs + cursorMs - e.lastMs;
            return (
              <tr key={e.name} className={e.type === 'Warning' ? 'warning-row' : ''} data-testid="events.row" aria-rowindex={rows.first + k + 2} style={{ height: EVENT_ROW, whiteSpace: 'nowrap' }}>
                <td>{e.type}</td>
                <td>{e.reason}</td>
                <td>
                  {ms === null ? '' : formatAge(ms)}
                  {e.count > 1 ? ` (x${e.count})` : ''}
                </td>
                <td>{e.component}</td>
                <td title={e.message}>{e.message}</td>
              </tr>
            );
          })}
          {rows.padBottom > 0 && <tr aria-hidden="true" style={{ height: rows.padBottom }} />}
        </tbody>
      </table>
    </div>
  );
}

function WhyLog() {
  const t = useT();
  const log = useApp(selectWhyLog);
  const ref = useRef<HTMLOListElement>(null);
  const rows = useVirtualRows(ref, log.length, WHY_ROW, WHY_VIEW);
  if (log.length === 0) return <p className="muted">{t('events.whyNone')}</p>;
  return (
    <ol className="why-log" data-testid="events.why" ref={ref} start={rows.first + 1} style={{ maxHeight: WHY_VIEW }}>
      {rows.padTop > 0 && <li aria-hidden="true" style={{ height: rows.padTop, listStyle: 'none' }} />}
      {log.slice(rows.first, rows.last).map((e) => (
        <li key={e.seq} className={e.type === 'action' ? `action action-${e.result}` : 'why'} style={{ minHeight: WHY_ROW, maxHeight: WHY_ROW, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }} title={e.type === 'why' ? e.text : e.message}>
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
      {rows.padBottom > 0 && <li aria-hidden="true" style={{ height: rows.padBottom, listStyle: 'none' }} />}
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
