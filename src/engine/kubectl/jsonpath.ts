// A subset of k8s.io/client-go/util/jsonpath as `kubectl get -o jsonpath=` uses it:
// text and {actions}; paths with .field, ['field'], [n], [a:b], [*], ..field and
// [?(@.path op literal)] filters; {range path}…{end}; string literals such as {"\n"}.
// kubectl's default --allow-missing-template-keys=true makes missing keys print nothing.

import { toCompactJson } from './output';

type Seg =
  | { k: 'field'; name: string }
  | { k: 'recursive'; name: string }
  | { k: 'index'; start?: number; end?: number; single: boolean }
  | { k: 'wildcard' }
  | { k: 'filter'; left: Seg[]; op: string; right: Seg[] | string | number | undefined };

type Node = { t: 'text'; s: string } | { t: 'path'; segs: Seg[] } | { t: 'range'; segs: Seg[]; body: Node[] };

class JsonPathError extends Error {}

function parsePath(src: string): Seg[] {
  const segs: Seg[] = [];
  let i = 0;
  if (src[0] === '@' || src[0] === '$') i = 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '.' && src[i + 1] === '.') {
      const m = /^[A-Za-z0-9_\-/*]+/.exec(src.slice(i + 2));
      if (!m) throw new JsonPathError(`invalid recursive descent in ${src}`);
      segs.push({ k: 'recursive', name: m[0] });
      i += 2 + m[0].length;
    } else if (c === '.') {
      const m = /^[A-Za-z0-9_\-/*]*/.exec(src.slice(i + 1));
      const name = m?.[0] ?? '';
      if (name === '*') segs.push({ k: 'wildcard' });
      else if (name !== '') segs.push({ k: 'field', name });
      i += 1 + name.length;
    } else if (c === '[') {
      const close = findClose(src, i);
      segs.push(parseBracket(src.slice(i + 1, close)));
      i = close + 1;
    } else {
      throw new JsonPathError(`unrecognized character in action: U+${(c ?? '').charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} '${c}'`);
    }
  }
  return segs;
}

function findClose(src: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let j = open; j < src.length; j++) {
    const ch = src[j];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return j;
  }
  throw new JsonPathError('unterminated array');
}

function literal(s: string): string | number | undefined {
  const t = s.trim();
  if (/^'.*'$|^".*"$/.test(t)) return t.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return undefined;
}

function parseBracket(inner: string): Seg {
  const t = inner.trim();
  if (t === '*') return { k: 'wildcard' };
  if (/^'.*'$|^".*"$/.test(t)) return { k: 'field', name: t.slice(1, -1) };
  const filter = /^\?\((.*)\)$/.exec(t);
  if (filter) {
    const m = /^(@[^=!<>~ ]*)\s*(==|!=|<=|>=|<|>|=~)?\s*(.*)$/.exec((filter[1] ?? '').trim());
    if (!m) throw new JsonPathError(`invalid filter ${t}`);
    const rhs = (m[3] ?? '').trim();
    const right = rhs.startsWith('@') ? parsePath(rhs) : rhs === '' ? undefined : literal(rhs);
    return { k: 'filter', left: parsePath(m[1] ?? '@'), op: m[2] ?? 'exists', right };
  }
  const slice = /^(-?\d*)\s*:\s*(-?\d*)$/.exec(t);
  if (slice) {
    const start = slice[1] === '' ? undefined : Number(slice[1]);
    const end = slice[2] === '' ? undefined : Number(slice[2]);
    return { k: 'index', start, end, single: false };
  }
  if (/^-?\d+$/.test(t)) return { k: 'index', start: Number(t), single: true };
  throw new JsonPathError(`invalid array index ${t}`);
}

function unquote(s: string): string {
  try {
    return JSON.parse(s.startsWith("'") ? `"${s.slice(1, -1).replace(/"/g, '\\"')}"` : s) as string;
  } catch {
    throw new JsonPathError(`invalid string literal ${s}`);
  }
}

/** Parse a template into nodes; errors carry client-go's parser wording. */
export function parseTemplate(tpl: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < tpl.length) {
    const open = tpl.indexOf('{', i);
    const top = stack[stack.length - 1] ?? root;
    if (open < 0) {
      top.push({ t: 'text', s: tpl.slice(i) });
      break;
    }
    if (open > i) top.push({ t: 'text', s: tpl.slice(i, open) });
    const close = tpl.indexOf('}', open);
    if (close < 0) throw new JsonPathError('unclosed action');
    const action = tpl.slice(open + 1, close).trim();
    i = close + 1;
    if (action === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else if (action.startsWith('range ')) {
      const node: Node = { t: 'range', segs: parsePath(action.slice(6).trim()), body: [] };
      top.push(node);
      stack.push(node.body);
    } else if (/^(".*"|'.*')$/s.test(action)) {
      top.push({ t: 'text', s: unquote(action) });
    } else {
      top.push({ t: 'path', segs: parsePath(action) });
    }
  }
  if (stack.length > 1) throw new JsonPathError('unclosed range');
  return root;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function compare(a: unknown, op: string, b: unknown): boolean {
  if (op === 'exists') return a !== undefined && a !== null;
  if (op === '==') return a === b || String(a) === String(b);
  if (op === '!=') return !(a === b || String(a) === String(b));
  const x = Number(a);
  const y = Number(b);
  if (op === '<') return x < y;
  if (op === '>') return x > y;
  if (op === '<=') return x <= y;
  if (op === '>=') return x >= y;
  return false;
}

function recurse(v: unknown, name: string, out: unknown[]): void {
  if (Array.isArray(v)) v.forEach((x) => recurse(x, name, out));
  else if (isObj(v)) {
    if (name in v) out.push(v[name]);
    for (const k of Object.keys(v).sort()) recurse(v[k], name, out);
  }
}

function step(values: unknown[], seg: Seg, strict: boolean): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    if (seg.k === 'field') {
      if (isObj(v) && seg.name in v) out.push(v[seg.name]);
      else if (strict) throw new JsonPathError(`${seg.name} is not found`);
    } else if (seg.k === 'recursive') recurse(v, seg.name, out);
    else if (seg.k === 'wildcard') {
      if (Array.isArray(v)) for (const x of v) out.push(x); // no spread: lists may exceed the argument limit
      else if (isObj(v)) for (const k of Object.keys(v).sort()) out.push(v[k]);
    } else if (seg.k === 'index') {
      if (!Array.isArray(v)) {
        if (strict) throw new JsonPathError(`not array or slice`);
        continue;
      }
      const norm = (n: number) => (n < 0 ? n + v.length : n);
      if (seg.single) {
        const idx = norm(seg.start ?? 0);
        if (idx >= 0 && idx < v.length) out.push(v[idx]);
        else if (strict) throw new JsonPathError(`array index out of bounds: index ${seg.start}, length ${v.length}`);
      } else for (const x of v.slice(norm(seg.start ?? 0), seg.end === undefined ? undefined : norm(seg.end))) out.push(x);
    } else if (Array.isArray(v)) {
      for (const item of v) {
        const left = evalSegs([item], seg.left, false);
        const right = Array.isArray(seg.right) ? evalSegs([item], seg.right, false)[0] : seg.right;
        if (left.some((l) => compare(l, seg.op, right))) out.push(item);
      }
    }
  }
  return out;
}

function evalSegs(start: unknown[], segs: Seg[], strict: boolean): unknown[] {
  return segs.reduce((vals, seg) => step(vals, seg, strict), start);
}

function text(v: unknown): string {
  if (typeof v === 'object' && v !== null) return toCompactJson(v);
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

function run(nodes: Node[], data: unknown, strict: boolean): string {
  let out = '';
  for (const n of nodes) {
    if (n.t === 'text') out += n.s;
    else if (n.t === 'path') out += evalSegs([data], n.segs, strict).map(text).join(' ');
    else for (const item of evalSegs([data], n.segs, strict)) out += run(n.body, item, strict);
  }
  return out;
}

export type JsonPathResult = { ok: true; text: string } | { ok: false; error: string };

/** Go %#v of an unstructured value, as kubectl's jsonpath error dump prints it. */
export function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  if (isObj(v)) {
    const parts = Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${goSyntax(v[k])}`);
    return `map[string]interface {}{${parts.join(', ')}}`;
  }
  return String(v);
}

/** Evaluate `-o jsonpath=<tpl>` against an object; errors are kubectl's `error: …` text. */
export function evalJsonPath(tpl: string, data: unknown, allowMissingKeys = true): JsonPathResult {
  let nodes: Node[];
  try {
    nodes = parseTemplate(tpl);
  } catch (e) {
    return { ok: false, error: `error: error parsing jsonpath ${tpl}, ${(e as Error).message}` };
  }
  try {
    return { ok: true, text: run(nodes, data, !allowMissingKeys) };
  } catch (e) {
    const msg = (e as Error).message;
    return {
      ok: false,
      error:
        `error: error executing jsonpath ${JSON.stringify(tpl)}: Error executing template: ${msg}. ` +
        `Printing more information for debugging the template:\n\ttemplate was:\n\t\t${tpl}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n`,
    };
  }
}
