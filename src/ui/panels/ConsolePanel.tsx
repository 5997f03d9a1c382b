// The kubectl console. Commands go to the worker (which holds the engine); read-only
// ones see the state at the cursor, others are added to the scenario at the cursor.

import { useState } from 'react';
import { Panel } from '../components/Panel';
import { useActions, useApp, useT } from '../hooks/store';

export function ConsolePanel() {
  const t = useT();
  const a = useActions();
  const lines = useApp((s) => s.consoleLines);
  const [command, setCommand] = useState('get pods');
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
      <p className="muted small">{t('console.hint')}</p>
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
        }}
      >
        <span aria-hidden="true">$ kubectl</span>
        <input value={command} onChange={(e) => setCommand(e.target.value)} aria-label={t('console.input')} spellCheck={false} autoComplete="off" onKeyDown={(e) => e.stopPropagation()} />
        <button type="submit">{t('console.run')}</button>
      </form>
    </Panel>
  );
}
