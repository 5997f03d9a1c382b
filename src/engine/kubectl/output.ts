// kubectl's machine-readable outputs: -o json (cli-runtime JSONPrinter:
// json.MarshalIndent with four spaces over an unstructured object, so keys are
// sorted and <, >, & are escaped), -o yaml (see goyaml.ts), -o name, and the
// v1 List wrapper kubectl uses when a get returns several objects.

import { toGoYaml } from './goyaml';

const GO_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** Go encoding/json string quoting (HTML-safe). */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c] ?? c);
}

function encode(v: unknown, indent: string, level: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const nl = indent === '' ? '' : '\n';
  const inner = indent.repeat(level + 1);
  const outer = indent.repeat(level);
  const sep = indent === '' ? ':' : ': ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${nl}${v.map((x) => inner + encode(x, indent, level + 1)).join(',' + nl)}${nl}${outer}]`;
  }
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  if (keys.length === 0) return '{}';
  const body = keys.map((k) => `${inner}${goQuote(k)}${sep}${encode(obj[k], indent, level + 1)}`);
  return `{${nl}${body.join(',' + nl)}${nl}${outer}}`;
}

/** `-o json`: four-space indent, sorted keys, trailing newline. */
export function toKubectlJson(v: unknown): string {
  return encode(v, '    ', 0) + '\n';
}

/** Compact Go json.Marshal of an unstructured value (sorted keys). */
export function toCompactJson(v: unknown): string {
  return encode(v, '', 0);
}

/** `-o yaml`. */
export function toKubectlYaml(v: unknown): string {
  return toGoYaml(v);
}

/** The v1 List kubectl prints for a multi-object -o json/yaml/jsonpath. */
export function asList(items: unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/** `kind.group` as `-o name` and success messages print it (`job.batch`, `pod`). */
export function kindString(kind: string): string {
  if (kind === 'Job') return 'job.batch';
  return kind.toLowerCase();
}

/** `-o name`: `job.batch/x`, `pod/x`, `event/x`. */
export function nameOf(obj: { kind?: string; metadata?: { name?: string } }): string {
  return `${kindString(obj.kind ?? '')}/${obj.metadata?.name ?? ''}`;
}
