// The Monaco YAML editor for the scenario text (default export: loaded lazily). The
// store's text is the source of truth; parse errors from the worker become markers.

import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef, useState } from 'react';
import type { ScenarioError } from '../../worker/protocol';
import { SCENARIO_URI, monaco } from './monacoSetup';

export interface YamlEditorProps {
  value: string;
  onChange(value: string): void;
  onApply(): void;
  errors: ScenarioError[];
  theme: 'light' | 'dark';
  label: string;
}

export default function YamlEditor({ value, onChange, onApply, errors, theme, label }: YamlEditorProps) {
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
