import { useEffect, useState } from 'react';

/**
 * true one frame after the first paint. React.lazy starts the import during render, i.e.
 * before the browser paints; gating on this makes the Monaco request start after the
 * shell is on screen (docs/stack.md §3.3: mobile FCP 4.5 s → 1.9 s).
 */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const raf = requestAnimationFrame(() => {
      timer = setTimeout(() => setReady(true), 0);
    });
    return () => {
      cancelAnimationFrame(raf);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return ready;
}
