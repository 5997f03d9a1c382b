// The Monaco YAML editor for the scenario text (default export: loaded lazily). The
// store's text is the source of truth; parse errors from the worker become markers.

import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef, useState } from 'react';
import type { ScenarioError } from '../../worker/protocol';
import type { Lang } from '../../state/persistence';
import { SCENARIO_URI, monaco, setSchemaLanguage } from './monacoSetup';
import { apiFieldRanges, parseRejection } from './apiMarkers';

export interface YamlEditorProps {
  value: string;
  onChange(value: string): void;
  onApply(): void;
  errors: ScenarioError[];
  /** The API's rejection of the Job (kubectl's 422 text), or null. */
  rejection: string | null;
  lang: Lang;
  theme: 'light' | 'dark';
  label: string;
  /** Focus the editor once it is mounted (it was loaded because the person asked to edit). */
  autoFocus?: boolean;
}

export default function YamlEditor({ value, onChange, onApply, errors, rejection, lang, theme, label, autoFocus }: YamlEditorProps) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // Errors that arrived before Monaco finished mounting (an invalid autosaved text) must
  // still become markers: mounting re-runs the marker effect.
  const [mounted, setMounted] = useState(false);
  const applyRef = useRef(onApply);
  useEffect(() => {
    applyRef.current = onApply;
  }, [onApply]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor as unknown as monaco.editor.IStandaloneCodeEditor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => applyRef.current());
    setMounted(true);
    if (autoFocus) editor.focus();
  };

  useEffect(() => {
    const model = editorRef.current?.getModel() ?? monaco.editor.getModel(monaco.Uri.parse(SCENARIO_URI));
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'scenario',
      errors.map((e) => ({
        severity: monaco.MarkerSeverity.Error,
        message: e.path ? `${e.path}: ${e.message}` : e.message,
        startLineNumber: Math.max(1, e.line),
        startColumn: Math.max(1, e.column),
        endLineNumber: Math.max(1, e.line),
        endColumn: model.getLineMaxColumn(Math.min(Math.max(1, e.line), model.getLineCount())),
      })),
    );
  }, [errors, value, mounted]);

  // The API's causes, each at its field under spec.job (positions follow the current text).
  useEffect(() => {
    const model = editorRef.current?.getModel() ?? monaco.editor.getModel(monaco.Uri.parse(SCENARIO_URI));
    if (!model) return;
    const causes = rejection ? parseRejection(rejection) : [];
    const ranges = apiFieldRanges(model.getValue(), causes.map((c) => c.field));
    const markers = causes.map((c, i): monaco.editor.IMarkerData => {
      const r = ranges[i] ?? { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
      return {
        severity: monaco.MarkerSeverity.Error,
        message: c.message,
        ...(c.field ? { source: c.field } : {}),
        startLineNumber: r.startLine,
        startColumn: r.startColumn,
        endLineNumber: r.endLine,
        endColumn: r.endColumn,
      };
    });
    monaco.editor.setModelMarkers(model, 'api', markers);
  }, [rejection, value, mounted]);

  useEffect(() => setSchemaLanguage(lang), [lang]);

  return (
    <div className="editor-box" data-testid="editor.monaco">
      <Editor
        path={SCENARIO_URI}
        defaultLanguage="yaml"
        value={value}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        onChange={(v) => onChange(v ?? '')}
        onMount={onMount}
        options={{
          minimap: { enabled: false },
          automaticLayout: true,
          fontSize: 13,
          scrollBeyondLastLine: false,
          tabSize: 2,
          ariaLabel: label,
        }}
      />
    </div>
  );
}
