// "Export": the final Job as kubectl prints it, the scenario file, a kubectl replay script
// and a kind+KWOK recipe, each saved as a download from a Blob (nothing leaves the page).

import { useState } from 'react';
import type { MessageKey } from '../../i18n';
import { useAppStore, useT } from '../hooks/store';
import { downloadText } from '../share/clipboard';
import { Modal } from '../share/Modal';
import { EXPORT_KINDS, buildExport, type ExportKind } from './exports';

const LABELS: Record<ExportKind, [MessageKey, MessageKey]> = {
  job: ['export.job', 'export.job.hint'],
  scenario: ['export.scenario', 'export.scenario.hint'],
  script: ['export.script', 'export.script.hint'],
  kwok: ['export.kwok', 'export.kwok.hint'],
};

export function ExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const app = useAppStore();
  const [error, setError] = useState<string | null>(null);
  const save = (kind: ExportKind) => {
    const { text, run } = app.getState();
    const file = buildExport(kind, text, run?.data ?? null);
    if (!file.ok) {
      setError(t(`export.error.${file.reason}`, { detail: file.detail }));
      return;
    }
    setError(null);
    downloadText(file.filename, file.text, file.type);
  };
  return (
    <Modal open={open} onClose={() => (setError(null), onClose())} title={t('export.title')} testId="export.dialog">
      <ul className="jp-list">
        {EXPORT_KINDS.map((k) => (
          <li key={k}>
            <button type="button" onClick={() => save(k)} data-testid={`export.${k}`}>
              {t(LABELS[k][0])}
            </button>
            <span className="muted small"> {t(LABELS[k][1])}</span>
          </li>
        ))}
      </ul>
      {error !== null && (
        <p role="alert" className="problem-block error" data-testid="export.error">
          {error}
        </p>
      )}
    </Modal>
  );
}
