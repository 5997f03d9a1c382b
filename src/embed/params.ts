// The embed's query parameters (embed.html?…): parsed leniently (an unknown value falls
// back to its default and is reported), and written back by the Embed dialog. Light on
// purpose: the embed's bootstrap imports this before anything heavy is loaded.

export const EMBED_PANELS = ['Pods', 'Indexes', 'Status', 'Conditions', 'Events'] as const;
export type EmbedPanel = (typeof EMBED_PANELS)[number];
export type EmbedTheme = 'light' | 'dark' | 'auto';
export type EmbedLang = 'en' | 'zh-CN';

export interface EmbedOptions {
  /** No editor (and no Monaco download): the default for documentation embeds. */
  readonly: boolean;
  theme: EmbedTheme;
  autoplay: boolean;
  /** Simulated ms per wall ms, 1..1000. */
  speed: number;
  panels: EmbedPanel[];
  lang: EmbedLang;
  compact: boolean;
  /** Show a placeholder; nothing runs until the reader clicks it. */
  clickToLoad: boolean;
  /** A gallery example id (used when the fragment carries no #s= link). */
  example: string | null;
  /** Origins allowed to drive the embed with postMessage (default: the embed's own). */
  origins: string[];
}

export const EMBED_DEFAULTS: Omit<EmbedOptions, 'origins'> = {
  readonly: true,
  theme: 'auto',
  autoplay: false,
  speed: 10,
  panels: ['Pods', 'Status', 'Conditions'],
  lang: 'en',
  compact: false,
  clickToLoad: false,
  example: null,
};

const BOOL_TRUE = new Set(['', '1', 'true', 'yes', 'on']);
const BOOL_FALSE = new Set(['0', 'false', 'no', 'off']);
const EXAMPLE_ID = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

function bool(q: URLSearchParams, name: string, fallback: boolean, warnings: string[]): boolean {
  const v = q.get(name);
  if (v === null) return fallback;
  if (BOOL_TRUE.has(v.toLowerCase())) return true;
  if (BOOL_FALSE.has(v.toLowerCase())) return false;
  warnings.push(`${name}=${v.slice(0, 40)}: expected true or false`);
  return fallback;
}

/** A bare http(s) origin ("https://docs.example.com"), or null. */
export function normalizeOrigin(s: string): string | null {
  try {
    const u = new URL(s.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return s.trim().replace(/\/$/, '') === u.origin ? u.origin : null;
  } catch {
    return null;
  }
}

function panels(v: string | null, warnings: string[]): EmbedPanel[] {
  if (v === null) return [...EMBED_DEFAULTS.panels];
  const out: EmbedPanel[] = [];
  for (const raw of v.split(',')) {
    const name = raw.trim();
    const p = EMBED_PANELS.find((x) => x.toLowerCase() === name.toLowerCase());
    if (p === undefined) warnings.push(`panels: unknown panel ${JSON.stringify(name.slice(0, 40))}`);
    else if (!out.includes(p)) out.push(p);
  }
  return out.length > 0 ? out : [...EMBED_DEFAULTS.panels];
}

export function parseEmbedParams(search: string, selfOrigin: string): { options: EmbedOptions; warnings: string[] } {
  const q = new URLSearchParams(search);
  const warnings: string[] = [];
  const theme = q.get('theme');
  const lang = q.get('lang');
  const speed = Number(q.get('speed') ?? EMBED_DEFAULTS.speed);
  const example = q.get('example');
  const origins: string[] = [];
  for (const o of (q.get('origins') ?? '').split(',').filter((x) => x.trim() !== '')) {
    const n = normalizeOrigin(o);
    if (n === null) warnings.push(`origins: ${JSON.stringify(o.slice(0, 80))} is not an http(s) origin`);
    else if (!origins.includes(n)) origins.push(n);
  }
  if (theme !== null && theme !== 'light' && theme !== 'dark' && theme !== 'auto') warnings.push(`theme=${theme.slice(0, 40)}: expected light, dark or auto`);
  if (lang !== null && lang !== 'en' && lang !== 'zh-CN') warnings.push(`lang=${lang.slice(0, 40)}: expected en or zh-CN`);
  if (!Number.isFinite(speed) || speed < 1 || speed > 1000) warnings.push('speed: expected a number from 1 to 1000');
  if (example !== null && !EXAMPLE_ID.test(example)) warnings.push('example: expected an example id');
  const options: EmbedOptions = {
    readonly: bool(q, 'readonly', EMBED_DEFAULTS.readonly, warnings),
    theme: theme === 'light' || theme === 'dark' || theme === 'auto' ? theme : EMBED_DEFAULTS.theme,
    autoplay: bool(q, 'autoplay', EMBED_DEFAULTS.autoplay, warnings),
    speed: Number.isFinite(speed) && speed >= 1 && speed <= 1000 ? speed : EMBED_DEFAULTS.speed,
    panels: panels(q.get('panels'), warnings),
    lang: lang === 'en' || lang === 'zh-CN' ? lang : EMBED_DEFAULTS.lang,
    compact: bool(q, 'compact', EMBED_DEFAULTS.compact, warnings),
    clickToLoad: bool(q, 'click-to-load', EMBED_DEFAULTS.clickToLoad, warnings),
    example: example !== null && EXAMPLE_ID.test(example) ? example : null,
    origins: origins.length > 0 ? origins : [selfOrigin],
  };
  return { options, warnings };
}

/** The query string (with "?", or '') for the options that differ from the defaults. */
export function embedQuery(o: EmbedOptions, selfOrigin: string): string {
  const q = new URLSearchParams();
  const d = EMBED_DEFAULTS;
  if (o.readonly !== d.readonly) q.set('readonly', o.readonly ? '1' : '0');
  if (o.theme !== d.theme) q.set('theme', o.theme);
  if (o.autoplay) q.set('autoplay', '1');
  if (o.speed !== d.speed) q.set('speed', String(o.speed));
  if (o.panels.join(',') !== d.panels.join(',')) q.set('panels', o.panels.join(','));
  if (o.lang !== d.lang) q.set('lang', o.lang);
  if (o.compact) q.set('compact', '1');
  if (o.clickToLoad) q.set('click-to-load', '1');
  if (o.example !== null) q.set('example', o.example);
  if (!(o.origins.length === 1 && o.origins[0] === selfOrigin) && o.origins.length > 0) q.set('origins', o.origins.join(','));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}
