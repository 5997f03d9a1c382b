// pflag-style flag parsing with pflag's error texts (`unknown flag: --foo`,
// `unknown shorthand flag: 'x' in -x`, `flag needs an argument: --namespace`,
// `invalid argument "x" for "--grace-period" flag: …`).

export type FlagKind = 'bool' | 'string' | 'int' | 'strings';

export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  /** Value used when the flag is given without `=value` (pflag NoOptDefVal). */
  noOptDefault?: string;
}

export interface ParsedFlags {
  values: Map<string, string[]>;
  args: string[];
}

export type FlagParseResult = { ok: true; parsed: ParsedFlags } | { ok: false; error: string };

export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'context', kind: 'string' },
  { name: 'v', short: 'v', kind: 'string' },
];

function setValue(p: ParsedFlags, spec: FlagSpec, value: string): string | undefined {
  if (spec.kind === 'int' && !/^[-+]?\d+$/.test(value)) {
    return `invalid argument "${value}" for "${spec.short ? `-${spec.short}, ` : ''}--${spec.name}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`;
  }
  if (spec.kind === 'bool' && !/^(1|0|t|f|T|F|true|false|TRUE|FALSE|True|False)$/.test(value)) {
    return `invalid argument "${value}" for "${spec.short ? `-${spec.short}, ` : ''}--${spec.name}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`;
  }
  const list = p.values.get(spec.name) ?? [];
  if (spec.kind === 'strings') list.push(...value.split(','));
  else list.push(value);
  p.values.set(spec.name, list);
  return undefined;
}

function takesValue(spec: FlagSpec): boolean {
  return spec.kind !== 'bool' && spec.noOptDefault === undefined;
}

/** Parse words after the subcommand against `specs` (plus the global flags). */
export function parseFlags(words: string[], specs: FlagSpec[]): FlagParseResult {
  const all = [...GLOBAL_FLAGS, ...specs];
  const p: ParsedFlags = { values: new Map(), args: [] };
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w === '--') {
      p.args.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const name = eq < 0 ? w.slice(2) : w.slice(2, eq);
      const spec = all.find((s) => s.name === name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      let value: string | undefined = eq < 0 ? undefined : w.slice(eq + 1);
      if (value === undefined) {
        if (spec.kind === 'bool') value = 'true';
        else if (spec.noOptDefault !== undefined) value = spec.noOptDefault;
        else if (i + 1 < words.length) value = words[++i] ?? '';
        else return { ok: false, error: `flag needs an argument: --${name}` };
      }
      const err = setValue(p, spec, value);
      if (err) return { ok: false, error: err };
    } else if (w.startsWith('-') && w.length > 1) {
      const err = parseShorthand(words, i, all, p);
      if (typeof err === 'string') return { ok: false, error: err };
      i = err;
    } else {
      p.args.push(w);
    }
  }
  return { ok: true, parsed: p };
}

/** A `-x`, `-xVALUE`, `-x=VALUE` or `-abc` cluster; returns the last index consumed or an error. */
function parseShorthand(words: string[], i: number, all: FlagSpec[], p: ParsedFlags): number | string {
  const w = words[i] ?? '';
  let j = 1;
  while (j < w.length) {
    const ch = w[j] ?? '';
    const spec = all.find((s) => s.short === ch);
    if (!spec) return `unknown shorthand flag: '${ch}' in ${w}`;
    const rest = w.slice(j + 1);
    if (!takesValue(spec)) {
      const value = rest.startsWith('=') ? rest.slice(1) : spec.kind === 'bool' ? 'true' : (spec.noOptDefault ?? '');
      const err = setValue(p, spec, value);
      if (err) return err;
      if (rest.startsWith('=')) return i;
      j++;
      continue;
    }
    let value: string;
    if (rest !== '') value = rest.startsWith('=') ? rest.slice(1) : rest;
    else if (i + 1 < words.length) value = words[++i] ?? '';
    else return `flag needs an argument: '${ch}' in -${ch}`;
    const err = setValue(p, spec, value);
    return err ?? i;
  }
  return i;
}

export function flagString(p: ParsedFlags, name: string): string | undefined {
  const v = p.values.get(name);
  return v === undefined ? undefined : v[v.length - 1];
}

export function flagBool(p: ParsedFlags, name: string, def = false): boolean {
  const v = flagString(p, name);
  if (v === undefined) return def;
  return /^(1|t|T|true|TRUE|True)$/.test(v);
}

export function flagInt(p: ParsedFlags, name: string): number | undefined {
  const v = flagString(p, name);
  return v === undefined ? undefined : Number.parseInt(v, 10);
}

export function flagList(p: ParsedFlags, name: string): string[] {
  return p.values.get(name) ?? [];
}
