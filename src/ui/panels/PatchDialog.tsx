// "Patch…" on the Status panel: a merge, strategic or json patch of the Job, written into
// the scenario as a `patchJob` action at the cursor. Only the JSON shape is checked here
// (object vs list of operations); the engine's API server validates the patched Job and
// the "why" log shows a rejection.

import { useState } from 'react';
import type { MessageKey } from '../../i18n';
import { FormDialog } from '../components/FormDialog';
import { useActions, useT } from '../hooks/store';

const TYPES = ['merge', 'strategic', 'json'] as const;
type PatchType = (typeof TYPES)[number];

const EXAMPLES: Record<PatchType, string> = {
  merge: '{"spec": {"activeDeadlineSeconds": 100}}',
  strategic: '{"spec": {"parallelism": 2}}',
  json: '[{"op": "replace", "path": "/spec/parallelism", "value": 2}]',
};

/** The parsed patch, or the message key (and detail) of why it is not usable. */
export function parsePatchText(type: PatchType, text: string): { ok: true; patch: unknown } | { ok: false; key: MessageKey; message?: string } {
  let patch: unknown;
  try {
    patch = JSON.parse(text) as unknown;
  } catch (e) {
    return { ok: false, key: 'status.patchBadJson', message: e instanceof Error ? e.message : String(e) };
  }
  if (type === 'json') return Array.isArray(patch) ? { ok: true, patch } : { ok: false, key: 'status.patchNotList' };
  return typeof patch === 'object' && patch !== null && !Array.isArray(patch) ? { ok: true, patch } : { ok: false, key: 'status.patchNotObject' };
}

export function PatchButton() {
  const t = useT();
  const a = useActions();
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<PatchType>('merge');
  const [text, setText] = useState(EXAMPLES.merge);
  const [error, setError] = useState('');
  const submit = () => {
    const r = parsePatchText(type, text);
    if (!r.ok) return setError(t(r.key, { message: r.message ?? '' }));
    setOpen(false);
    void a.intervene({ kind: 'patchJob', patchType: type, patch: r.patch });
  };
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="status.patch">
        {t('status.patch')}
      </button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('status.patchTitle')}
        testId="status.patchDialog"
        onSubmit={submit}
        error={error}
        submitLabel={t('status.patchApply')}
        errorTestId="status.patchError"
      >
        <label>
          {t('status.patchType')}{' '}
          <select
            value={type}
            onChange={(e) => {
              const next = e.target.value as PatchType;
              if (text === EXAMPLES[type]) setText(EXAMPLES[next]);
              setType(next);
              setError('');
            }}
          >
            {TYPES.map((ty) => (
              <option key={ty}>{ty}</option>
            ))}
          </select>
        </label>
        <label>
          {t('status.patchText')}
          <textarea value={text} onChange={(e) => (setText(e.target.value), setError(''))} spellCheck={false} rows={6} cols={48} onKeyDown={(e) => e.stopPropagation()} />
        </label>
      </FormDialog>
    </>
  );
}
