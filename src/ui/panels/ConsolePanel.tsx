// The kubectl console. Commands go to the worker (which holds the engine); read-only
// ones see the state at the cursor, others are added to the scenario at the cursor.
// Up/Down walk the command history (the store keeps it, and localStorage).

import { useState } from 'react';
import { Panel } from '../components/Panel';
import { useActions, useApp, useT } from '../hooks/store';

export function ConsolePanel() {
  const t = useT();
  const a = useActions();
  const lines = useApp((s) => s.consoleLines);
  const history = useApp((s) => s.consoleHistory);
  const [command, setCommand] = useState('get pods');
  // Position in the history while browsing it (history.length = the line being typed).
  const [pos, setPos] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const at = pos ?? history.length;
    const next = e.key === 'ArrowUp' ? Math.max(0, at - 1) : Math.min(history.length, at + 1);
    if (next === at) return;
    e.preventDefault();
    if (pos === null) setDraft(command);
    setPos(next);
    setCommand(next === history.length ? draft : (history[next] ?? ''));
  };
  return (
    <Panel
      title={t('console.region')}
      id="console"
      actions={
        <button type="button" onClick={a.clearConsole}>
          {t('console.clear')}
        </button>
      }
    >
      <p className="muted small">
        {t('console.hint')} {t('console.historyHint')}
      </p>
      <pre className="console-out" data-testid="console.output" aria-live="polite">
        {lines.map((l) => (
          <div key={l.id} className={`console-${l.kind}`}>
            {l.text}
          </div>
        ))}
      </pre>
      <form
        className="console-form"
        onSubmit={(e) => {
          e.preventDefault();
          void a.runKubectl(command);
          setPos(null);
        }}
      >
        <span aria-hidden="true">$ kubectl</span>
        <input
          value={command}
          onChange={(e) => {
            setCommand(e.target.value);
            setPos(null);
          }}
          aria-label={t('console.input')}
          aria-description={t('console.historyHint')}
          spellCheck={false}
          autoComplete="off"
          onKeyDown={onKeyDown}
          data-testid="console.input"
        />
        <button type="submit">{t('console.run')}</button>
      </form>
    </Panel>
  );
}
