// The embed's entry (embed.html): reads the query parameters, sets theme and language,
// answers the host's postMessage commands, and loads the playground itself (React, the
// panels, the worker) only when needed: at once, or on the reader's click with
// click-to-load. This module stays small: nothing heavy is imported statically.

import { translate } from '../i18n';
import { createBridge } from './bridge';
import type { EmbedController } from './controller';
import type { EmbedStateInfo } from './messages';
import { parseEmbedParams, type EmbedOptions } from './params';
import '../app/styles.css';
import './embed.css';

const { options, warnings } = parseEmbedParams(location.search, location.origin);

function applyDocument(o: EmbedOptions): void {
  const dark = o.theme === 'dark' || (o.theme === 'auto' && (window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false));
  const root = document.documentElement;
  root.dataset.theme = dark ? 'dark' : 'light';
  root.style.colorScheme = dark ? 'dark' : 'light';
  root.lang = o.lang;
  document.body.classList.toggle('jp-embed-compact', o.compact);
  document.title = translate(o.lang, 'embed.docTitle');
}

const IDLE: EmbedStateInfo = { loaded: false, busy: false, ms: 0, endMs: 0, playing: false, speed: options.speed, conditions: [], counts: null, error: null };

let app: Promise<EmbedController> | null = null;
const root = document.getElementById('root');

function showFailure(message: string): void {
  if (!root) return;
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.className = 'problem-block error';
  p.textContent = translate(options.lang, 'embed.loadFailed', { message });
  root.replaceChildren(p);
}

function ensureLoaded(): Promise<EmbedController> {
  if (app === null) {
    app = import('./EmbedApp').then((m) => {
      if (!root) throw new Error('embed.html has no #root element');
      return m.mountEmbed(root, options, warnings, (e) => bridge.emit(e));
    });
    app.catch((e: unknown) => showFailure(e instanceof Error ? e.message : String(e)));
  }
  return app;
}

const bridge = createBridge(options.origins, async (command) => {
  if (command.type === 'getState' && app === null) return { type: 'state', state: IDLE };
  const controller = await ensureLoaded();
  return controller.handle(command);
});

function renderPlaceholder(el: HTMLElement): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'jp-embed-load primary';
  button.dataset.testid = 'embed.load';
  const title = document.createElement('strong');
  title.textContent = translate(options.lang, 'embed.clickToLoad');
  const hint = document.createElement('span');
  hint.className = 'muted small';
  hint.textContent = options.example ?? translate(options.lang, 'embed.clickHint');
  button.append(title, hint);
  button.addEventListener('click', () => void ensureLoaded(), { once: true });
  el.replaceChildren(button);
}

applyDocument(options);
if (root) {
  if (options.clickToLoad) renderPlaceholder(root);
  else void ensureLoaded();
}
bridge.emit({ type: 'ready', loaded: false });
