// "Add condition…" on a pod card: a condition type and status become a `setPodCondition`
// scenario action at the cursor (how a test or a node agent would patch pod status; a
// podFailurePolicy onPodConditions rule can then match it).

import { useState } from 'react';
import type { PodRef } from '../../state/scenarioEdit';
import { FormDialog } from '../components/FormDialog';
import { useActions, useT } from '../hooks/store';

const STATUSES = ['True', 'False', 'Unknown'] as const;
type Status = (typeof STATUSES)[number];

export function PodConditionButton({ name, pod }: { name: string; pod: PodRef }) {
  const t = useT();
  const a = useActions();
  const [open, setOpen] = useState(false);
  const [type, setType] = useState('ConfigIssue');
  const [status, setStatus] = useState<Status>('True');
  const [error, setError] = useState('');
  const submit = () => {
    const ty = type.trim();
    if (ty === '') return setError(t('pods.conditionBadType'));
    setOpen(false);
    void a.intervene({ kind: 'setPodCondition', pod, type: ty, status });
  };
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-label={t('pods.addConditionLabel', { name })} data-testid="pods.addCondition">
        {t('pods.addCondition')}
      </button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('pods.addConditionLabel', { name })}
        testId="pods.conditionDialog"
        onSubmit={submit}
        error={error}
        submitLabel={t('pods.conditionAdd')}
      >
        <label>
          {t('pods.conditionType')}{' '}
          <input value={type} onChange={(e) => (setType(e.target.value), setError(''))} spellCheck={false} autoComplete="off" onKeyDown={(e) => e.stopPropagation()} />
        </label>
        <label>
          {t('pods.conditionStatus')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as Status)}>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      </FormDialog>
    </>
  );
}
