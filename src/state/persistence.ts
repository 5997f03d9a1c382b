// Autosave: the scenario text (saved on every change, valid or not) and the UI settings
// live in localStorage under versioned keys. Storage failures (quota, private mode) are
// swallowed: persistence is a convenience, never a reason to break the app.

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const SCENARIO_KEY = 'job-playground.scenario.v1';
export const SETTINGS_KEY = 'job-playground.settings.v1';

export type Lang = 'en' | 'zh-CN';
export type Theme = 'light' | 'dark';

export interface Settings {
  lang: Lang;
  theme: Theme;
  speed: number;
  /** Collapse long idle waits while playing (playbackSlice.tick). */
  skipIdle: boolean;
}

export function loadText(storage: StorageLike): string | null {
  try {
    return storage.getItem(SCENARIO_KEY);
  } catch {
    return null;
  }
}

export function saveText(storage: StorageLike, text: string): void {
  try {
    storage.setItem(SCENARIO_KEY, text);
  } catch {
    // Quota exceeded or storage disabled: keep working without autosave.
  }
}

export function loadSettings(storage: StorageLike, fallback: Settings): Settings {
  try {
    const raw = storage.getItem(SETTINGS_KEY);
    if (!raw) return fallback;
    const v = JSON.parse(raw) as Partial<Settings>;
    return {
      lang: v.lang === 'zh-CN' || v.lang === 'en' ? v.lang : fallback.lang,
      theme: v.theme === 'dark' || v.theme === 'light' ? v.theme : fallback.theme,
      speed: typeof v.speed === 'number' && v.speed >= 1 && v.speed <= 1000 ? v.speed : fallback.speed,
      skipIdle: typeof v.skipIdle === 'boolean' ? v.skipIdle : fallback.skipIdle,
    };
  } catch {
    return fallback;
  }
}

export function saveSettings(storage: StorageLike, s: Settings): void {
  try {
    storage.setItem(SETTINGS_KEY, JSON.stringify(s));
  } catch {
    // See saveText.
  }
}

/** An in-memory storage for tests and for browsers where localStorage throws. */
export function memoryStorage(init: Record<string, string> = {}): StorageLike {
  const m = new Map(Object.entries(init));
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}
