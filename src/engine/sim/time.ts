// Virtual wall-clock helpers: the simulation counts integer milliseconds since the
// scenario's clock start; objects carry RFC 3339 timestamps with whole seconds.

export function parseRfc3339(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) return null;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  if (Number.isNaN(ms)) return null;
  const tz = m[8]!;
  if (tz === 'Z') return ms;
  const sign = tz[0] === '-' ? -1 : 1;
  const [hh, mm] = tz.slice(1).split(':').map(Number) as [number, number];
  return ms - sign * (hh * 60 + mm) * 60000;
}

export function formatRfc3339(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export class VirtualClock {
  nowMs = 0;
  /** The last formatted second: most writes of a run happen at the same few instants. */
  private isoSecond = Number.NaN;
  private isoText = '';
  /** Parsed timestamps (a run has at most one per simulated second, plus a few foreign ones). */
  private parsed = new Map<string, number | null>();

  constructor(readonly startEpochMs: number) {}

  /** The current time as an RFC 3339 timestamp (whole seconds). */
  iso(ms: number = this.nowMs): string {
    const second = Math.floor((this.startEpochMs + ms) / 1000);
    if (second !== this.isoSecond) {
      this.isoText = formatRfc3339(this.startEpochMs + ms);
      this.isoSecond = second;
    }
    return this.isoText;
  }

  /** Milliseconds since t=0 of an RFC 3339 timestamp, or null. */
  sinceStart(stamp: string | undefined): number | null {
    if (stamp === undefined) return null;
    let t = this.parsed.get(stamp);
    if (t === undefined) {
      t = parseRfc3339(stamp);
      if (this.parsed.size < 100_000) this.parsed.set(stamp, t);
    }
    return t === null ? null : t - this.startEpochMs;
  }
}
