// The footer of the small intervention dialogs: the error (if any), submit and cancel.

import { useT } from '../hooks/store';

export function DialogFooter({ error, submitLabel, onCancel, errorTestId }: { error: string; submitLabel: string; onCancel: () => void; errorTestId?: string }) {
  const t = useT();
  return (
    <>
      {error && (
        <p className="dialog-error" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      )}
      <div className="job-actions">
        <button type="submit">{submitLabel}</button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
