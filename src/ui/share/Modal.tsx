// A modal dialog on the native <dialog> (focus trapping and Escape for free), shared by
// the Share, Embed, Examples, Export and Import dialogs.

import { useId, type ReactNode } from 'react';
import { useNativeDialog } from '../hooks/useNativeDialog';
import { useT } from '../hooks/store';
import './share.css';

export function Modal({ open, onClose, title, testId, children }: { open: boolean; onClose: () => void; title: string; testId: string; children: ReactNode }) {
  const t = useT();
  const ref = useNativeDialog(open);
  const titleId = useId();
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby={titleId} className="jp-modal" data-testid={testId}>
      <header className="jp-modal-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" onClick={onClose} aria-label={t('share.close')}>
          ×
        </button>
      </header>
      {open && <div className="jp-modal-body">{children}</div>}
    </dialog>
  );
}
