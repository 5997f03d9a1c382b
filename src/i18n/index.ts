// t(): message lookup with `{name}` interpolation. English is the fallback for a key a
// translation lacks (the types prevent that, but stored settings may name any language).

import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';
import type { Lang } from '../state/persistence';

export type { MessageKey };
export type Params = Record<string, string | number>;
export type TFunction = (key: MessageKey, params?: Params) => string;

const TABLES: Record<Lang, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = TABLES[lang]?.[key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function makeT(lang: Lang): TFunction {
  return (key, params) => translate(lang, key, params);
}
