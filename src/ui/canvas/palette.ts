// Colours for the canvas views, read from the theme's CSS variables (so the canvas
// follows light/dark like the DOM views), packed as ABGR for Uint32 pixel writes.

export interface Palette {
  pending: number;
  running: number;
  succeeded: number;
  failed: number;
  unknown: number;
  terminating: number;
  warn: number;
  background: number;
}

function parseColor(css: string, fallback: [number, number, number]): number {
  const s = css.trim();
  let rgb = fallback;
  const hex = /^#([0-9a-f]{6})$/i.exec(s);
  if (hex?.[1]) {
    const n = parseInt(hex[1], 16);
    rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  } else {
    const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(s);
    if (m) rgb = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  // ImageData is RGBA in memory; a little-endian Uint32 view reads it as ABGR.
  return ((255 << 24) | (rgb[2] << 16) | (rgb[1] << 8) | rgb[0]) >>> 0;
}

export function readPalette(el: Element): Palette {
  const style = getComputedStyle(el);
  const v = (name: string, fb: [number, number, number]) => parseColor(style.getPropertyValue(name), fb);
  return {
    pending: v('--pend', [107, 114, 128]),
    running: v('--run', [31, 95, 191]),
    succeeded: v('--ok', [26, 127, 55]),
    failed: v('--bad', [196, 41, 28]),
    unknown: v('--pend', [107, 114, 128]),
    terminating: v('--warn', [176, 110, 0]),
    warn: v('--warn', [176, 110, 0]),
    background: v('--bg', [255, 255, 255]),
  };
}

/** Fills a size×size square at (x, y) of a w-wide pixel buffer. */
export function fillCell(px: Uint32Array, w: number, h: number, x: number, y: number, size: number, color: number): void {
  for (let dy = 0; dy < size && y + dy < h; dy++) {
    const row = (y + dy) * w;
    for (let dx = 0; dx < size && x + dx < w; dx++) px[row + x + dx] = color;
  }
}
