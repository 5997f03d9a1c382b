// Where the API's rejection of the scenario's Job belongs in the editor text: the kubectl
// 422 text (kubectlErrorText in engine/api/errors.ts: `The Job "x" is invalid: <field>:
// <message>`, or one `* <field>: <message>` line per cause) is split into causes, and each
// field path (relative to the Job, e.g. `spec.template.spec.restartPolicy`) is found under
// `spec.job` in the YAML, falling back to the nearest existing parent.

import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { loadYaml } from '../../scenario/yamlDoc';

export interface ApiCause {
  /** The Job field path as the API names it ('' when the cause has none). */
  field: string;
  /** The upstream message after the field, e.g. `Required value: valid values: "OnFailure", "Never"`. */
  message: string;
}

export interface TextRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** Field error kinds that start a cause without a field (field.ErrorType strings). */
const ERROR_TYPES = new Set(['Invalid value', 'Required value', 'Forbidden', 'Unsupported value', 'Duplicate value', 'Too long', 'Too many', 'Internal error', 'Not found']);
const FIELD_RE = /^[A-Za-z_$][\w$-]*(?:\.[\w$-]+|\[[^\]]*\])*$/;

function splitCause(line: string): ApiCause {
  const i = line.indexOf(': ');
  const head = i < 0 ? '' : line.slice(0, i);
  if (head !== '' && !ERROR_TYPES.has(head) && FIELD_RE.test(head)) return { field: head, message: line.slice(i + 2) };
  return { field: '', message: line };
}

/** The causes of a kubectl error text; anything else is one cause without a field. */
export function parseRejection(text: string): ApiCause[] {
  const m = /^The \S+ "(?:[^"\\]|\\.)*" is invalid: ?/.exec(text);
  if (!m) return text.trim() === '' ? [] : [{ field: '', message: text.trim() }];
  const rest = text.slice(m[0].length);
  if (!rest.startsWith('\n')) return [splitCause(rest.trim())];
  const causes: string[] = [];
  for (const line of rest.slice(1).split('\n')) {
    if (line.startsWith('* ')) causes.push(line.slice(2));
    else if (causes.length > 0) causes[causes.length - 1] += `\n${line}`;
  }
  return causes.map(splitCause);
}

/** `spec.containers[0].name` → ['spec', 'containers', 0, 'name']; `labels[a.b/c]` keeps the key whole. */
export function splitFieldPath(field: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return out;
}

type Span = [number, number];

function spanOf(n: unknown): Span | null {
  const r = n && typeof n === 'object' && 'range' in n ? (n as YamlNode).range : undefined;
  return r ? [r[0], r[1]] : null;
}

/** The span of the deepest node on `path`: a key (through its scalar value), or a list item. */
function deepestSpan(doc: NonNullable<ReturnType<typeof loadYaml>['doc']>, path: Array<string | number>): Span | null {
  let node: unknown = doc.contents;
  let best = spanOf(node);
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc) ?? null;
    let next: unknown = null;
    let span: Span | null = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      const key = spanOf(pair?.key);
      const value = isScalar(pair?.value) ? spanOf(pair?.value) : null;
      span = key ? [key[0], value ? value[1] : key[1]] : null;
      next = pair?.value ?? null;
    } else if (isSeq(node) && typeof seg === 'number') {
      next = node.items[seg] ?? null;
      span = spanOf(next);
    }
    if (!span) break;
    best = span;
    node = next;
  }
  return best;
}

/** The editor ranges of Job field paths (`''` → the `job:` key), each clipped to its first line. */
export function apiFieldRanges(text: string, fields: string[]): TextRange[] {
  if (fields.length === 0) return [];
  const { doc, lineCounter } = loadYaml(text);
  const lines = text.split('\n');
  return fields.map((field) => {
    const span = doc ? deepestSpan(doc, ['spec', 'job', ...splitFieldPath(field)]) : null;
    const [from, to] = span ?? [0, 0];
    const start = lineCounter.linePos(from);
    const end = lineCounter.linePos(Math.max(from, to));
    const lineText = (lines[start.line - 1] ?? '').replace(/\r$/, '');
    const endColumn = end.line === start.line && end.col > start.col ? end.col : lineText.length + 1;
    return { startLine: start.line, startColumn: start.col, endLine: start.line, endColumn: Math.max(endColumn, start.col) };
  });
}

/** The editor range of one Job field path. */
export function apiFieldRange(text: string, field: string): TextRange {
  return apiFieldRanges(text, [field])[0] ?? { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
}
