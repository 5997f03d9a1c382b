// What the error views need besides React: the scenario text to rescue (from the store
// when it still answers, else from the autosave in localStorage), copying it to the
// clipboard with a fallback, reloading, and the view's texts in both UI languages (the
// i18n tables live with the UI; these few strings must work when the UI does not).

import { SCENARIO_KEY, SETTINGS_KEY } from '../state/persistence';
import type { AppStore } from '../state/store';

export type CrashLang = 'en' | 'zh-CN';

type CrashKey = 'title' | 'lead' | 'banner' | 'details' | 'scenario' | 'copy' | 'copied' | 'copyFailed' | 'reload' | 'reset' | 'resetConfirm' | 'dismiss';
export type CrashTexts = Record<CrashKey, string>;

const TEXTS: Record<CrashLang, CrashTexts> = {
  en: {
    title: 'Something went wrong',
    lead: 'The playground hit an unexpected error. Your scenario text is safe: it is autosaved in this browser. Copy it, then reload.',
    banner: 'An unexpected error occurred; the playground may not work correctly.',
    details: 'Error',
    scenario: 'Your scenario text',
    copy: 'Copy scenario',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not use the clipboard: select the text below and copy it.',
    reload: 'Reload',
    reset: 'Reload with the default scenario',
    resetConfirm: 'Discard the saved scenario text and reload with the default scenario?',
    dismiss: 'Dismiss',
  },
  'zh-CN': {
    title: '出错了',
    lead: '演练场遇到了意外错误。你的场景文本是安全的：它已自动保存在此浏览器中。请先复制它，然后重新加载。',
    banner: '发生了意外错误；演练场可能无法正常工作。',
    details: '错误',
    scenario: '你的场景文本',
    copy: '复制场景',
    copied: '已复制到剪贴板。',
    copyFailed: '无法使用剪贴板：请选中下面的文本并复制。',
    reload: '重新加载',
    reset: '使用默认场景重新加载',
    resetConfirm: '丢弃已保存的场景文本并使用默认场景重新加载？',
    dismiss: '关闭',
  },
};

function storedSettingsLang(): CrashLang {
  try {
    const raw = window.localStorage.getItem(SETTINGS_KEY);
    const lang = raw ? (JSON.parse(raw) as { lang?: unknown }).lang : undefined;
    return lang === 'zh-CN' ? 'zh-CN' : 'en';
  } catch {
    return 'en';
  }
}

export function crashTexts(store?: AppStore | null): CrashTexts {
  try {
    if (store) return TEXTS[store.getState().lang === 'zh-CN' ? 'zh-CN' : 'en'];
  } catch {
    // Fall through to the saved settings.
  }
  return TEXTS[storedSettingsLang()];
}

/** The scenario text to rescue: the store's (newest), else the autosaved copy. */
export function rescueText(store?: AppStore | null): string {
  try {
    if (store) return store.getState().text;
  } catch {
    // The store is unusable: use the autosave.
  }
  try {
    return window.localStorage.getItem(SCENARIO_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Copies through the async clipboard API, falling back to a selected <textarea>. */
export async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.focus();
    fallback.select();
    try {
      // Deprecated, but the only synchronous fallback where the clipboard API is refused.
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

export function reload(): void {
  window.location.reload();
}

/** Forgets the autosaved scenario (after the user confirmed) and reloads. */
export function resetAndReload(texts: CrashTexts): void {
  if (!window.confirm(texts.resetConfirm)) return;
  try {
    window.localStorage.removeItem(SCENARIO_KEY);
  } catch {
    // Nothing saved or storage refused: reload anyway.
  }
  reload();
}

/** A message for any thrown value, without assuming it is an Error. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  try {
    return typeof e === 'string' ? e : JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}
