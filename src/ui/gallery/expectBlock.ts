// The `expect:` block of an example, shown as "what you should see" (the examples test
// checks the simulation reaches it). Never throws: a text without one gives ''.

import { parse, stringify } from 'yaml';
import { EXAMPLES, type Example } from '../../scenario/examples';
import type { Lang } from '../../state/persistence';

export function expectBlock(text: string): string {
  try {
    const doc: unknown = parse(text);
    if (doc === null || typeof doc !== 'object' || !('expect' in doc)) return '';
    const e = (doc as { expect: unknown }).expect;
    return e === undefined || e === null ? '' : stringify(e).trimEnd();
  } catch {
    return '';
  }
}

export function exampleTexts(e: Example, lang: Lang): { title: string; description: string; whatToWatch: string } {
  const zh = lang === 'zh-CN';
  return {
    title: zh ? e.titleZh : e.title,
    description: zh ? e.descriptionZh : e.description,
    whatToWatch: zh ? e.whatToWatch.zh : e.whatToWatch.en,
  };
}

export function exampleById(id: string | undefined): Example | undefined {
  return id === undefined ? undefined : EXAMPLES.find((e) => e.id === id);
}
