// The header: Apply / Restart, Undo / Redo, language, theme and the shortcuts help.

import { LANGS } from '../../i18n';
import type { Lang } from '../../state/persistence';
import { useActions, useApp, useT } from '../hooks/store';
import { ToolbarExtras } from '../share/ToolbarExtras';

export function Toolbar({ onHelp }: { onHelp: () => void }) {
  const t = useT();
  const a = useActions();
  const lang = useApp((s) => s.lang);
  const theme = useApp((s) => s.theme);
  const canUndo = useApp((s) => s.past.length > 0);
  const canRedo = useApp((s) => s.future.length > 0);
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="muted small">{t('app.subtitle')}</p>
      </div>
      <nav className="toolbar" aria-label={t('app.title')}>
        <button type="button" className="primary" onClick={() => void a.apply()} aria-keyshortcuts="Control+Enter" data-testid="toolbar.apply">
          {t('toolbar.apply')}
        </button>
        <button type="button" onClick={() => void a.restart()} data-testid="toolbar.restart">
          {t('toolbar.restart')}
        </button>
        <button type="button" onClick={() => void a.undo()} disabled={!canUndo}>
          {t('toolbar.undo')}
        </button>
        <button type="button" onClick={() => void a.redo()} disabled={!canRedo}>
          {t('toolbar.redo')}
        </button>
        <ToolbarExtras />
        <label>
          <span className="sr-only">{t('toolbar.language')}</span>
          <select value={lang} onChange={(e) => a.setLang(e.target.value as Lang)} aria-label={t('toolbar.language')} data-testid="toolbar.lang">
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => a.setTheme(theme === 'dark' ? 'light' : 'dark')} aria-pressed={theme === 'dark'} aria-label={t('toolbar.theme')}>
          {theme === 'dark' ? t('theme.dark') : t('theme.light')}
        </button>
        <button type="button" onClick={onHelp} aria-keyshortcuts="?" aria-label={t('toolbar.help')}>
          ?
        </button>
      </nav>
    </header>
  );
}

export function NoticeBar() {
  const t = useT();
  const a = useActions();
  const notice = useApp((s) => s.notice);
  if (!notice) return null;
  const text = notice.key === 'discarded' ? t('notice.discarded', { n: notice.count }) : notice.text;
  return (
    <div className="notice" role="status" data-testid="notice">
      <span>{text}</span>
      <button type="button" onClick={a.dismissNotice}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
