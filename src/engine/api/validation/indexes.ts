// Index-interval lists ("1,3-5"), as validated upstream in pkg/apis/batch/validation
// (validateIndexesFormat, parseIndexInterval, validateFailedIndexesNotOverlapCompleted).

const MAX_INT64 = 9223372036854775807n;

/** strconv.Atoi: optional sign, decimal digits, within int64. */
function atoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const b = BigInt(s);
  if (b > MAX_INT64 || b < -MAX_INT64 - 1n) return undefined;
  return Number(b);
}

export type Interval = { ok: true; x: number; y: number } | { ok: false; error: string };

export function parseIndexInterval(interval: string, completions: number): Interval {
  const parts = interval.split('-');
  if (parts.length > 2) {
    return {
      ok: false,
      error: `the fragment ${JSON.stringify(interval)} violates the requirement that an index interval can have at most two parts separated by '-'`,
    };
  }
  const p0 = parts[0] ?? '';
  const x = atoi(p0);
  if (x === undefined) return { ok: false, error: `cannot convert string to integer for index: ${JSON.stringify(p0)}` };
  if (x >= completions) return { ok: false, error: `too large index: ${JSON.stringify(p0)}` };
  if (parts.length > 1) {
    const p1 = parts[1] ?? '';
    const y = atoi(p1);
    if (y === undefined) return { ok: false, error: `cannot convert string to integer for index: ${JSON.stringify(p1)}` };
    if (y >= completions) return { ok: false, error: `too large index: ${JSON.stringify(p1)}` };
    if (x >= y) return { ok: false, error: `non-increasing order, previous: ${x}, current: ${y}` };
    return { ok: true, x, y };
  }
  return { ok: true, x, y: x };
}

/** Returns the number of indexes listed, or the parse error. "" is valid (0 indexes). */
export function validateIndexesFormat(s: string, completions: number): { total: number; error?: string } {
  if (s.length === 0) return { total: 0 };
  let last: number | undefined;
  let total = 0;
  for (const part of s.split(',')) {
    const iv = parseIndexInterval(part, completions);
    if (!iv.ok) return { total: 0, error: iv.error };
    if (last !== undefined && last >= iv.x) {
      return { total: 0, error: `non-increasing order, previous: ${last}, current: ${iv.x}` };
    }
    total += iv.y - iv.x + 1;
    last = iv.y;
  }
  return { total };
}

/** The first index present in both lists, as upstream's merge walk finds it (unparsable intervals skipped). */
export function failedOverlapsCompleted(completed: string, failed: string, completions: number): string | undefined {
  if (completed.length === 0 || failed.length === 0) return undefined;
  const cs = completed.split(',');
  const fs = failed.split(',');
  let ci = 0;
  let fi = 0;
  let c = parseIndexInterval(cs[0] ?? '', completions);
  let f = parseIndexInterval(fs[0] ?? '', completions);
  while (ci < cs.length && fi < fs.length) {
    if (!c.ok) {
      ci++;
      if (ci < cs.length) c = parseIndexInterval(cs[ci] ?? '', completions);
    } else if (!f.ok) {
      fi++;
      if (fi < fs.length) f = parseIndexInterval(fs[fi] ?? '', completions);
    } else {
      if (c.x <= f.y && f.x <= c.y) return `failedIndexes and completedIndexes overlap at index: ${Math.max(c.x, f.x)}`;
      if (c.x <= f.x) {
        ci++;
        if (ci < cs.length) c = parseIndexInterval(cs[ci] ?? '', completions);
      } else {
        fi++;
        if (fi < fs.length) f = parseIndexInterval(fs[fi] ?? '', completions);
      }
    }
  }
  return undefined;
}
