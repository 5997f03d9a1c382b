// The per-index grid as a canvas heatmap, readable at 100,000 indexes: one cell per
// index, coloured by state (indexes with failed pods but not failed themselves in the
// warning colour), with zoom (cell size) and a hover tooltip naming the index, its state
// and its failed-pod count. Only the rows in view are drawn (the canvas is sticky in a
// scroller whose height is the whole grid's).

import { useEffect, useMemo, useRef, useState } from 'react';
import { INDEX_STATES, type IndexGrid } from '../../state/derive';
import type { MessageKey } from '../../i18n';
import { useT } from '../hooks/store';
import { fillCell, readPalette, type Palette } from './palette';

const VIEW = 320;
const ZOOMS = [1, 2, 3, 4, 6, 8, 12, 16] as const;

function colorOf(pal: Palette, state: number, failures: number): number {
  if (state === 3) return pal.failed;
  if (state === 2) return pal.succeeded;
  if (failures > 0) return pal.warn;
  return state === 1 ? pal.running : pal.pending;
}

function draw(canvas: HTMLCanvasElement, grid: IndexGrid, cell: number, scrollTop: number, pal: Palette): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width, height } = canvas;
  const cols = Math.max(1, Math.floor(width / cell));
  const img = ctx.createImageData(width, height);
  const px = new Uint32Array(img.data.buffer);
  const inner = cell >= 4 ? cell - 1 : cell;
  const firstRow = Math.floor(scrollTop / cell);
  const offset = firstRow * cell - scrollTop;
  for (let row = firstRow; (row - firstRow) * cell + offset < height; row++) {
    for (let col = 0; col < cols; col++) {
      const i = row * cols + col;
      if (i >= grid.total) break;
      const y = (row - firstRow) * cell + offset;
      if (y < 0) continue;
      fillCell(px, width, height, col * cell, y, inner, colorOf(pal, grid.states[i] ?? 0, grid.failures[i] ?? 0));
    }
  }
  ctx.putImageData(img, 0, 0);
}

export function IndexHeatmap({ grid, theme }: { grid: IndexGrid; theme: string }) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(600);
  const [zoom, setZoom] = useState(() => Math.max(0, ZOOMS.findIndex((z) => Math.ceil(grid.total / Math.floor(600 / z)) * z <= VIEW * 4)));
  const [scrollTop, setScrollTop] = useState(0);
  const [tip, setTip] = useState<{ x: number; y: number; text: string } | null>(null);
  const cell = ZOOMS[Math.max(0, zoom)] ?? 4;
  const cols = Math.max(1, Math.floor(width / cell));
  const fullHeight = Math.ceil(grid.total / cols) * cell;
  const viewHeight = Math.min(VIEW, fullHeight);

  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setWidth(Math.max(100, Math.floor(el.clientWidth) - 2)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const c = canvas.current;
    if (c) draw(c, grid, cell, scrollTop, readPalette(c));
  }, [grid, cell, scrollTop, width, theme]);

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const col = Math.floor((e.clientX - r.left) / cell);
    const i = Math.floor((e.clientY - r.top + scrollTop) / cell) * cols + col;
    if (col >= cols || i < 0 || i >= grid.total) return setTip(null);
    const state = t(`indexes.${INDEX_STATES[grid.states[i] ?? 0] ?? 'pending'}` as MessageKey);
    setTip({ x: e.clientX - r.left, y: e.clientY - r.top, text: t('indexes.cell', { i, state, n: grid.failures[i] ?? 0 }) });
  };

  const counts = useMemo(() => {
    const c = [0, 0, 0, 0];
    for (let i = 0; i < grid.total; i++) {
      const k = grid.states[i] ?? 0;
      c[k] = (c[k] ?? 0) + 1;
    }
    return c;
  }, [grid]);
  const summary = INDEX_STATES.map((s, k) => `${t(`indexes.${s}` as MessageKey)} ${counts[k]}`).join(' · ');

  return (
    <div className="index-heatmap" style={{ position: 'relative' }}>
      <p className="small" data-testid="indexes.summary">
        {grid.total} · {summary}{' '}
        <button type="button" aria-label={t('indexes.zoomOut')} onClick={() => setZoom((z) => Math.max(0, z - 1))} disabled={zoom <= 0}>
          −
        </button>
        <button type="button" aria-label={t('indexes.zoomIn')} onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))} disabled={zoom >= ZOOMS.length - 1}>
          +
        </button>
      </p>
      <div ref={scroller} style={{ height: viewHeight, overflowY: 'auto', position: 'relative' }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div style={{ height: fullHeight, position: 'relative' }}>
          <canvas
            ref={canvas}
            width={width}
            height={viewHeight}
            role="img"
            aria-label={`${grid.total} indexes: ${summary}`}
            data-testid="indexes.heatmap"
            style={{ position: 'sticky', top: 0, display: 'block', width: `${width}px`, height: `${viewHeight}px` }}
            onMouseMove={onMove}
            onMouseLeave={() => setTip(null)}
          />
        </div>
      </div>
      {tip && (
        <div role="tooltip" data-testid="indexes.tooltip" style={{ position: 'absolute', left: tip.x + 12, top: tip.y + 40, pointerEvents: 'none', background: 'var(--panel, #fff)', border: '1px solid var(--border, #ccc)', padding: '2px 6px', borderRadius: 4, fontSize: '0.8em', whiteSpace: 'nowrap', zIndex: 2 }}>
          {tip.text}
        </div>
      )}
    </div>
  );
}
