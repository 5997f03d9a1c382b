// The random parts of object identity the API server generates: uids (RFC 4122 v4) and
// the 5-character suffix of generateName (apiserver's names.SimpleNameGenerator alphabet).
// Built from character codes into one flat string: the simulation makes one of each per
// pod and per Event, and string concatenation left chains of partial strings behind.

import type { Rng } from '../sim/random';

const NAME_CODES = Array.from('bcdfghjklmnpqrstvwxz2456789', (c) => c.charCodeAt(0));
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const DASH = 45;
/** The 36 character codes of the uid being built (reused: randomUid is not re-entrant). */
const UID_CODES: number[] = new Array<number>(36).fill(0);

/** Writes the first n hex digits of a uint32 (as toString(16).padStart(8, '0') shows it) at `at`. */
function putHex(out: number[], at: number, v: number, n: number): number {
  for (let i = 0; i < n; i++) out[at + i] = HEX_CODES[(v >>> (28 - 4 * i)) & 0xf] as number;
  return at + n;
}

/** xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx from 7 draws, in the order the store always drew them. */
export function randomUid(r: Rng): string {
  const out = UID_CODES;
  let at = putHex(out, 0, r.nextUint32(), 8);
  out[at++] = DASH;
  at = putHex(out, at, r.nextUint32(), 4);
  out[at++] = DASH;
  out[at++] = HEX_CODES[4] as number;
  at = putHex(out, at, r.nextUint32(), 3);
  out[at++] = DASH;
  out[at++] = HEX_CODES[(r.nextUint32() & 0x3) | 0x8] as number;
  at = putHex(out, at, r.nextUint32(), 3);
  out[at++] = DASH;
  at = putHex(out, at, r.nextUint32(), 8);
  putHex(out, at, r.nextUint32(), 4);
  return String.fromCharCode(...out);
}

/** Five characters of the name alphabet (no vowels, no 0/1/3), one draw each. */
export function randomNameSuffix(r: Rng): string {
  const n = NAME_CODES.length;
  const c0 = NAME_CODES[r.nextUint32() % n] as number;
  const c1 = NAME_CODES[r.nextUint32() % n] as number;
  const c2 = NAME_CODES[r.nextUint32() % n] as number;
  const c3 = NAME_CODES[r.nextUint32() % n] as number;
  const c4 = NAME_CODES[r.nextUint32() % n] as number;
  return String.fromCharCode(c0, c1, c2, c3, c4);
}
