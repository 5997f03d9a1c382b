// The scenario region: the lazily loaded Monaco editor plus the problems list (scenario
// errors with positions, the API's rejection, run notes). The previous run stays on
// screen while the text is invalid.

import { Suspense, lazy } from 'react';
import { useActions, useApp, useT } from '../hooks/store';
import { useAfterFirstPaint } from '../hooks/useAfterFirstPaint';
import { formatSimTime } from '../format';

const YamlEditor = lazy(() => import('./YamlEditor'));

function Problems() {
  const t = useT();
  const parseErrors = useApp((s) => s.parseErrors);
  const runError = useApp((s) => s.runError);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  return (
    <div className="problems" data-testid="problems" aria-live="polite">
      {parseErrors.length > 0 && (
        <div role="alert" className="problem-block error">
          <p>{t('problems.invalid')}</p>
          <ul>
            {parseErrors.map((e, i) => (
              <li key={i} data-testid="problems.item">
                <span className="pos">{t('problems.at', { line: e.line, column: e.column })}</span> {e.path ? `${e.path}: ` : ''}
                {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {runError && (
        <div role="alert" className="problem-block error">
          <p>{t(runError.kind === 'rejected' ? 'problems.rejected' : 'problems.error')}</p>
          <pre data-testid="problems.item">{runError.text}</pre>
        </div>
      )}
      {run?.warnings.map((w, i) => (
        <p key={i} className="problem-block warning">
          {t('problems.warning', { text: w })}
        </p>
      ))}
      {run?.result.notes.map((w, i) => (
        <p key={`n${i}`} className="problem-block warning">
          {w}
        </p>
      ))}
      <p className="muted small" data-testid="problems.status">
        {busy ? t('problems.running') : run ? t('problems.ran', { sim: formatSimTime(run.result.endMs), ms: run.elapsedMs }) : ''}
      </p>
    </div>
  );
}

export function EditorPane() {
  const t = useT();
  const actions = useActions();
  const text = useApp((s) => s.text);
  const errors = useApp((s) => s.parseErrors);
  const theme = useApp((s) => s.theme);
  const ready = useAfterFirstPaint();
  const fallback = (
    <div className="editor-box editor-fallback" data-testid="editor.fallback">
      <pre>{text}</pre>
      <p className="muted">{t('editor.loading')}</p>
    </div>
  );
  return (
    <section aria-label={t('editor.region')} className="panel editor-pane">
      <h2>
        {t('editor.region')} <span className="muted small">{t('editor.hint')}</span>
      </h2>
      {ready ? (
        <Suspense fallback={fallback}>
          <YamlEditor
            value={text}
            onChange={actions.setText}
            onApply={() => void actions.apply()}
            errors={errors}
            theme={theme}
            label={t('editor.region')}
          />
        </Suspense>
      ) : (
        fallback
      )}
      <Problems />
    </section>
  );
}
