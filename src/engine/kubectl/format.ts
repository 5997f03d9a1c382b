// Time and duration formatting as kubectl prints it.
// humanDuration / shortHumanDuration mirror k8s.io/apimachinery/pkg/util/duration;
// translateTimestampSince mirrors the printers' helper of the same name.
//
// Time model used by every printer in this folder: `nowMs` is virtual milliseconds
// since `clockStart`, an RFC3339 string (the instant the simulation clock reads 0).
// Object timestamps are RFC3339 strings, as the API server stores them.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's int(d.Seconds()): truncation toward zero. */
function truncSeconds(ms: number): number {
  return Math.trunc(ms / SECOND);
}

/** apimachinery duration.HumanDuration: ~2-3 significant figures. */
export function humanDuration(ms: number): string {
  const seconds = truncSeconds(ms);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** apimachinery duration.ShortHumanDuration: one unit only. */
export function shortHumanDuration(ms: number): string {
  const seconds = truncSeconds(ms);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** Milliseconds since the Unix epoch of an RFC3339 timestamp, or undefined. */
export function parseTime(ts: string | undefined | null): number | undefined {
  if (ts === undefined || ts === null || ts === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(ts)) return undefined;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Absolute epoch ms of the virtual instant `nowMs` (0 when clockStart is unreadable). */
export function absoluteNow(nowMs: number, clockStart: string): number {
  return (parseTime(clockStart) ?? 0) + nowMs;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** RFC3339 in UTC with second precision (metav1.Time's JSON form). */
export function formatRFC3339(epochMs: number): string {
  const d = new Date(Math.floor(epochMs / SECOND) * SECOND);
  return d.toISOString().replace('.000Z', 'Z');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z layout ("Mon, 02 Jan 2006 15:04:05 -0700"); the playground zone is UTC. */
export function formatRFC1123Z(epochMs: number): string {
  const d = new Date(epochMs);
  const day = DAYS[d.getUTCDay()] ?? '';
  const mon = MONTHS[d.getUTCMonth()] ?? '';
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return `${day}, ${pad2(d.getUTCDate())} ${mon} ${d.getUTCFullYear()} ${time} +0000`;
}

/** RFC1123Z of an RFC3339 string; the raw string when it cannot be parsed. */
export function rfc1123zOf(ts: string): string {
  const ms = parseTime(ts);
  return ms === undefined ? ts : formatRFC1123Z(ms);
}

/** translateTimestampSince: `<unknown>` for a missing time, else human(now − t). */
export function translateTimestampSince(ts: string | undefined | null, nowMs: number, clockStart: string): string {
  const t = parseTime(ts);
  if (t === undefined) return '<unknown>';
  return humanDuration(absoluteNow(nowMs, clockStart) - t);
}

/** Labels as `k=v,k2=v2` sorted by key (labels.FormatLabels), `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',');
}

interface SelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** A label selector as labels.Selector.String() prints it (requirements sorted by key). */
export function selectorString(sel: SelectorLike | undefined): string {
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of sel?.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort().join(',');
    let text: string;
    if (e.operator === 'In') text = `${e.key} in (${vals})`;
    else if (e.operator === 'NotIn') text = `${e.key} notin (${vals})`;
    else if (e.operator === 'Exists') text = e.key;
    else if (e.operator === 'DoesNotExist') text = `!${e.key}`;
    else text = `${e.key} ${e.operator} (${vals})`;
    reqs.push({ key: e.key, text });
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(',');
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when empty. */
export function formatLabelSelector(sel: SelectorLike | undefined): string {
  const s = selectorString(sel);
  return s === '' ? '<none>' : s;
}
