// The condition timeline (recharts): one lane per Job condition type, a bar for each
// span during which a (status, reason, message) held, with reason and message on hover.
// Lanes are stacked bars of durations where the gaps between spans are drawn empty.

import { useMemo } from 'react';
import { Bar, BarChart, ReferenceLine, XAxis, YAxis, type BarShapeProps } from 'recharts';
import type { ConditionSegment } from '../../state/derive';
import { formatSimTime } from '../format';

interface Lane {
  lane: string;
  [key: `p${number}`]: number;
}

function buildLanes(segments: readonly ConditionSegment[], endMs: number, domainEndMs: number): { rows: Lane[]; meta: (ConditionSegment | null)[][]; parts: number } {
  const types = [...new Set(segments.map((s) => s.type))];
  const rows: Lane[] = [];
  const meta: (ConditionSegment | null)[][] = [];
  let parts = 0;
  for (const type of types) {
    const row: Lane = { lane: type };
    const m: (ConditionSegment | null)[] = [];
    let at = 0;
    for (const seg of segments.filter((s) => s.type === type)) {
      if (seg.startMs > at) {
        row[`p${m.length}`] = seg.startMs - at;
        m.push(null);
      }
      // A span still open at the end of the run is drawn to the edge of the chart, so a
      // condition reached at the very end (Complete, Failed) is visible and hoverable.
      const end = seg.endMs >= endMs ? domainEndMs : seg.endMs;
      row[`p${m.length}`] = Math.max(end - seg.startMs, 1);
      m.push(seg);
      at = Math.max(seg.endMs, seg.startMs + 1);
    }
    parts = Math.max(parts, m.length);
    rows.push(row);
    meta.push(m);
  }
  return { rows, meta, parts };
}

const STATUS_CLASS: Record<string, string> = { True: 'cond-true', False: 'cond-false', Window: 'cond-window' };
/** Conditions that mean the Job is failing: drawn in the failure colour (the lane names them too). */
const FAILURE_TYPES = new Set(['Failed', 'FailureTarget']);

function segmentShape(meta: (ConditionSegment | null)[][], part: number) {
  return function SegmentShape(props: BarShapeProps) {
    const seg = meta[props.index]?.[part];
    if (!seg) return <g />;
    // Deadline/backoff/TTL windows (status "Window") carry their full label as the reason.
    const text =
      seg.status === 'Window'
        ? seg.reason
        : `${seg.type}=${seg.status} ${formatSimTime(seg.startMs)}–${formatSimTime(seg.endMs)}${seg.reason ? `\n${seg.reason}` : ''}${seg.message ? `: ${seg.message}` : ''}`;
    return (
      <g className={`cond-seg ${STATUS_CLASS[seg.status] ?? 'cond-unknown'}${FAILURE_TYPES.has(seg.type) ? ' cond-failure' : ''}`}>
        <rect x={props.x} y={props.y} width={Math.max(props.width, 2)} height={props.height} rx={3} />
        <title>{text}</title>
      </g>
    );
  };
}

export function ConditionChart({ segments, endMs, cursorMs, label }: { segments: readonly ConditionSegment[]; endMs: number; cursorMs: number; label: string }) {
  // Leave room after the end of the run for the spans that are still open then.
  const domainEndMs = Math.max(endMs, 1) + Math.max(1000, Math.round(endMs * 0.06));
  // The cursor moves every frame while playing; the lanes and bars only change with the run.
  const { rows, bars } = useMemo(() => {
    const lanes = buildLanes(segments, endMs, domainEndMs);
    return {
      rows: lanes.rows,
      bars: Array.from({ length: lanes.parts }, (_, k) => <Bar key={k} dataKey={`p${k}`} stackId="lane" isAnimationActive={false} shape={segmentShape(lanes.meta, k)} />),
    };
  }, [segments, endMs, domainEndMs]);
  const height = 50 + rows.length * 34;
  return (
    <figure className="condition-chart" aria-label={label} role="img" data-testid="conditions.chart">
      <BarChart layout="vertical" width={560} height={height} data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 8 }} barCategoryGap="20%" responsive style={{ width: '100%', height }}>
        <XAxis type="number" domain={[0, domainEndMs]} tickFormatter={(v: number) => formatSimTime(v)} allowDataOverflow />
        <YAxis type="category" dataKey="lane" width={120} />
        {bars}
        <ReferenceLine x={Math.min(cursorMs, endMs)} className="cursor-line" stroke="currentColor" strokeDasharray="3 3" />
      </BarChart>
    </figure>
  );
}
