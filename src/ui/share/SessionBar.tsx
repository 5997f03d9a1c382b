// The banner under the header while a shared link, an example or an import is open (the
// draft is kept: "Back to my draft" / "Keep this as my draft"), with an example's "what
// to watch" and its expect block; and the message for a share link that failed to open.

import type { ShareStore } from '../../state/shareSlice';
import { exampleById, exampleTexts, expectBlock } from '../gallery/expectBlock';
import { useApp, useT } from '../hooks/store';
import { useShare, useShareStore } from './context';
import './share.css';

export function SessionBar() {
  const store = useShareStore();
  return store ? <SessionBarInner store={store} /> : null;
}

function SessionBarInner({ store }: { store: ShareStore }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const session = useShare(store, (s) => s.session);
  const linkError = useShare(store, (s) => s.linkError);
  const { backToDraft, keepAsDraft, dismissLinkError } = store.getState();
  const example = exampleById(session?.exampleId);
  const texts = example ? exampleTexts(example, lang) : null;
  const expectText = example ? expectBlock(example.text) : '';
  return (
    <>
      {linkError !== null && (
        <div className="notice jp-session error" role="alert" data-testid="share.error">
          <span>{t('share.badLink', { message: linkError })}</span>
          <button type="button" onClick={dismissLinkError}>
            {t('notice.dismiss')}
          </button>
        </div>
      )}
      {session !== null && (
        <div className="notice jp-session" role="status" data-testid="session.bar" data-source={session.source}>
          <div className="jp-session-text">
            <strong>{texts ? t('session.exampleTitled', { title: texts.title }) : t(`session.${session.source}`)}</strong>
            <span className="muted small"> {t('session.draftKept')}</span>
            {texts && (
              <p className="small" data-testid="session.watch">
                <strong>{t('gallery.watch')}</strong> {texts.whatToWatch}
              </p>
            )}
            {expectText !== '' && (
              <details>
                <summary>{t('gallery.expect')}</summary>
                <pre className="jp-pre" data-testid="session.expect">
                  {expectText}
                </pre>
              </details>
            )}
          </div>
          <div className="jp-actions">
            <button type="button" onClick={() => void backToDraft()} data-testid="session.back">
              {t('session.back')}
            </button>
            <button type="button" onClick={keepAsDraft}>
              {t('session.keep')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
