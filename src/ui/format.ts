// Display formats for simulated time.

/** "m:ss.s" below an hour, "h:mm:ss" above (simulated time since t=0). */
export function formatSimTime(ms: number): string {
  const totalTenths = Math.floor(Math.max(0, ms) / 100);
  const tenths = totalTenths % 10;
  const totalSeconds = Math.floor(totalTenths / 10);
  const s = totalSeconds % 60;
  const m = Math.floor(totalSeconds / 60) % 60;
  const h = Math.floor(totalSeconds / 3600);
  const ss = String(s).padStart(2, '0');
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${ss}`;
  return `${m}:${ss}.${tenths}`;
}

/** kubectl's short age format ("5s", "2m10s", "3h"), for the events table. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}m${s % 60 === 0 ? '' : `${s % 60}s`}`;
  if (m < 180) return `${m}m`;
  return `${Math.floor(m / 60)}h`;
}

/** Milliseconds from an RFC 3339 timestamp to the cursor's wall-clock time. */
export function ageMs(timestamp: string | undefined, clockStartMs: number, cursorMs: number): number | null {
  const t = Date.parse(timestamp ?? '');
  return Number.isNaN(t) ? null : clockStartMs + cursorMs - t;
}

/** A length of time as "4m 50s", "1h 2m", "12s" (whole seconds; for notes, not the clock). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts = [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : '', s > 0 || total === 0 ? `${s}s` : ''];
  return parts.filter(Boolean).join(' ');
}
