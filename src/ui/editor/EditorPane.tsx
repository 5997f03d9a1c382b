// The scenario region: the lazily loaded Monaco editor plus the problems list (scenario
// errors with positions, the API's rejection, run notes). The previous run stays on
// screen while the text is invalid.

import { Suspense, lazy, useMemo, useState } from 'react';
import { jobChanged } from '../../state/applyEdit';
import { useActions, useApp, useT } from '../hooks/store';
import { useAfterFirstPaint } from '../hooks/useAfterFirstPaint';
import { formatSimTime } from '../format';

const YamlEditor = lazy(() => import('./YamlEditor'));

/**
 * On a phone-sized screen Monaco (about 1 MB gzip to fetch and parse) loads only when the
 * person asks to edit: on a slow phone parsing it is most of the first view's blocking
 * time (Lighthouse mobile, docs/stack.md §7). Wider screens load it after the first paint.
 */
const SMALL_SCREEN = '(max-width: 900px)';

function useEditorLoad(): { load: boolean; asked: boolean; ask: () => void; waiting: boolean } {
  const afterPaint = useAfterFirstPaint();
  const [small] = useState(() => (typeof window !== 'undefined' && window.matchMedia?.(SMALL_SCREEN).matches) ?? false);
  const [asked, setAsked] = useState(false);
  return { load: afterPaint && (!small || asked), asked, ask: () => setAsked(true), waiting: small && !asked };
}

/** The Job was edited: say what Apply and Restart will do (edits of the Job do not auto-run). */
function JobEditedHint() {
  const t = useT();
  const text = useApp((s) => s.text);
  const lastRunText = useApp((s) => s.lastRunText);
  const atStart = useApp((s) => s.cursorMs === 0);
  // At 0:00 the hint is hidden: skip parsing both texts on every keystroke.
  const changed = useMemo(() => !atStart && lastRunText !== null && jobChanged(lastRunText, text), [text, lastRunText, atStart]);
  if (!changed) return null;
  return (
    <p className="problem-block" role="status" data-testid="editor.jobEdited">
      {t('editor.jobEdited')}
    </p>
  );
}

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
      {busy ? (
        <RunProgress />
      ) : (
        <p className="muted small" data-testid="problems.status">
          {run ? t('problems.ran', { sim: formatSimTime(run.result.endMs), ms: run.elapsedMs }) : ''}
        </p>
      )}
    </div>
  );
}

/** While a run is in progress: how far it has got, and a way to stop it (the store's cancelRun). */
function RunProgress() {
  const t = useT();
  const actions = useActions();
  const progress = useApp((s) => s.progress);
  return (
    <p className="muted small" data-testid="problems.status">
      <span data-testid="problems.progress">
        {progress ? t('editor.progress', { sim: formatSimTime(progress.simMs), events: progress.events }) : t('problems.running')}
      </span>{' '}
      <button type="button" data-testid="editor.cancel" onClick={() => actions.cancelRun()}>
        {t('editor.cancel')}
      </button>
    </p>
  );
}

export function EditorPane() {
  const t = useT();
  const actions = useActions();
  const text = useApp((s) => s.text);
  const errors = useApp((s) => s.parseErrors);
  const theme = useApp((s) => s.theme);
  const lang = useApp((s) => s.lang);
  const rejection = useApp((s) => (s.runError?.kind === 'rejected' ? s.runError.text : null));
  const editor = useEditorLoad();
  const fallback = editor.waiting ? (
    <div className="editor-box editor-fallback" data-testid="editor.fallback">
      <p>
        <button type="button" className="primary" data-testid="editor.edit" onClick={editor.ask}>
          {t('editor.edit')}
        </button>{' '}
        <span className="muted small">{t('editor.editHint')}</span>
      </p>
      {/* A click into the text loads the editor too (keyboard: the Edit button). */}
      <pre onClick={editor.ask}>{text}</pre>
    </div>
  ) : (
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
      {editor.load ? (
        <Suspense fallback={fallback}>
          <YamlEditor
            value={text}
            onChange={actions.setText}
            onApply={() => void actions.apply()}
            errors={errors}
            rejection={rejection}
            lang={lang}
            theme={theme}
            label={t('editor.region')}
            autoFocus={editor.asked}
          />
        </Suspense>
      ) : (
        fallback
      )}
      <JobEditedHint />
      <Problems />
    </section>
  );
}
