// Request-body text handling of the REST facade: a JSON parser that, unlike JSON.parse,
// reports duplicate object keys with their paths (what sigs.k8s.io/json's strict decoder
// flags as `duplicate field "..."`) and the position of every key (so strict-decoding
// problems can be listed in document order); syntax errors are worded like Go's
// encoding/json. Plus base64url (RawURLEncoding) for continue tokens (no btoa in the engine).

export interface ParsedJson {
  value: unknown;
  /** Paths of keys seen a second time in the same object, in document order. */
  duplicates: string[];
  /** Offset of the first occurrence of every key path (`spec.template.spec.containers[0].name`). */
  offsets: Map<string, number>;
}

export type JsonTextResult = { ok: true; json: ParsedJson } | { ok: false; error: string };

const MAX_DEPTH = 1000;

class SyntaxFail extends Error {}

function setProp(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  return `'${c}'`;
}

class Parser {
  i = 0;
  readonly duplicates: string[] = [];
  readonly offsets = new Map<string, number>();
  constructor(private readonly s: string) {}

  fail(context: string): never {
    if (this.i >= this.s.length) throw new SyntaxFail('unexpected end of JSON input');
    throw new SyntaxFail(`invalid character ${quoteChar(this.s[this.i] ?? '')} ${context}`);
  }

  ws(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i] as string)) this.i++;
  }

  value(path: string, depth: number): unknown {
    if (depth > MAX_DEPTH) throw new SyntaxFail('exceeded max depth');
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object(path, depth);
    if (c === '[') return this.array(path, depth);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    if (c !== undefined && 'tfn'.includes(c)) {
      // Inside a literal: advance to the first character that breaks it.
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      let k = 0;
      while (this.s[this.i + k] === word[k]) k++;
      this.i += k;
      this.fail(`in literal ${word} (expecting ${quoteChar(word[k] ?? '')})`);
    }
    return this.fail('looking for beginning of value');
  }

  object(path: string, depth: number): Record<string, unknown> {
    this.i++;
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('looking for beginning of object key string');
      const at = this.i;
      const key = this.string();
      const p = path === '' ? key : `${path}.${key}`;
      if (seen.has(key)) this.duplicates.push(p);
      else if (!this.offsets.has(p)) this.offsets.set(p, at);
      seen.add(key);
      this.ws();
      if (this.s[this.i] !== ':') this.fail('after object key');
      this.i++;
      setProp(out, key, this.value(p, depth + 1));
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      this.fail('after object key:value pair');
    }
  }

  array(path: string, depth: number): unknown[] {
    this.i++;
    const out: unknown[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value(`${path}[${out.length}]`, depth + 1));
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      this.fail('after array element');
    }
  }

  string(): string {
    const start = this.i;
    this.i++;
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) this.fail('');
      if (c === '"') break;
      if (c === '\\') this.i++;
      else if (c < ' ') this.fail('in string literal');
      this.i++;
    }
    this.i++;
    try {
      return JSON.parse(this.s.slice(start, this.i)) as string;
    } catch {
      this.i = start;
      return this.fail('in string escape code');
    }
  }

  number(): number {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 400));
    if (!m) {
      this.i++;
      return this.fail('in numeric literal');
    }
    this.i += m[0].length;
    return Number(m[0]);
  }
}

/** Parses JSON text; never throws. */
export function parseJsonText(text: string): JsonTextResult {
  const p = new Parser(text);
  try {
    const value = p.value('', 0);
    p.ws();
    if (p.i < text.length) p.fail('after top-level value');
    return { ok: true, json: { value, duplicates: p.duplicates, offsets: p.offsets } };
  } catch (e) {
    return { ok: false, error: e instanceof SyntaxFail ? e.message : 'invalid JSON' };
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** base64.RawURLEncoding of the UTF-8 bytes of `s`. */
export function base64UrlEncode(s: string): string {
  const b = utf8(s);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = ((b[i] ?? 0) << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    const chars = i + 2 < b.length ? 4 : i + 1 < b.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Decodes RawURLEncoding; the error is Go's `illegal base64 data at input byte N`. */
export function base64UrlDecode(s: string): { ok: true; text: string } | { ok: false; error: string } {
  const bytes: number[] = [];
  if (s.length % 4 === 1) return { ok: false, error: `illegal base64 data at input byte ${s.length - 1}` };
  for (let i = 0; i < s.length; i += 4) {
    let n = 0;
    const chunk = s.slice(i, i + 4);
    for (let k = 0; k < 4; k++) {
      const ch = chunk[k];
      const v = ch === undefined ? 0 : B64.indexOf(ch);
      if (v < 0) return { ok: false, error: `illegal base64 data at input byte ${i + k}` };
      n = (n << 6) | v;
    }
    bytes.push((n >> 16) & 255);
    if (chunk.length > 2) bytes.push((n >> 8) & 255);
    if (chunk.length > 3) bytes.push(n & 255);
  }
  let text: string;
  try {
    text = decodeURIComponent(bytes.map((x) => `%${x.toString(16).padStart(2, '0')}`).join(''));
  } catch {
    text = String.fromCharCode(...bytes.slice(0, 10000));
  }
  return { ok: true, text };
}
