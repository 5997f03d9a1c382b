// The kind + KWOK recipe of a scenario: a real API server and Job controller (kind), with
// KWOK faking the node and the kubelet so that pods "run" with the scenario's durations and
// exit codes (KWOK Stage resources, kwok.x-k8s.io/v1alpha1). Pure text generation.

import { stringify } from 'yaml';
import type { IntSet, SimScenario, WorkloadOutcome, WorkloadRule } from '../engine/sim/scenario';
import { finalLines, jobName, jobNamespace, SCRIPT_HELPERS, shellQuote, timelineLines, workloadComment } from './export';
import { isObj } from './values';
import { jsonClone } from '../engine/api/json_clone';

const FAIL_ANNOTATION = 'job-playground.dev/fail-exit-code';
const INDEX_KEY = '.metadata.labels["batch.kubernetes.io/job-completion-index"]';
const FAILURE_COUNT_KEY = '.metadata.annotations["batch.kubernetes.io/job-index-failure-count"]';
const MAX_SET_VALUES = 200;

interface Expr { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }
type JobSpec = Record<string, unknown>;

function values(set: IntSet): string[] | null {
  const out: string[] = [];
  for (const [lo, hi] of set.ranges) for (let i = lo; i <= hi; i++) {
    if (out.length >= MAX_SET_VALUES) return null;
    out.push(String(i));
  }
  return out;
}

/** The one selector expression a rule needs, or why KWOK cannot tell its pods apart. */
function ruleExpr(r: WorkloadRule, spec: JobSpec): Expr | string {
  if (r.index && r.attempt) return 'a rule with both index and attempt needs two conditions, which the other stages cannot exclude';
  if (r.index) {
    if (spec.completionMode !== 'Indexed') return 'index rules only apply to Indexed Jobs';
    const v = values(r.index);
    return v ? { key: INDEX_KEY, operator: 'In', values: v } : `index set ${r.index.text} is too large`;
  }
  if (r.attempt) {
    if (spec.backoffLimitPerIndex === undefined) return 'pods carry no attempt number (only with backoffLimitPerIndex: the failure-count annotation)';
    const v = values(r.attempt);
    return v ? { key: FAILURE_COUNT_KEY, operator: 'In', values: v } : `attempt set ${r.attempt.text} is too large`;
  }
  return 'a rule without index or attempt matches every pod';
}

const running: Expr[] = [{ key: '.metadata.deletionTimestamp', operator: 'DoesNotExist' }, { key: '.status.phase', operator: 'In', values: ['Running'] }];
/** Running and not told to fail now (so that the exit stages and fail-now never both match). */
const runningOn: Expr[] = [...running, { key: `.metadata.annotations["${FAIL_ANNOTATION}"]`, operator: 'DoesNotExist' }];

function stage(name: string, job: string, selector: Expr[], delayMs: number, next: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const sel = [{ key: '.metadata.labels["batch.kubernetes.io/job-name"]', operator: 'In', values: [job] }, ...selector];
  return { apiVersion: 'kwok.x-k8s.io/v1alpha1', kind: 'Stage', metadata: { name }, spec: { resourceRef: { apiGroup: 'v1', kind: 'Pod' }, selector: { matchExpressions: sel }, ...extra, delay: { durationMilliseconds: delayMs }, next } };
}

/** A Go template for the pod status once its containers exited (`exit` is a number or a template). */
function exitedStatus(phase: 'Succeeded' | 'Failed', exit: string, o: Partial<WorkloadOutcome>): string {
  const conds = (o.conditions ?? []).map((c) => `- type: ${JSON.stringify(c.type)}\n  status: ${JSON.stringify(c.status)}\n  lastTransitionTime: {{ $now | Quote }}\n`).join('');
  const target = o.container === undefined ? '{{ if eq $i 0 }}' : `{{ if eq $c.name ${JSON.stringify(o.container)} }}`;
  return `{{ $now := Now }}
phase: ${phase}
conditions:
- {type: Ready, status: "False", reason: PodCompleted, lastTransitionTime: {{ $now | Quote }}}
- {type: ContainersReady, status: "False", reason: PodCompleted, lastTransitionTime: {{ $now | Quote }}}
${conds}containerStatuses:
{{ range $i, $c := .spec.containers }}
- name: {{ $c.name | Quote }}
  image: {{ $c.image | Quote }}
  ready: false
  restartCount: 0
  state:
    terminated:
      exitCode: ${target}${exit}{{ else }}0{{ end }}
      reason: ${phase === 'Succeeded' ? 'Completed' : 'Error'}
      finishedAt: {{ $now | Quote }}
{{ end }}
`;
}

const RUNNING_STATUS = `{{ $now := Now }}
phase: Running
startTime: {{ $now | Quote }}
hostIP: {{ NodeIPWith .spec.nodeName | Quote }}
podIP: {{ PodIPWith .spec.nodeName false .metadata.uid .metadata.name .metadata.namespace | Quote }}
conditions:
- {type: Initialized, status: "True", lastTransitionTime: {{ $now | Quote }}}
- {type: Ready, status: "True", lastTransitionTime: {{ $now | Quote }}}
- {type: ContainersReady, status: "True", lastTransitionTime: {{ $now | Quote }}}
- {type: PodScheduled, status: "True", lastTransitionTime: {{ $now | Quote }}}
containerStatuses:
{{ range .spec.containers }}
- {name: {{ .name | Quote }}, image: {{ .image | Quote }}, ready: true, started: true, restartCount: 0, state: {running: {startedAt: {{ $now | Quote }}}}}
{{ end }}
`;

function exitStages(s: SimScenario, job: string, notes: string[]): Array<Record<string, unknown>> {
  const spec: JobSpec = isObj(s.job) && isObj(s.job.spec) ? s.job.spec : {};
  const out: Array<Record<string, unknown>> = [];
  const earlier: Expr[] = [];
  s.workload.rules.forEach((r, i) => {
    const e = ruleExpr(r, spec);
    if (typeof e === 'string') return void notes.push(`# - workload rule ${i} is not expressed: ${e}.`);
    const o = { ...s.workload.defaults, ...r.outcome };
    if (r.outcome.startupSeconds !== undefined) notes.push(`# - workload rule ${i}: its startupSeconds is not expressed (every pod starts after ${s.workload.defaults.startupSeconds}s).`);
    const phase = o.exitCode === 0 ? 'Succeeded' : 'Failed';
    out.push(stage(`${job}-rule-${i}`, job, [...runningOn, ...earlier, e], o.durationSeconds * 1000, { statusTemplate: exitedStatus(phase, String(o.exitCode), o) }));
    earlier.push({ ...e, operator: 'NotIn' });
  });
  const d = s.workload.defaults;
  const rnd = s.workload.random;
  if (!rnd || rnd.failureProbability === 0) {
    out.push(stage(`${job}-default`, job, [...runningOn, ...earlier], d.durationSeconds * 1000, { statusTemplate: exitedStatus(d.exitCode === 0 ? 'Succeeded' : 'Failed', String(d.exitCode), d) }));
    return out;
  }
  // KWOK picks one of several matching stages at random, by weight.
  const ms = rnd.durationSeconds ? { min: rnd.durationSeconds.min * 1000, jitter: rnd.durationSeconds.max * 1000 } : { min: d.durationSeconds * 1000, jitter: undefined };
  const jitter = ms.jitter === undefined ? {} : { jitterDurationMilliseconds: ms.jitter };
  const pick = (name: string, weight: number, phase: 'Succeeded' | 'Failed', code: number): Record<string, unknown> => {
    const st = stage(name, job, [...runningOn, ...earlier], ms.min, { statusTemplate: exitedStatus(phase, String(code), d) }, { weight });
    const spec2 = st.spec as Record<string, unknown>;
    spec2.delay = { durationMilliseconds: ms.min, ...jitter };
    return st;
  };
  out.push(pick(`${job}-default`, Math.max(1, Math.round((1 - rnd.failureProbability) * 1000)), d.exitCode === 0 ? 'Succeeded' : 'Failed', d.exitCode));
  rnd.exitCodes.forEach((code, i) => out.push(pick(`${job}-random-fail-${i}`, Math.max(1, Math.round((rnd.failureProbability * 1000) / rnd.exitCodes.length)), 'Failed', code)));
  notes.push('# - random failures use KWOK stage weights: random, but not the playground\'s seeded sequence.');
  return out;
}

function lifecycleStages(s: SimScenario, job: string): Array<Record<string, unknown>> {
  const d = s.workload.defaults;
  // `$` is the pod: inside the template's `range` over containers, `.` is the container.
  const failNow = `{{ index $.metadata.annotations ${JSON.stringify(FAIL_ANNOTATION)} }}`;
  return [
    stage(`${job}-start`, job, [{ key: '.metadata.deletionTimestamp', operator: 'DoesNotExist' }, { key: '.status.podIP', operator: 'DoesNotExist' }], d.startupSeconds * 1000, { statusTemplate: RUNNING_STATUS }),
    stage(`${job}-fail-now`, job, [...running, { key: `.metadata.annotations["${FAIL_ANNOTATION}"]`, operator: 'Exists' }], 0, { statusTemplate: exitedStatus('Failed', failNow, d) }),
    stage(`${job}-terminate`, job, [{ key: '.metadata.deletionTimestamp', operator: 'Exists' }, { key: '.status.phase', operator: 'In', values: ['Pending', 'Running'] }], d.terminationSeconds * 1000, { statusTemplate: exitedStatus('Failed', '143', d) }),
    // The Job controller removes its tracking finalizer after counting the pod; only then may it go.
    stage(`${job}-remove`, job, [{ key: '.metadata.deletionTimestamp', operator: 'Exists' }, { key: '.metadata.finalizers', operator: 'DoesNotExist' }], 0, { delete: true }),
  ];
}

const NODE = {
  apiVersion: 'v1', kind: 'Node',
  metadata: { name: 'kwok-node-0', annotations: { 'kwok.x-k8s.io/node': 'fake', 'node.alpha.kubernetes.io/ttl': '0' }, labels: { type: 'kwok', 'kubernetes.io/hostname': 'kwok-node-0', 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' } },
  spec: { taints: [{ key: 'kwok.x-k8s.io/node', value: 'fake', effect: 'NoSchedule' }] },
  status: { allocatable: { cpu: '1000', memory: '4Ti', pods: '1000' }, capacity: { cpu: '1000', memory: '4Ti', pods: '1000' } },
};

/** The Job manifest with the scheduling constraints that put its pods on the KWOK node. */
function kwokJob(job: unknown): unknown {
  const copy: unknown = jsonClone(job ?? {});
  if (!isObj(copy)) return copy;
  const spec = isObj(copy.spec) ? copy.spec : (copy.spec = {});
  const tpl = isObj(spec.template) ? spec.template : (spec.template = {});
  const pod = isObj(tpl.spec) ? tpl.spec : (tpl.spec = {});
  pod.nodeSelector = { ...(isObj(pod.nodeSelector) ? pod.nodeSelector : {}), type: 'kwok' };
  pod.tolerations = [...(Array.isArray(pod.tolerations) ? pod.tolerations : []), { key: 'kwok.x-k8s.io/node', operator: 'Exists', effect: 'NoSchedule' }];
  return copy;
}

function limits(s: SimScenario): string[] {
  const spec: JobSpec = isObj(s.job) && isObj(s.job.spec) ? s.job.spec : {};
  const tpl = isObj(spec.template) && isObj(spec.template.spec) ? spec.template.spec : {};
  const out = [
    '# - Timings are approximate (KWOK applies stages within about a second; the Job controller',
    '#   batches syncs), and the clock is the real one, not the scenario\'s.',
  ];
  if (tpl.restartPolicy === 'OnFailure') out.push('# - restartPolicy OnFailure: these stages do not restart containers in place; pods end Failed as with Never.');
  if (s.workload.defaults.readySeconds > 0) out.push('# - readySeconds is not expressed: pods are Ready as soon as they run.');
  if (s.workload.defaults.container !== undefined) out.push('# - an init container named in the workload is not expressed: the stages only set containerStatuses.');
  if (s.actions.some((a) => a.kind === 'disruptPod' && a.reason !== 'EvictionByEvictionAPI')) out.push('# - disruptions other than EvictionByEvictionAPI cannot be produced on purpose.');
  return out;
}

/** A bash recipe: kind cluster, KWOK with the scenario's pod behaviour as Stages, the Job, the actions. */
export function exportKindKwokRecipe(s: SimScenario, opts: { kwokVersion?: string; kubernetesVersion?: string } = {}): string {
  const job = jobName(s);
  const notes: string[] = [];
  const stages = [...lifecycleStages(s, job), ...exitStages(s, job, notes)];
  const docs = [NODE, ...stages].map((d) => stringify(d, { lineWidth: 0 }).trimEnd()).join('\n---\n');
  const lines = [
    '#!/usr/bin/env bash',
    `# kind + KWOK recipe for the Job Playground scenario "${s.name}".`,
    '# kind runs a real API server and Job controller; KWOK (kwok.sigs.k8s.io) fakes a node and its',
    '# kubelet, so the pods "run" with the scenario\'s durations and exit codes, set by Stage resources.',
    '# Needs docker, kind, kubectl and network access to download KWOK.',
    '#',
    '# The simulated workload:',
    ...workloadComment(s.workload),
    '# What this recipe does not reproduce exactly:',
    ...limits(s),
    ...notes,
    '# - failPod is expressed by annotating the pod; the fail-now stage then ends it with that exit code.',
    'set -uo pipefail',
    `CLUSTER="\${CLUSTER:-job-playground}"`,
    `KWOK_VERSION="\${KWOK_VERSION:-${opts.kwokVersion ?? 'v0.7.0'}}"`,
    `kind create cluster --name "$CLUSTER" --image kindest/node:${opts.kubernetesVersion ?? 'v1.34.0'} || exit 1`,
    'kubectl apply -f "https://github.com/kubernetes-sigs/kwok/releases/download/${KWOK_VERSION}/kwok.yaml" || exit 1',
    '# stage-fast brings the node stages; its pod stages are replaced by the scenario\'s below.',
    'kubectl apply -f "https://github.com/kubernetes-sigs/kwok/releases/download/${KWOK_VERSION}/stage-fast.yaml" || exit 1',
    'kubectl delete stage pod-ready pod-complete pod-delete --ignore-not-found',
    'kubectl apply -f - <<\'JOB_PLAYGROUND_KWOK\' || exit 1',
    docs,
    'JOB_PLAYGROUND_KWOK',
    '',
    `NS="\${NS:-${jobNamespace(s)}}"`,
    `JOB=${shellQuote(job)}`,
    ...SCRIPT_HELPERS,
    '',
    'echo "t=0s: apply the Job (with a nodeSelector and toleration for the KWOK node)"',
    'kubectl apply -n "$NS" -f - <<\'JOB_PLAYGROUND_MANIFEST\' || exit 1',
    stringify(kwokJob(s.job)).trimEnd(),
    'JOB_PLAYGROUND_MANIFEST',
    'SECONDS=0',
    ...timelineLines(s, { failPodAnnotation: FAIL_ANNOTATION }),
    ...finalLines(s),
    '# Clean up with: kind delete cluster --name "$CLUSTER"',
  ];
  return `${lines.join('\n')}\n`;
}
