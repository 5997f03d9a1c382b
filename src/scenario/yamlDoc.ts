// Loads scenario text with the `yaml` package, guarded against hostile input, and maps
// scenario paths back to line/column positions for error messages and editor markers.
// Pure: used by the browser (editor, worker) and the headless runner alike.

import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';

/** A path inside the scenario document: map keys and sequence indexes. */
export type Path = ReadonlyArray<string | number>;

export interface ScenarioError {
  /** The scenario path (`spec.workload.rules[0].exitCode`), or '' for a syntax error. */
  path: string;
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export const MAX_SCENARIO_CHARS = 2 * 1024 * 1024;
/** Deep nesting makes the yaml parser recurse until the stack (or V8's regexp compiler) fails. */
export const MAX_NESTING = 100;
const MAX_ALIAS_COUNT = 1000;

export function tooLargeMessage(size: number): string {
  return `the scenario is too large: ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB`;
}

export function pathString(path: Path): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else s += s === '' ? seg : `.${seg}`;
  }
  return s;
}

/** `spec.workload.rules[0].exitCode: must be an integer (line 14)`. */
export function formatScenarioError(e: ScenarioError): string {
  return e.path === '' ? `${e.message} (line ${e.line}, column ${e.column})` : `${e.path}: ${e.message} (line ${e.line})`;
}

/**
 * A cheap estimate of the nesting depth, checked before parsing: block indentation
 * levels (a stack of indents, one per `- ` entry too) plus unclosed flow brackets. It
 * may overestimate (brackets inside strings count) and is at least half the real depth
 * (a sequence at its parent key's indentation adds a level the stack does not see); the
 * yaml parser handles several hundred levels, so the limit keeps a wide margin.
 */
export function nestingTooDeep(text: string): number | null {
  const indents: number[] = [];
  let flow = 0;
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    let i = 0;
    while (i < raw.length && (raw[i] === ' ' || raw[i] === '\t')) i++;
    if (i < raw.length && raw[i] !== '#' && raw[i] !== '\r') {
      while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= i) indents.pop();
      indents.push(i);
    }
    // `- - x` opens a nested sequence at each dash: each column is an indentation level.
    for (let j = i; raw[j] === '-' && (j + 1 >= raw.length || raw[j + 1] === ' ' || raw[j + 1] === '\r'); ) {
      j += 2;
      while (j < raw.length && raw[j] === ' ') j++;
      indents.push(j);
    }
    if (indents.length + flow > MAX_NESTING) return line;
    let quote = '';
    for (let j = i; j < raw.length; j++) {
      const c = raw[j];
      // Brackets inside quoted strings or comments do not nest anything.
      if (quote !== '') {
        if (c === quote) quote = '';
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (j === 0 || raw[j - 1] === ' ' || raw[j - 1] === '\t')) break;
      else if (c === '[' || c === '{') {
        if (indents.length + ++flow > MAX_NESTING) return line;
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
  }
  return null;
}

export interface LoadedYaml {
  doc: Document | null;
  lineCounter: LineCounter;
  /** The document as plain JS (null when the text could not be loaded). */
  value: unknown;
  errors: ScenarioError[];
  warnings: string[];
}

/** Parses the text into one YAML document; never throws. */
export function loadYaml(text: string): LoadedYaml {
  const lineCounter = new LineCounter();
  const fail = (message: string, line = 1): LoadedYaml => ({
    doc: null, lineCounter, value: null, warnings: [],
    errors: [{ path: '', message, line, column: 1 }],
  });
  if (text.length > MAX_SCENARIO_CHARS) {
    return fail(tooLargeMessage(text.length));
  }
  const deepLine = nestingTooDeep(text);
  if (deepLine !== null) return fail(`nesting is too deep: more than ${MAX_NESTING} levels`, deepLine);
  try {
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
    const errors = doc.errors.map((e): ScenarioError => {
      const pos = lineCounter.linePos(e.pos[0]);
      const path = e.code === 'MULTIPLE_DOCS' ? '' : pathString(pathAtOffset(doc, e.pos[0]));
      return { path, message: yamlMessage(e.code, e.message), line: pos.line, column: pos.col };
    });
    const warnings = doc.warnings.map((w) => `${w.message} (line ${lineCounter.linePos(w.pos[0]).line})`);
    if (errors.length > 0) return { doc, lineCounter, value: null, errors, warnings };
    const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { doc, lineCounter, value, errors, warnings };
  } catch (e) {
    // toJS throws a ReferenceError on alias bombs; anything else is reported the same way.
    const msg = e instanceof Error ? e.message : String(e);
    const unresolved = /Unresolved alias[^:]*:\s*(\S+)/.exec(msg);
    if (unresolved) {
      // Point at the alias itself, not at the top of the file.
      const name = unresolved[1] ?? '';
      const line = aliasLine(text, name, lineCounter);
      return fail(`unresolved alias *${name}: the anchor &${name} must be defined before it is used`, line);
    }
    if (/alias/i.test(msg)) return fail(`too many aliases (limit ${MAX_ALIAS_COUNT}): ${msg}`);
    return fail(`cannot read the scenario: ${msg}`);
  }
}

/** The line of the first use of `*name` outside a comment (1 when not found). */
function aliasLine(text: string, name: string, lc: LineCounter): number {
  for (let at = text.indexOf(`*${name}`); at >= 0; at = text.indexOf(`*${name}`, at + 1)) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (!text.slice(lineStart, at).includes('#')) return lc.linePos(at).line;
  }
  return 1;
}

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'duplicate key: map keys must be unique';
  if (code === 'MULTIPLE_DOCS') return 'a scenario is one YAML document; found a second one (---)';
  if (code === 'TAB_AS_INDENT') return 'tabs are not allowed as indentation; use spaces';
  return `YAML syntax error: ${message}`;
}

function rangeStart(node: unknown): number | null {
  if (node && typeof node === 'object' && 'range' in node) {
    const r = (node as Node).range;
    if (r) return r[0];
  }
  return null;
}

function contains(node: unknown, offset: number): boolean {
  if (!node || typeof node !== 'object' || !('range' in node)) return false;
  const r = (node as Node).range;
  return !!r && r[0] <= offset && offset <= r[2];
}

/** The deepest scenario path whose node spans `offset` (to name the path of a syntax error). */
function pathAtOffset(doc: Document, offset: number): Path {
  const path: Array<string | number> = [];
  let node: unknown = doc.contents;
  for (let depth = 0; depth < MAX_NESTING && node; depth++) {
    let next: unknown = null;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : null;
        if (key !== null && (contains(pair.key, offset) || contains(pair.value, offset))) {
          path.push(key);
          next = contains(pair.value, offset) ? pair.value : null;
          break;
        }
      }
    } else if (isSeq(node)) {
      const i = node.items.findIndex((it) => contains(it, offset));
      if (i >= 0) {
        path.push(i);
        next = node.items[i];
      }
    }
    node = next;
  }
  return path;
}

/** Line/column of a path: the key itself (`at: 'key'`) or its value; falls back to the nearest ancestor. */
export function positionOf(loaded: LoadedYaml, path: Path, at: 'key' | 'value' = 'value'): { line: number; column: number } {
  const { doc, lineCounter } = loaded;
  let best: number | null = doc ? rangeStart(doc.contents) : null;
  let node: unknown = doc?.contents ?? null;
  for (let i = 0; i < path.length && node && doc; i++) {
    const seg = path[i];
    if (isAlias(node)) node = node.resolve(doc) ?? null;
    let keyNode: unknown = null;
    let valueNode: unknown = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      keyNode = pair?.key ?? null;
      valueNode = pair?.value ?? null;
    } else if (isSeq(node) && typeof seg === 'number') {
      valueNode = node.items[seg] ?? null;
    }
    const last = i === path.length - 1;
    const pick = last && at === 'key' ? keyNode ?? valueNode : rangeStart(valueNode) !== null ? valueNode : keyNode;
    const start = rangeStart(pick);
    if (start === null) break;
    best = start;
    node = valueNode;
  }
  const pos = lineCounter.linePos(best ?? 0);
  return { line: pos.line, column: pos.col };
}
