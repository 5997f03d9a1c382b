// Fixed-height row virtualization: which rows of a scrolled list are on screen. Lists
// with 100,000 rows (Events of a big run, the "why" log) render only these plus spacers.

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export interface VirtualRows {
  first: number;
  last: number;
  /** Space above the first rendered row and below the last one (px). */
  padTop: number;
  padBottom: number;
}

export function virtualRows(count: number, rowHeight: number, scrollTop: number, viewport: number, overscan = 8): VirtualRows {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first, last: Math.max(first, last), padTop: first * rowHeight, padBottom: Math.max(0, (count - Math.max(first, last)) * rowHeight) };
}

/** Tracks the scroll position of `ref` and returns the rows to render. */
export function useVirtualRows(ref: RefObject<HTMLElement | null>, count: number, rowHeight: number, viewport: number): VirtualRows {
  const [scrollTop, setScrollTop] = useState(0);
  const frame = useRef(0);
  const onScroll = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(ref.current?.scrollTop ?? 0));
  }, [ref]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame.current);
    };
  }, [ref, onScroll]);
  return virtualRows(count, rowHeight, scrollTop, viewport);
}
