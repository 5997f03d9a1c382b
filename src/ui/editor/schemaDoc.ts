// A small bilingual schema tree: each node has its JSON-schema shape plus English and
// Chinese docs; localize() turns it into a monaco-yaml JSON schema in one language, with
// `description` (plain) and `markdownDescription` (the hover and completion docs).

import type { JSONSchema } from 'monaco-yaml';

export type DocLang = 'en' | 'zh';

export interface Node {
  /** The shape without docs or children: type, enum, minimum, maximum, default… */
  shape: JSONSchema;
  en: string;
  zh: string;
  /** Extra behaviour notes (defaults, limits) appended to the doc. */
  noteEn?: string;
  noteZh?: string;
  props?: Record<string, Node>;
  /** The element of an array. */
  items?: Node;
  /** Closed objects reject unknown keys (the Job's own fields); pod fields stay open. */
  closed?: boolean;
  required?: string[];
}

export function node(shape: JSONSchema, en: string, zh: string, more: Partial<Omit<Node, 'shape' | 'en' | 'zh'>> = {}): Node {
  return { shape, en, zh, ...more };
}

/** Shorthands for the common shapes. */
export const T = {
  int: (min?: number, max?: number): JSONSchema => ({ type: 'integer', ...(min === undefined ? {} : { minimum: min }), ...(max === undefined ? {} : { maximum: max }) }),
  str: (): JSONSchema => ({ type: 'string' }),
  bool: (): JSONSchema => ({ type: 'boolean' }),
  obj: (): JSONSchema => ({ type: 'object' }),
  arr: (): JSONSchema => ({ type: 'array' }),
  oneOf: (...values: string[]): JSONSchema => ({ type: 'string', enum: values }),
  strMap: (): JSONSchema => ({ type: 'object', additionalProperties: { type: 'string' } }),
};

function typeLabel(shape: JSONSchema): string {
  if (shape.enum) return shape.enum.map((v) => `\`${String(v)}\``).join(' | ');
  const t = Array.isArray(shape.type) ? shape.type.join(' | ') : (shape.type ?? 'any');
  const range: string[] = [];
  if (shape.minimum !== undefined) range.push(`≥ ${shape.minimum}`);
  if (shape.maximum !== undefined) range.push(`≤ ${shape.maximum}`);
  return range.length > 0 ? `${t}, ${range.join(', ')}` : t;
}

/** The doc text of a node in one language (doc, then its notes). */
export function docText(n: Node, lang: DocLang): string {
  const doc = lang === 'zh' ? n.zh : n.en;
  const note = lang === 'zh' ? n.noteZh : n.noteEn;
  return note ? `${doc} ${note}` : doc;
}

export function localize(n: Node, lang: DocLang, name?: string): JSONSchema {
  const text = docText(n, lang);
  const head = name ? `**${name}** (${typeLabel(n.shape)})\n\n` : '';
  const out: JSONSchema = { ...n.shape, description: text, markdownDescription: head + text };
  if (n.props) {
    const props: Record<string, JSONSchema> = {};
    for (const [k, child] of Object.entries(n.props)) props[k] = localize(child, lang, k);
    out.properties = props;
    if (n.closed) out.additionalProperties = false;
  }
  if (n.required) out.required = n.required;
  if (n.items) out.items = localize(n.items, lang, name ? `${name}[]` : undefined);
  return out;
}
