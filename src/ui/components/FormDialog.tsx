// The small intervention dialogs (Patch…, Add condition…): a Modal holding a form with the
// dialog's fields, the error (if any), submit and cancel.

import type { ReactNode } from 'react';
import { Modal } from '../share/Modal';
import { useT } from '../hooks/store';

interface FormDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  testId: string;
  onSubmit: () => void;
  error: string;
  submitLabel: string;
  errorTestId?: string;
  children: ReactNode;
}

export function FormDialog({ open, onClose, title, testId, onSubmit, error, submitLabel, errorTestId, children }: FormDialogProps) {
  const t = useT();
  return (
    <Modal open={open} onClose={onClose} title={title} testId={testId}>
      <form
        className="pod-dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
        {error && (
          <p className="dialog-error" role="alert" data-testid={errorTestId}>
            {error}
          </p>
        )}
        <div className="job-actions">
          <button type="submit">{submitLabel}</button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
