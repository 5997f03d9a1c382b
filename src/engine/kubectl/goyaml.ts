// A YAML emitter that reproduces what `kubectl get -o yaml` prints: sigs.k8s.io/yaml
// turns the object into JSON and then into YAML with go-yaml v2, so map keys are
// sorted, sequences are not indented under their key, strings that would read as
// another type (`"true"`, `"123"`, timestamps, `""`) are double-quoted, other
// strings that cannot be plain are single-quoted, multi-line strings use `|`/`|-`,
// and long plain strings fold at the first space past column 80 (best_width).

import { jsonClone } from '../api/json_clone';

const BEST_WIDTH = 80;

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

const BOOL_OR_NULL = new Set(
  ('y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF ' + '~ null Null NULL')
    .split(' '),
);

/** Would go-yaml v2 resolve this plain scalar to something other than a string? */
function resolvesToNonString(s: string): boolean {
  if (s === '' || BOOL_OR_NULL.has(s) || s === '<<') return true;
  if (/^[-+]?(0|[1-9][0-9_]*)$/.test(s)) return true;
  if (/^[-+]?0b[01_]+$/.test(s) || /^[-+]?0x[0-9a-fA-F_]+$/.test(s) || /^[-+]?0[0-7_]+$/.test(s)) return true;
  if (/^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return true;
  if (/^[-+]?\.(inf|Inf|INF)$/.test(s) || /^\.(nan|NaN|NAN)$/.test(s)) return true;
  if (/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(s)) return true;
  return /^\d{4}-\d{1,2}-\d{1,2}([Tt ]\d{1,2}:\d{1,2}:\d{1,2}(\.\d*)?(Z|[-+]\d{1,2}(:\d{2})?)?)?$/.test(s);
}

/** Characters go-yaml refuses in a plain scalar (C0 controls except \t \n \r, DEL, BOM). */
function hasControlChar(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || c === 0xfeff) return true;
  }
  return false;
}

/** yaml_emitter_analyze_scalar's block_plain_allowed, simplified to what JSON data hits. */
function plainAllowed(s: string): boolean {
  if (s === '' || s.startsWith('---') || s.startsWith('...')) return false;
  if (/^[\s]|[\s]$/.test(s)) return false;
  if (hasControlChar(s)) return false;
  const first = s[0] ?? '';
  if ('#,[]{}&*!|>\'"%@`'.includes(first)) return false;
  if ((first === '?' || first === ':' || first === '-') && (s.length === 1 || s[1] === ' ')) return false;
  if (/: /.test(s) || s.endsWith(':') || / #/.test(s)) return false;
  return !s.includes('\t');
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

/** Plain text folded at the first space past BEST_WIDTH; `column` is where it starts. */
function foldPlain(s: string, column: number, indent: number): string {
  let out = '';
  let col = column;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? '';
    if (ch === ' ' && s[i - 1] !== ' ' && col > BEST_WIDTH && s[i + 1] !== ' ') {
      out += '\n' + ' '.repeat(indent);
      col = indent;
      continue;
    }
    out += ch;
    col++;
  }
  return out;
}

/** A scalar string; multi-line strings return the literal block (starting with `|`). */
function scalarString(s: string, column: number, indent: number): string {
  if (s.includes('\n')) {
    const chomp = s.endsWith('\n') ? (s.endsWith('\n\n') ? '+' : '') : '-';
    const body = s.endsWith('\n') ? s.slice(0, -1) : s;
    const lead = body.startsWith(' ') ? '2' : '';
    const lines = body.split('\n').map((l) => (l === '' ? '' : ' '.repeat(indent) + l));
    return `|${lead}${chomp}\n${lines.join('\n')}`;
  }
  if (resolvesToNonString(s)) return doubleQuoted(s);
  if (!plainAllowed(s)) return `'${s.replace(/'/g, "''")}'`;
  return foldPlain(s, column, indent);
}

function scalar(v: Json, column: number, indent: number): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '.nan';
  return scalarString(String(v), column, indent);
}

function isCollection(v: Json): v is Json[] | { [k: string]: Json } {
  return typeof v === 'object' && v !== null;
}

function isEmpty(v: Json[] | { [k: string]: Json }): boolean {
  return Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
}

function keyText(k: string, indent: number): string {
  return k.includes('\n') ? doubleQuoted(k) : scalarString(k, indent, indent + 2);
}

function emitMap(m: { [k: string]: Json }, indent: number, out: string[], firstPrefix: string | null): void {
  const keys = Object.keys(m).sort();
  keys.forEach((k, i) => {
    const pad = i === 0 && firstPrefix !== null ? firstPrefix : ' '.repeat(indent);
    const key = keyText(k, indent);
    const v = m[k] ?? null;
    if (isCollection(v) && !isEmpty(v)) {
      out.push(`${pad}${key}:`);
      if (Array.isArray(v)) emitSeq(v, indent, out);
      else emitMap(v, indent + 2, out, null);
    } else if (isCollection(v)) {
      out.push(`${pad}${key}: ${Array.isArray(v) ? '[]' : '{}'}`);
    } else {
      out.push(`${pad}${key}: ${scalar(v, indent + key.length + 2, indent + 2)}`);
    }
  });
}

function emitSeq(list: Json[], indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  for (const item of list) {
    if (isCollection(item) && !isEmpty(item)) {
      if (Array.isArray(item)) {
        out.push(`${pad}-`);
        emitSeq(item, indent + 2, out);
      } else emitMap(item, indent + 2, out, `${pad}- `);
    } else if (isCollection(item)) {
      out.push(`${pad}- ${Array.isArray(item) ? '[]' : '{}'}`);
    } else {
      out.push(`${pad}- ${scalar(item, indent + 2, indent + 2)}`);
    }
  }
}

/** YAML text of a JSON-compatible value, ending with a newline (as kubectl prints). */
export function toGoYaml(value: unknown): string {
  const v = jsonClone<unknown>(value ?? null) as Json;
  const out: string[] = [];
  if (isCollection(v) && !isEmpty(v)) {
    if (Array.isArray(v)) emitSeq(v, 0, out);
    else emitMap(v, 0, out, null);
  } else if (isCollection(v)) {
    out.push(Array.isArray(v) ? '[]' : '{}');
  } else {
    out.push(scalar(v, 0, 0));
  }
  return out.join('\n') + '\n';
}
