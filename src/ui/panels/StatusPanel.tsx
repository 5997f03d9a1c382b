// The Job's status counters, attempts used against backoffLimit, completions progress,
// start/completion time and the raw status; plus the Job interventions (suspend/resume,
// scale parallelism), each added to the scenario at the cursor.

import { useState } from 'react';
import { stringify } from 'yaml';
import { selectJob, selectStatus } from '../../state/selectors';
import { Panel } from '../components/Panel';
import { useActions, useApp, useT } from '../hooks/store';
import { PatchButton } from './PatchDialog';

function JobActions() {
  const t = useT();
  const a = useActions();
  const status = useApp(selectStatus);
  const [parallelism, setParallelism] = useState<number | null>(null);
  if (!status) return null;
  const value = parallelism ?? status.parallelism;
  return (
    <div className="job-actions">
      <button type="button" onClick={() => void a.intervene({ kind: 'suspend', value: !status.suspended })} data-testid="status.suspend">
        {status.suspended ? t('status.resume') : t('status.suspend')}
      </button>
      <label>
        {t('status.parallelism')}{' '}
        <input type="number" min={0} max={1000} value={value} onChange={(e) => setParallelism(Math.max(0, Math.trunc(Number(e.target.value) || 0)))} />
      </label>
      <button
        type="button"
        onClick={() => {
          void a.intervene({ kind: 'scale', parallelism: value });
          setParallelism(null);
        }}
      >
        {t('status.scale')}
      </button>
      <PatchButton />
    </div>
  );
}

export function StatusPanel() {
  const t = useT();
  const status = useApp(selectStatus);
  const job = useApp(selectJob);
  if (!status || !job) {
    return (
      <Panel title={t('status.region')} id="status">
        <p className="muted">{t('status.noJob')}</p>
      </Panel>
    );
  }
  const counters = [
    ['active', status.active],
    ['ready', status.ready],
    ['succeeded', status.succeeded],
    ['failed', status.failed],
    ['terminating', status.terminating],
  ] as const;
  const progress = status.completions ? Math.min(1, status.succeeded / status.completions) : 0;
  return (
    <Panel title={t('status.region')} id="status" actions={<JobActions />}>
      {status.suspended && <p className="badge warn">{t('status.suspended')}</p>}
      <dl className="counters">
        {counters.map(([k, v]) => (
          <div key={k} className={`counter counter-${k}`} data-testid={`status.${k}`}>
            <dt>{t(`status.${k}`)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <dl className="facts">
        <div>
          <dt>{t('status.attempts')}</dt>
          <dd data-testid="status.attempts">{t('status.attemptsValue', { used: status.failed, allowed: status.attemptsAllowed, limit: status.backoffLimit })}</dd>
        </div>
        <div>
          <dt>{t('status.completions')}</dt>
          <dd>
            {status.succeeded} / {status.completions ?? t('status.none')}{' '}
            {status.completions !== null && <progress max={status.completions} value={status.succeeded} aria-label={t('status.completions')} data-progress={progress} />}
          </dd>
        </div>
        <div>
          <dt>{t('status.startTime')}</dt>
          <dd>{status.startTime ?? t('status.none')}</dd>
        </div>
        <div>
          <dt>{t('status.completionTime')}</dt>
          <dd>{status.completionTime ?? t('status.none')}</dd>
        </div>
      </dl>
      <details>
        <summary>{t('status.raw')}</summary>
        <pre className="raw">{stringify({ status: job.status })}</pre>
      </details>
    </Panel>
  );
}
