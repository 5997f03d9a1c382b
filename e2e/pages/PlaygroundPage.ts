// Page object for the playground: navigation, the editor (through the window.__monaco
// test hook), time controls and the named panels. It also records anything that would
// break the offline promise: requests leaving localhost, page errors, console errors.

import { expect, type Locator, type Page } from '@playwright/test';
import { SCENARIO_KEY } from '../../src/state/persistence';

/** URLs that stay on this machine; a request to anything else breaks the offline promise. */
export const LOCAL = /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/;

/** Puts `text` in the autosave before the app starts — once per tab, so a reload keeps what the test did since. */
export async function seedDraft(page: Page, text: string): Promise<void> {
  await page.addInitScript(
    ([key, t]) => {
      if (!sessionStorage.getItem('e2e-seeded')) {
        localStorage.setItem(key, t);
        sessionStorage.setItem('e2e-seeded', '1');
      }
    },
    [SCENARIO_KEY, text] as const,
  );
}

export async function waitForEditor(page: Page): Promise<void> {
  await expect(page.locator('.monaco-editor').first()).toBeVisible();
  await page.waitForFunction(() => (window.__monaco?.editor.getModels().length ?? 0) > 0);
}

export async function setScenario(page: Page, text: string): Promise<void> {
  await waitForEditor(page);
  await page.evaluate((t) => window.__monaco?.editor.getModels()[0]?.setValue(t), text);
}

export class PlaygroundPage {
  readonly externalRequests: string[] = [];
  readonly pageErrors: string[] = [];
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('request', (r) => {
      if (!LOCAL.test(r.url())) this.externalRequests.push(r.url());
    });
    page.on('pageerror', (e) => this.pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(m.text());
    });
  }

  /** Opens the app (with the scenario in autosave, if given) and waits for its first run. */
  static async open(page: Page, scenario?: string): Promise<PlaygroundPage> {
    const app = new PlaygroundPage(page);
    await app.goto(scenario);
    await app.waitForRun();
    return app;
  }

  /** Opens the app, optionally with a scenario already in autosave. */
  async goto(scenario?: string): Promise<void> {
    if (scenario !== undefined) await seedDraft(this.page, scenario);
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  region(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name, exact: typeof name === 'string' });
  }

  waitForEditor(): Promise<void> {
    return waitForEditor(this.page);
  }

  setScenario(text: string): Promise<void> {
    return setScenario(this.page, text);
  }

  async editorText(): Promise<string> {
    return this.page.evaluate(() => window.__monaco?.editor.getModels()[0]?.getValue() ?? '');
  }

  /** Waits until a run is on screen (the status line reports how long it took). */
  async waitForRun(): Promise<void> {
    await expect(this.page.getByTestId('problems.status')).toContainText(/ms/);
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  async setSpeed(n: number): Promise<void> {
    await this.page.getByTestId('time.speed').selectOption(String(n));
  }

  async cursorMs(): Promise<number> {
    return Number(await this.page.getByTestId('time.clock').getAttribute('data-ms'));
  }

  statusCounter(name: 'active' | 'ready' | 'succeeded' | 'failed' | 'terminating'): Locator {
    return this.page.getByTestId(`status.${name}`).locator('dd');
  }

  condition(type: string): Locator {
    return this.page.locator(`[data-testid="conditions.item"][data-type="${type}"]`);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `reports/screenshots/${name}.png`, fullPage: true });
  }

  expectClean(): void {
    expect(this.externalRequests, 'requests that left localhost').toEqual([]);
    expect(this.pageErrors, 'page errors').toEqual([]);
    expect(this.consoleErrors, 'console errors').toEqual([]);
  }
}
