// Pods as a canvas of small squares (one per pod, in creation order, coloured by phase;
// terminating pods in the warning colour), used above POD_CARD_LIMIT pods where cards
// would be thousands of DOM nodes. Pixels are written into one ImageData, so 10,000
// pods draw in about a millisecond. A hover tooltip names the pod; a text summary with
// the count per phase serves screen readers (the canvas itself is aria-hidden).

import { useEffect, useMemo, useRef, useState } from 'react';
import { FLAG_TERMINATING, PHASES } from '../../worker/compact';
import type { RunData } from '../../worker/runData';
import type { PodSet } from '../../state/fold';
import { podViewOf } from '../../state/derive';
import type { MessageKey } from '../../i18n';
import { useT } from '../hooks/store';
import { fillCell, readPalette, type Palette } from './palette';

const HEIGHT = 300;

export function podCellSize(count: number, width: number, height = HEIGHT): number {
  if (count <= 0) return 12;
  return Math.max(2, Math.min(12, Math.floor(Math.sqrt((width * height) / count))));
}

function colorOf(pal: Palette, phase: number, flags: number): number {
  if (flags & FLAG_TERMINATING) return pal.terminating;
  return [pal.pending, pal.running, pal.succeeded, pal.failed, pal.unknown][phase] ?? pal.unknown;
}

function draw(canvas: HTMLCanvasElement, data: RunData, pods: PodSet, pal: Palette): { cell: number; cols: number } {
  const width = canvas.width;
  const height = canvas.height;
  const ctx = canvas.getContext('2d');
  const cell = podCellSize(pods.count, width, height);
  const cols = Math.max(1, Math.floor(width / cell));
  if (!ctx) return { cell, cols };
  const img = ctx.createImageData(width, height);
  const px = new Uint32Array(img.data.buffer);
  const inner = cell >= 4 ? cell - 1 : cell;
  for (let k = 0; k < pods.count; k++) {
    const tr = pods.tr[k] ?? 0;
    const x = (k % cols) * cell;
    const y = Math.floor(k / cols) * cell;
    if (y >= height) break;
    fillCell(px, width, height, x, y, inner, colorOf(pal, data.pPhase[tr] ?? 4, data.pFlags[tr] ?? 0));
  }
  ctx.putImageData(img, 0, 0);
  return { cell, cols };
}

export function PodCanvas({ data, pods, theme }: { data: RunData; pods: PodSet; theme: string }) {
  const t = useT();
  const ref = useRef<HTMLCanvasElement>(null);
  const layout = useRef({ cell: 12, cols: 1 });
  const [width, setWidth] = useState(600);
  const [tip, setTip] = useState<{ x: number; y: number; text: string } | null>(null);
  const palette = useRef<{ theme: string; pal: Palette } | null>(null);

  useEffect(() => {
    const el = ref.current?.parentElement;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setWidth(Math.max(100, Math.floor(el.clientWidth))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    if (palette.current?.theme !== theme) palette.current = { theme, pal: readPalette(canvas) };
    layout.current = draw(canvas, data, pods, palette.current.pal);
  }, [data, pods, theme, width]);

  const counts = useMemo(() => {
    const c = new Array<number>(PHASES.length).fill(0);
    for (let k = 0; k < pods.count; k++) {
      const i = data.pPhase[pods.tr[k] ?? 0] ?? 4;
      c[i] = (c[i] ?? 0) + 1;
    }
    return c;
  }, [data, pods]);
  const summary = PHASES.map((p, i) => (counts[i] ? `${t(`phase.${p}` as MessageKey)} ${counts[i]}` : '')).filter(Boolean).join(' · ');

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const { cell, cols } = layout.current;
    const col = Math.floor((e.clientX - r.left) / cell);
    const k = Math.floor((e.clientY - r.top) / cell) * cols + col;
    if (col >= cols || k < 0 || k >= pods.count) return setTip(null);
    const v = podViewOf(data, pods.ids[k] ?? 0, pods.tr[k] ?? 0);
    const extra = [v.index !== null ? `${t('pods.index')} ${v.index}` : '', v.exitCode !== null ? `${t('pods.exitCode')} ${v.exitCode}` : '', v.terminating ? t('pods.terminating') : '']
      .filter(Boolean)
      .join(', ');
    setTip({ x: e.clientX - r.left, y: e.clientY - r.top, text: `${v.name}: ${t(`phase.${v.phase}` as MessageKey)}${extra ? ` (${extra})` : ''}` });
  };

  return (
    <div className="pod-canvas-wrap" style={{ position: 'relative' }}>
      <p className="small" data-testid="pods.summary">
        {summary}
      </p>
      <canvas
        ref={ref}
        width={width}
        height={HEIGHT}
        aria-hidden="true"
        data-testid="pods.canvas"
        data-count={pods.count}
        style={{ display: 'block', width: `${width}px`, height: `${HEIGHT}px` }}
        onMouseMove={onMove}
        onMouseLeave={() => setTip(null)}
      />
      {tip && (
        <div role="tooltip" className="canvas-tip" data-testid="pods.tooltip" style={{ position: 'absolute', left: tip.x + 12, top: tip.y + 28, pointerEvents: 'none', background: 'var(--panel, #fff)', border: '1px solid var(--border, #ccc)', padding: '2px 6px', borderRadius: 4, fontSize: '0.8em', whiteSpace: 'nowrap', zIndex: 2 }}>
          {tip.text}
        </div>
      )}
    </div>
  );
}
