// Monaco + monaco-yaml bundled offline (the recipe in docs/stack.md §3): tree-shakeable
// entries, the bundled instance handed to @monaco-editor/react (no CDN), and a shim for
// monaco-yaml 5.5.1's pre-0.53 createWebWorker call. This module is only imported by the
// lazily loaded editor chunk.

import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import { loader } from '@monaco-editor/react';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker';
import type { Lang } from '../../state/persistence';
import { scenarioSchema } from './scenarioSchema';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

loader.config({ monaco });

/**
 * monaco-worker-manager (inside monaco-yaml) calls `createWebWorker({ label, moduleId,
 * createData })`, the API before monaco-editor 0.53. Since 0.53 the caller creates the
 * worker and sends the init handshake itself ('ignore', then createData), as monaco's own
 * JSON/CSS workers do in esm/vs/internal/common/workers.js.
 */
type LegacyWorkerOpts = { label?: string; moduleId?: string; createData?: unknown; host?: unknown; keepIdleModels?: boolean };
const editorCompat = Object.create(monaco.editor, {
  createWebWorker: {
    value(opts: LegacyWorkerOpts) {
      const worker = new YamlWorker();
      worker.postMessage('ignore');
      worker.postMessage(opts.createData);
      return monaco.editor.createWebWorker({ worker, host: opts.host as never, keepIdleModels: opts.keepIdleModels });
    },
  },
});
const monacoForYaml = { ...monaco, editor: editorCompat } as unknown as typeof monaco;

export const SCENARIO_URI = 'file:///scenario.yaml';

const yamlOptions = (lang: Lang) => ({
  enableSchemaRequest: false,
  validate: true,
  hover: true,
  completion: true,
  schemas: [{ uri: 'file:///schemas/scenario.schema.json', fileMatch: ['**/scenario.yaml'], schema: scenarioSchema(lang) }],
});

let schemaLang: Lang = 'en';
const monacoYaml = configureMonacoYaml(monacoForYaml, yamlOptions(schemaLang));

/** Hover and completion docs follow the UI language: re-configure the schema on a switch. */
export function setSchemaLanguage(lang: Lang): void {
  if (lang === schemaLang) return;
  schemaLang = lang;
  void monacoYaml.update(yamlOptions(lang)).catch(() => undefined);
}

// Test hook for Playwright: set model values, read markers.
window.__monaco = monaco as unknown as typeof import('monaco-editor');

export { monaco };
