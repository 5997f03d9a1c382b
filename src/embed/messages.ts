// The embed's postMessage protocol. Every message is checked by shape before anything
// acts on it (exact keys, types, bounds); messages without our `protocol` tag are not
// ours and are ignored. Pure (tested in Node).
//
// Host → embed: { protocol: 'job-playground-embed', type, id?, ...fields }
//   load {text} | load {example} | load {share}, play, pause, seek {ms}, step {direction?}, getState
// Embed → host: { protocol, type: 'ready' | 'state' | 'tick' | 'condition' | 'podChange' | 'error', id?, ... }

export const EMBED_PROTOCOL = 'job-playground-embed';
/** The largest scenario text a load command may carry (the scenario file limit). */
export const MAX_LOAD_CHARS = 2 * 1024 * 1024;
const MAX_MS = 24 * 3600 * 1000;

export type EmbedCommand =
  | { type: 'load'; text: string }
  | { type: 'load'; example: string }
  | { type: 'load'; share: string }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'seek'; ms: number }
  | { type: 'step'; direction: 'forward' | 'back' }
  | { type: 'getState' };

export type ParsedMessage = { ok: true; id?: number; command: EmbedCommand } | { ok: false; id?: number; error: string };

export interface ConditionInfo {
  type: string;
  status: string;
  reason?: string;
}

export interface PodCounts {
  pods: number;
  active: number;
  ready: number;
  succeeded: number;
  failed: number;
  terminating: number;
}

export interface EmbedStateInfo {
  loaded: boolean;
  busy: boolean;
  ms: number;
  endMs: number;
  playing: boolean;
  speed: number;
  conditions: ConditionInfo[];
  counts: PodCounts | null;
  error: string | null;
}

export type EmbedEvent =
  | { type: 'ready'; loaded: boolean }
  | { type: 'state'; state: EmbedStateInfo }
  | { type: 'tick'; ms: number; endMs: number; playing: boolean }
  | { type: 'condition'; ms: number; conditions: ConditionInfo[] }
  | { type: 'podChange'; ms: number; counts: PodCounts }
  | { type: 'error'; message: string };

const ALLOWED: Record<EmbedCommand['type'], readonly string[]> = {
  load: ['text', 'example', 'share'],
  play: [],
  pause: [],
  seek: ['ms'],
  step: ['direction'],
  getState: [],
};

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
}

function isType(x: unknown): x is EmbedCommand['type'] {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(ALLOWED, x);
}

function readLoad(m: Record<string, unknown>): EmbedCommand | string {
  const keys = ['text', 'example', 'share'].filter((k) => k in m);
  if (keys.length !== 1) return 'load needs exactly one of text, example or share';
  if (typeof m.text === 'string') return m.text.length > MAX_LOAD_CHARS ? `load: text is longer than ${MAX_LOAD_CHARS} characters` : { type: 'load', text: m.text };
  if (typeof m.example === 'string') return /^[a-z0-9-]{1,63}$/.test(m.example) ? { type: 'load', example: m.example } : 'load: example must be an example id';
  if (typeof m.share === 'string') return m.share.length > 250_000 ? 'load: share link is too long' : { type: 'load', share: m.share };
  return `load: ${keys[0] ?? 'text'} must be a string`;
}

function readCommand(type: EmbedCommand['type'], m: Record<string, unknown>): EmbedCommand | string {
  switch (type) {
    case 'load':
      return readLoad(m);
    case 'seek':
      return typeof m.ms === 'number' && Number.isFinite(m.ms) && m.ms >= 0 && m.ms <= MAX_MS ? { type, ms: m.ms } : 'seek: ms must be a number of milliseconds from 0 to 24 h';
    case 'step':
      if (m.direction === undefined || m.direction === 'forward' || m.direction === 'back') return { type, direction: m.direction ?? 'forward' };
      return 'step: direction must be "forward" or "back"';
    default:
      return { type };
  }
}

/** null: not an embed message at all (ignore silently); otherwise the command or why it is malformed. */
export function parseEmbedMessage(data: unknown): ParsedMessage | null {
  if (!isRecord(data) || data.protocol !== EMBED_PROTOCOL) return null;
  const id = typeof data.id === 'number' && Number.isSafeInteger(data.id) ? data.id : undefined;
  const base = id === undefined ? {} : { id };
  if (data.id !== undefined && id === undefined) return { ok: false, error: 'id must be an integer' };
  if (!isType(data.type)) return { ...base, ok: false, error: `unknown command type ${JSON.stringify(String(data.type).slice(0, 40))}` };
  const allowed = ALLOWED[data.type];
  const extra = Object.keys(data).filter((k) => k !== 'protocol' && k !== 'type' && k !== 'id' && !allowed.includes(k));
  if (extra.length > 0) return { ...base, ok: false, error: `${data.type}: unexpected field ${JSON.stringify(extra[0]?.slice(0, 40))}` };
  const command = readCommand(data.type, data);
  return typeof command === 'string' ? { ...base, ok: false, error: command } : { ...base, ok: true, command };
}

/** Stamps an outgoing event with the protocol tag (and the request id it answers). */
export function envelope(event: EmbedEvent, id?: number): Record<string, unknown> {
  return { protocol: EMBED_PROTOCOL, ...(id === undefined ? {} : { id }), ...event };
}
