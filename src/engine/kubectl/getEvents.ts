// `kubectl get events` rows, mirroring printEvent in
// kubernetes/pkg/printers/internalversion/printers.go.

import type { KubeEvent } from '../api/types';
import { parseTime, translateTimestampSince } from './format';
import { renderTable } from './tabwriter';
import type { TableOptions } from './table';
import { extra } from './getPods';

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** OBJECT column: `kind/name` with the kind lower-cased. */
export function eventTarget(e: KubeEvent): string {
  const kind = (e.involvedObject?.kind ?? '').toLowerCase();
  return e.involvedObject?.name ? `${kind}/${e.involvedObject.name}` : kind;
}

/** formatEventSource: component (or reportingController), then host (or reportingInstance). */
function eventSource(e: KubeEvent): string {
  const component = e.source?.component || str(extra(e, 'reportingController'));
  const host = str(extra(e.source, 'host')) || str(extra(e, 'reportingInstance'));
  if (component === '') return '';
  return host === '' ? component : `${component}, ${host}`;
}

function eventCells(e: KubeEvent, nowMs: number, clockStart: string, wide: boolean): string[] {
  const first = translateTimestampSince(e.firstTimestamp, nowMs, clockStart);
  const last = parseTime(e.lastTimestamp) === undefined ? first : translateTimestampSince(e.lastTimestamp, nowMs, clockStart);
  const count = e.count || 1;
  const message = (e.message ?? '').trim();
  if (!wide) return [last, e.type, e.reason, eventTarget(e), message];
  const sub = str(extra(e.involvedObject, 'fieldPath'));
  return [last, e.type, e.reason, eventTarget(e), sub, eventSource(e), message, first, String(count), e.metadata?.name ?? ''];
}

/** Oldest first by lastTimestamp (stable), approximating the time-ordered event names. */
export function sortEvents(events: KubeEvent[]): KubeEvent[] {
  const key = (e: KubeEvent) => parseTime(e.lastTimestamp) ?? parseTime(e.firstTimestamp) ?? 0;
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => key(a.e) - key(b.e) || a.i - b.i)
    .map((x) => x.e);
}

/** The `kubectl get events` table; empty string for no events. */
export function eventsTable(events: KubeEvent[], nowMs: number, clockStart: string, opts: TableOptions = {}): string {
  if (events.length === 0) return '';
  const wide = opts.wide === true;
  const rows: string[][] = [];
  if (!opts.noHeaders) {
    const h = wide
      ? ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME']
      : ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
    if (opts.allNamespaces) h.unshift('NAMESPACE');
    rows.push(h);
  }
  for (const e of sortEvents(events)) {
    const cells = eventCells(e, nowMs, clockStart, wide);
    if (opts.allNamespaces) cells.unshift(e.metadata?.namespace ?? '');
    rows.push(cells);
  }
  return renderTable(rows);
}
