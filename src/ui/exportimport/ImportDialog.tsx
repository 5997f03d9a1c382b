// "Import": paste the output of `kubectl get job <name> -o yaml` (or -o json); it becomes a
// new scenario opened as a session (the draft stays saved, the current text is undoable).

import { useState } from 'react';
import { importKubectlJob } from '../../scenario/import';
import type { ShareStore } from '../../state/shareSlice';
import { useT } from '../hooks/store';
import { Modal } from '../share/Modal';

const MAX_IMPORT_CHARS = 1_000_000;

export function ImportDialog({ open, onClose, store }: { open: boolean; onClose: () => void; store: ShareStore }) {
  const t = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const submit = () => {
    if (text.length > MAX_IMPORT_CHARS) {
      setError(t('import.tooLong', { n: text.length, limit: MAX_IMPORT_CHARS }));
      return;
    }
    const res = importKubectlJob(text);
    if (!res.ok) {
      setError(t('import.failed', { message: res.message }));
      return;
    }
    setText('');
    close();
    void store.getState().loadScenario(res.scenarioText, { source: 'import' });
  };
  return (
    <Modal open={open} onClose={close} title={t('import.title')} testId="import.dialog">
      <label className="jp-field">
        <span>{t('import.label')}</span>
        <textarea rows={14} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} data-testid="import.text" />
      </label>
      {error !== null && (
        <p role="alert" className="problem-block error" data-testid="import.error">
          {error}
        </p>
      )}
      <div className="jp-actions">
        <button type="button" className="primary" onClick={submit} disabled={text.trim() === ''}>
          {t('import.submit')}
        </button>
      </div>
    </Modal>
  );
}
