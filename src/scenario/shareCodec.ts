// The byte-level half of share links: base64url, and bounded decompression of the two
// codecs a link may use (deflate-raw via fflate, lz-string's URI-safe form). Pure; runs in
// the browser, the worker and Node. Decoders never throw: hostile input gives a message.

import { Inflate, deflateSync, strToU8 } from 'fflate';
import * as lzModule from 'lz-string';

// lz-string is CommonJS: under plain Node ESM (the CLI via tsx) its functions are only on
// the default export; bundlers (Vite, vitest) expose them as named exports too.
const lz: typeof lzModule = (lzModule as unknown as { default?: typeof lzModule }).default ?? lzModule;

export type Codec = 'd' | 'z';

/**
 * lz-string's decoder cannot be stopped early and its output can grow quadratically with its
 * input (each dictionary entry is at most one character longer than the previous one), so its
 * input is capped: 4,096 characters can expand to at most about 2.4 million characters.
 */
export const MAX_LZ_CHARS = 4096;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]));

/** RFC 4648 §5 base64url, without padding. */
export function base64urlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    const left = bytes.length - i;
    out += ALPHABET[(n >> 18) & 63];
    out += ALPHABET[(n >> 12) & 63];
    if (left > 1) out += ALPHABET[(n >> 6) & 63];
    if (left > 2) out += ALPHABET[n & 63];
  }
  return out;
}

export function base64urlDecode(text: string): Uint8Array | { error: string } {
  if (text.length % 4 === 1) return { error: 'the link data is cut off (its base64 length is impossible)' };
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const v = LOOKUP.get(text.charAt(i));
    if (v === undefined) return { error: `the link data has a character that is not base64url: ${JSON.stringify(text.charAt(i))} at position ${i + 1}` };
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

/** Compresses with both codecs and returns the shorter (deflate on a tie). */
export function compressText(text: string): { codec: Codec; data: string } {
  const deflated = base64urlEncode(deflateSync(strToU8(text), { level: 9 }));
  const lzData = lz.compressToEncodedURIComponent(text);
  if (lzData.length < deflated.length && lzData.length <= MAX_LZ_CHARS) return { codec: 'z', data: lzData };
  return { codec: 'd', data: deflated };
}

function tooLarge(maxBytes: number): { error: string } {
  return { error: `the link's scenario is too large: more than ${(maxBytes / 1024 / 1024).toFixed(0)} MB once decompressed` };
}

/** Inflates in small chunks so that a deflate bomb is stopped as soon as it passes the cap. */
function inflateBounded(data: Uint8Array, maxBytes: number): Uint8Array | { error: string } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) {
      over = true;
      throw new Error('over the cap');
    }
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    const STEP = 256;
    for (let i = 0; i < data.length; i += STEP) inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (over) return tooLarge(maxBytes);
    if (e instanceof Error && /unexpected EOF/i.test(e.message)) return { error: 'the link data is cut off (the compressed stream ends early)' };
    return { error: `the link data is damaged (deflate: ${e instanceof Error ? e.message : String(e)})` };
  }
  if (!done) return { error: 'the link data is cut off (the compressed stream ends early)' };
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function utf8(bytes: Uint8Array): string | { error: string } {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: 'the link data is damaged (it does not decode to UTF-8 text)' };
  }
}

/** The text a codec's data carries, or why it cannot be read. */
export function decompressText(codec: string, data: string, maxBytes: number): string | { error: string } {
  if (codec === 'd') {
    const bytes = base64urlDecode(data);
    if (!(bytes instanceof Uint8Array)) return bytes;
    const raw = inflateBounded(bytes, maxBytes);
    return raw instanceof Uint8Array ? utf8(raw) : raw;
  }
  if (codec === 'z') {
    if (data.length > MAX_LZ_CHARS) return { error: `the link data is too long for its codec (lz-string data is limited to ${MAX_LZ_CHARS} characters)` };
    if (!/^[A-Za-z0-9+\-$]*$/.test(data)) return { error: 'the link data has characters lz-string does not use' };
    let text: string | null;
    try {
      text = lz.decompressFromEncodedURIComponent(data);
    } catch {
      text = null;
    }
    if (text === null || text === '') return { error: 'the link data is damaged (lz-string could not decompress it)' };
    if (text.length > maxBytes) return tooLarge(maxBytes);
    return text;
  }
  return { error: `unknown compression ${JSON.stringify(codec)} (expected "d" for deflate or "z" for lz-string)` };
}

/** For tests and size reports: the text as both codecs would carry it. */
export function bothCodecs(text: string): Record<Codec, string> {
  return { d: base64urlEncode(deflateSync(strToU8(text), { level: 9 })), z: lz.compressToEncodedURIComponent(text) };
}
