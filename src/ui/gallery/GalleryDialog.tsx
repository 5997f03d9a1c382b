// The examples gallery: every bundled example with its title and "what to watch" in the
// current language and its expect block as "what you should see". Loading one opens it
// as a session: the current text stays on the undo stack and the draft stays saved.

import { EXAMPLES } from '../../scenario/examples';
import type { ShareStore } from '../../state/shareSlice';
import { useApp, useT } from '../hooks/store';
import { Modal } from '../share/Modal';
import { exampleTexts, expectBlock } from './expectBlock';

export function GalleryDialog({ open, onClose, store }: { open: boolean; onClose: () => void; store: ShareStore }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const load = (id: string, text: string) => {
    onClose();
    void store.getState().loadScenario(text, { source: 'example', exampleId: id });
  };
  return (
    <Modal open={open} onClose={onClose} title={t('gallery.title')} testId="gallery.dialog">
      <p className="muted small">{t('gallery.intro')}</p>
      {/* Built only while open: the expect blocks parse every example's YAML (tens of ms per render). */}
      {open && (
        <ul className="jp-gallery">
          {EXAMPLES.map((e) => {
            const texts = exampleTexts(e, lang);
            return (
              <li key={e.id} data-testid="gallery.item" data-id={e.id}>
                <h3>{texts.title}</h3>
                <p className="small">{texts.description}</p>
                <p className="small">
                  <strong>{t('gallery.watch')}</strong> {texts.whatToWatch}
                </p>
                <details>
                  <summary>{t('gallery.expect')}</summary>
                  <pre className="jp-pre">{expectBlock(e.text)}</pre>
                </details>
                <button type="button" className="primary" onClick={() => load(e.id, e.text)} aria-label={t('gallery.loadLabel', { title: texts.title })}>
                  {t('gallery.load')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Modal>
  );
}
