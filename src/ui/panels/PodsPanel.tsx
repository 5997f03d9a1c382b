// Pod cards at the cursor: phase (colour plus a text label and a shape), readiness,
// completion index, attempt, exit code, restarts, terminating; and the interventions on
// a pod (fail with an exit code, evict, delete, add a condition), each added to the
// scenario at the cursor. Cards are grouped (active, terminating, finished) and a badge
// tells when more pods run than parallelism (deleted pods still terminating).
// Above POD_CARD_LIMIT pods the panel draws a canvas (ui/canvas/PodCanvas.tsx) instead.

import { useState } from 'react';
import type { PodView } from '../../state/derive';
import { groupPods, overParallelism, type PodGroup } from '../../state/podGroups';
import type { PodRef } from '../../state/scenarioEdit';
import { POD_CARD_LIMIT, selectFrame, selectJob, selectNonTerminalCount, selectPodCount, selectPodViews, selectRunData } from '../../state/selectors';
import { PodCanvas } from '../canvas/PodCanvas';
import type { MessageKey } from '../../i18n';
import { Panel } from '../components/Panel';
import { useActions, useApp, useT } from '../hooks/store';
import { PodConditionButton } from './PodConditionDialog';

/** Shapes make the phase readable without colour. */
const PHASE_SHAPE: Record<string, string> = { Pending: '◌', Running: '●', Succeeded: '✔', Failed: '✖', Unknown: '?' };

function podRef(p: PodView): PodRef {
  return p.index !== null ? { index: p.index } : { name: p.name };
}

function PodCard({ pod }: { pod: PodView }) {
  const t = useT();
  const a = useActions();
  const [exitCode, setExitCode] = useState(1);
  const live = !pod.terminating && (pod.phase === 'Running' || pod.phase === 'Pending');
  // failPod and disruptPod act on a running pod (scenario-format.md); delete works on any live pod.
  const running = live && pod.phase === 'Running';
  const phaseText = t(`phase.${pod.phase}` as MessageKey);
  return (
    <li
      className={`pod-card phase-${pod.phase}${pod.terminating ? ' terminating' : ''}`}
      data-testid="pods.card"
      data-phase={pod.phase}
      aria-label={`${pod.name}: ${phaseText}`}
    >
      <div className="pod-title">
        <span className="shape" aria-hidden="true">
          {PHASE_SHAPE[pod.phase] ?? '?'}
        </span>
        <span className="pod-name">{pod.name}</span>
      </div>
      <dl className="pod-facts">
        <div>
          <dt className="sr-only">phase</dt>
          <dd className="phase-label" data-testid="pods.phase">
            {phaseText}
          </dd>
        </div>
        <div>
          <dt className="sr-only">ready</dt>
          <dd>{pod.ready ? t('pods.ready') : t('pods.notReady')}</dd>
        </div>
        {pod.index !== null && (
          <div>
            <dt>{t('pods.index')}</dt>
            <dd>{pod.index}</dd>
          </div>
        )}
        {pod.attempt !== null && (
          <div>
            <dt>{t('pods.attempt')}</dt>
            <dd>{pod.attempt}</dd>
          </div>
        )}
        {pod.exitCode !== null && (
          <div>
            <dt>{t('pods.exitCode')}</dt>
            <dd data-testid="pods.exitCode">{pod.exitCode}</dd>
          </div>
        )}
        {pod.restarts > 0 && (
          <div>
            <dt>{t('pods.restarts')}</dt>
            <dd>{pod.restarts}</dd>
          </div>
        )}
      </dl>
      {(pod.terminating || pod.disrupted) && (
        <p className="badges">
          {pod.terminating && <span className="badge warn">{t('pods.terminating')}</span>}
          {pod.disrupted && <span className="badge">{t('pods.disrupted')}</span>}
        </p>
      )}
      {live && (
        <div className="pod-actions">
          {running && (
            <>
              <input
                type="number"
                min={0}
                max={255}
                value={exitCode}
                onChange={(e) => setExitCode(Math.max(0, Math.min(255, Math.trunc(Number(e.target.value) || 0))))}
                aria-label={t('pods.exitCodeFor', { name: pod.name })}
              />
              <button
                type="button"
                onClick={() => void a.intervene({ kind: 'failPod', pod: podRef(pod), exitCode })}
                aria-label={t('pods.failLabel', { name: pod.name })}
              >
                {t('pods.fail')}
              </button>
              <button
                type="button"
                onClick={() => void a.intervene({ kind: 'disruptPod', pod: podRef(pod) })}
                aria-label={t('pods.evictLabel', { name: pod.name })}
              >
                {t('pods.evict')}
              </button>
            </>
          )}
          <button
            type="button"
            onClick={() => void a.intervene({ kind: 'deletePod', pod: { name: pod.name } })}
            aria-label={t('pods.deleteLabel', { name: pod.name })}
          >
            {t('pods.delete')}
          </button>
          <PodConditionButton name={pod.name} pod={podRef(pod)} />
        </div>
      )}
    </li>
  );
}

const GROUP_KEY = { active: 'pods.groupActive', terminating: 'pods.groupTerminating', finished: 'pods.groupFinished' } as const;

function PodCards() {
  const t = useT();
  const groups = groupPods(useApp(selectPodViews));
  return (
    <>
      {(['active', 'terminating', 'finished'] as const satisfies readonly PodGroup[]).map((g) =>
        groups[g].length === 0 ? null : (
          <div key={g} role="group" aria-label={t(GROUP_KEY[g], { n: groups[g].length })} data-testid={`pods.group.${g}`}>
            <h3 className="small pod-group-title">{t(GROUP_KEY[g], { n: groups[g].length })}</h3>
            <ul className="pod-grid">
              {groups[g].map((p) => (
                <PodCard key={p.name} pod={p} />
              ))}
            </ul>
          </div>
        ),
      )}
    </>
  );
}

/** "N pods > parallelism P": deleted pods still terminating next to their replacements. */
function OverParallelism() {
  const t = useT();
  const over = overParallelism(useApp(selectNonTerminalCount), useApp((s) => selectJob(s)?.spec.parallelism));
  if (!over) return null;
  return (
    <div className="over-parallelism" data-testid="pods.overParallelism">
      <span className="badge warn">{t('pods.overParallelism', over)}</span>
      <p className="muted small">{t('pods.overParallelismHelp')}</p>
    </div>
  );
}

/** Above POD_CARD_LIMIT pods: one canvas instead of thousands of cards. */
function PodMap() {
  const frame = useApp(selectFrame);
  const data = useApp(selectRunData);
  const theme = useApp((s) => s.theme);
  return data ? <PodCanvas data={data} pods={frame.pods} theme={theme} /> : null;
}

export function PodsPanel() {
  const t = useT();
  const count = useApp(selectPodCount);
  return (
    <Panel title={t('pods.region')} id="pods" actions={<span className="muted small">{t('pods.count', { n: count })}</span>}>
      <OverParallelism />
      {count === 0 ? <p className="muted">{t('pods.empty')}</p> : count <= POD_CARD_LIMIT ? <PodCards /> : <PodMap />}
    </Panel>
  );
}
