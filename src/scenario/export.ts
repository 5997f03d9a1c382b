// Exports of a run and its scenario (pure; the UI offers them as downloads): the final Job
// as `kubectl get job -o yaml` prints it, the scenario file, and a bash script of kubectl
// commands that replays the scenario's interventions on a real cluster.

import { stringify } from 'yaml';
import type { Job } from '../engine/api/types';
import { tokenize } from '../engine/kubectl/tokenize';
import { toKubectlYaml } from '../engine/kubectl/output';
import type { RunResult } from '../engine/sim/result';
import type { PodTarget, ScenarioAction, SimScenario, Workload, WorkloadOutcome } from '../engine/sim/scenario';
import { serializeScenario } from './serialize';
import type { SerializeOptions } from './serialize';
import { isObj } from './values';

/** The final Job of a run, as `kubectl get job <name> -o yaml` prints it. */
export function exportJobYaml(run: RunResult | Job): string {
  return toKubectlYaml('ok' in run ? run.job : run);
}

/** The scenario file, every field written out (use `minimal` for only what differs from defaults). */
export function exportScenarioFile(s: SimScenario, opts: SerializeOptions = {}): string {
  return serializeScenario(s, opts);
}

/** Single-quotes a word for bash. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function jobName(s: SimScenario): string {
  const meta = isObj(s.job) && isObj(s.job.metadata) ? s.job.metadata : {};
  return typeof meta.name === 'string' && meta.name !== '' ? meta.name : 'job';
}

export function jobNamespace(s: SimScenario): string {
  const meta = isObj(s.job) && isObj(s.job.metadata) ? s.job.metadata : {};
  return typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
}

function seconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

function outcomeText(o: Partial<WorkloadOutcome>): string {
  const parts: string[] = [];
  if (o.startupSeconds !== undefined) parts.push(`starts after ${o.startupSeconds}s`);
  if (o.durationSeconds !== undefined) parts.push(`runs ${o.durationSeconds}s`);
  if (o.exitCode !== undefined) parts.push(`exits ${o.exitCode}${o.container ? ` (container ${o.container})` : ''}`);
  if (o.conditions?.length) parts.push(`with pod conditions ${o.conditions.map((c) => `${c.type}=${c.status}`).join(', ')}`);
  if (o.terminationSeconds !== undefined) parts.push(`takes ${o.terminationSeconds}s to terminate`);
  return parts.join(', ');
}

/** The simulated workload in words, as comment lines. */
export function workloadComment(w: Workload): string[] {
  const lines = [`#   every pod: ${outcomeText(w.defaults)}`];
  for (const r of w.rules) {
    const who = [r.index && `index ${r.index.text}`, r.attempt && `attempt ${r.attempt.text}`].filter(Boolean).join(', ');
    lines.push(`#   pods of ${who || 'every index and attempt'}: ${outcomeText(r.outcome)}`);
  }
  if (w.random) {
    const d = w.random.durationSeconds;
    lines.push(`#   otherwise, at random: fails with probability ${w.random.failureProbability} (exit ${w.random.exitCodes.join(' or ')})${d ? `, runs ${d.min}-${d.max}s` : ''}`);
  }
  return lines;
}

/** `pod=$(...)`: the pod an action targets, like the playground picks it. */
function podLookup(t: PodTarget): string {
  if (t.name !== undefined) return `pod=pod/${shellQuote(t.name)}   # a playground pod name: real pods get other random suffixes`;
  if (t.index !== undefined) return `pod=$(pod_of_index ${t.index})`;
  return 'pod=$(oldest_running_pod)';
}

function json(v: unknown): string {
  return shellQuote(JSON.stringify(v));
}

function podAction(a: ScenarioAction & { target: PodTarget }, body: string[]): string[] {
  return [podLookup(a.target), 'if [ -z "$pod" ]; then echo "  no such running pod (the playground records no-target)"; else', ...body.map((l) => `  ${l}`), 'fi'];
}

export interface ScriptOptions {
  /** Express failPod through an annotation that a KWOK Stage turns into the exit (kind + KWOK recipe). */
  failPodAnnotation?: string;
}

/** The shell lines of one action (after its `sleep`). */
export function actionLines(a: ScenarioAction, opts: ScriptOptions = {}): string[] {
  switch (a.kind) {
    case 'failPod':
      if (opts.failPodAnnotation !== undefined) {
        return podAction(a, [`run kubectl annotate -n "$NS" "$pod" ${opts.failPodAnnotation}=${a.exitCode}`]);
      }
      return podAction(a, [`echo "  failPod: kubectl cannot make a container exit; make the workload of $pod exit ${a.exitCode} now"`]);
    case 'disruptPod': {
      const note = a.reason === 'EvictionByEvictionAPI' ? [] : [`# reason ${a.reason} cannot be produced on purpose; an eviction gives EvictionByEvictionAPI`];
      return [...note, ...podAction(a, [
        `run kubectl create --raw "/api/v1/namespaces/$NS/pods/\${pod#pod/}/eviction" -f - <<<"{\\"apiVersion\\":\\"policy/v1\\",\\"kind\\":\\"Eviction\\",\\"metadata\\":{\\"name\\":\\"\${pod#pod/}\\"}}"`,
      ])];
    }
    case 'deletePod':
      return podAction(a, [`run kubectl delete -n "$NS" "$pod" --wait=false${a.gracePeriodSeconds !== undefined ? ` --grace-period=${a.gracePeriodSeconds}` : ''}`]);
    case 'setPodCondition': {
      const cond = { type: a.type, status: a.status, ...(a.reason !== undefined && { reason: a.reason }), ...(a.message !== undefined && { message: a.message }) };
      return podAction(a, [`run kubectl patch -n "$NS" "$pod" --subresource=status --type=strategic -p ${json({ status: { conditions: [cond] } })}`]);
    }
    case 'suspend':
      return [`run kubectl patch job -n "$NS" "$JOB" --type=merge -p ${json({ spec: { suspend: a.value } })}`];
    case 'scale':
      return [`run kubectl patch job -n "$NS" "$JOB" --type=merge -p ${json({ spec: { parallelism: a.parallelism, completions: a.completions } })}`];
    case 'patchJob':
      return [`run kubectl patch job -n "$NS" "$JOB" --type=${a.patchType} -p ${json(a.patch)}`];
    case 'kubectl':
      return kubectlLine(a.command);
    case 'deleteJob':
      return [`run kubectl delete job -n "$NS" "$JOB" --wait=false --cascade=${(a.propagationPolicy ?? 'Background').toLowerCase()}`];
    case 'applyJob':
      return ['run kubectl apply -n "$NS" -f - <<\'JOB_PLAYGROUND_MANIFEST\'', stringify(a.manifest).trimEnd(), 'JOB_PLAYGROUND_MANIFEST'];
  }
}

function kubectlLine(command: string): string[] {
  const t = tokenize(command);
  if (!t.ok) return [`# kubectl ${command.replace(/\n/g, ' ')}`, `# (not replayed: ${t.error})`];
  const words = t.words[0] === 'kubectl' ? t.words.slice(1) : t.words;
  const hasNs = words.some((w) => /^(-n|--namespace(=.*)?|-A|--all-namespaces)$/.test(w) || /^-n./.test(w));
  return [`run kubectl${hasNs ? '' : ' -n "$NS"'} ${words.map(shellQuote).join(' ')}`];
}

/** The action timeline: wait until each action's time (whole seconds since the apply), then act. */
export function timelineLines(s: SimScenario, opts: ScriptOptions = {}): string[] {
  return s.actions.flatMap((a) => ['', `wait_until ${Math.ceil(a.atMs / 1000)}`, `echo "t=${seconds(a.atMs)}s: ${a.kind}"`, ...actionLines(a, opts)]);
}

/** Shell helpers the action lines use (`run`, pod lookups) and the final wait. */
export const SCRIPT_HELPERS = [
  '# A rejected command does not stop the replay: the playground records it and goes on.',
  'run() { "$@" || echo "  (kubectl failed; the playground records a rejected action and goes on)" >&2; }',
  '# Sleeps until $1 seconds after the Job was applied (bash counts SECONDS from SECONDS=0).',
  'wait_until() { local d=$(( $1 - SECONDS )); if [ "$d" -gt 0 ]; then sleep "$d"; fi; }',
  'pod_of_index() { kubectl get pods -n "$NS" -l "batch.kubernetes.io/job-name=$JOB,batch.kubernetes.io/job-completion-index=$1" --field-selector=status.phase=Running -o name | head -n 1; }',
  'oldest_running_pod() { kubectl get pods -n "$NS" -l "batch.kubernetes.io/job-name=$JOB" --field-selector=status.phase=Running --sort-by=.metadata.creationTimestamp -o name | head -n 1; }',
];

export function finalLines(s: SimScenario): string[] {
  const wait = typeof s.until === 'number'
    ? [`# The scenario stops at t=${seconds(s.until)}s.`, `wait_until ${Math.ceil(s.until / 1000)}`]
    : [
      'echo "waiting for the Job to finish (Complete or Failed; 1 h at most)..."',
      'for _ in $(seq 1 1800); do',
      '  conds=$(kubectl get job -n "$NS" "$JOB" -o jsonpath=\'{.status.conditions[?(@.status=="True")].type}\' 2>/dev/null) || break',
      '  case " $conds " in *" Complete "*|*" Failed "*) break ;; esac',
      '  sleep 2',
      'done',
    ];
  return ['', ...wait, 'kubectl get job -n "$NS" "$JOB" -o yaml || echo "the Job is gone (deleted, or cleaned up by its TTL)"'];
}

/** A bash script that applies the Job and replays the scenario's actions on a real cluster. */
export function exportKubectlScript(s: SimScenario): string {
  const lines = [
    '#!/usr/bin/env bash',
    `# Replays the Job Playground scenario "${s.name}" on a real cluster with kubectl.`,
    '#',
    '# What a real cluster cannot replay exactly:',
    '# - Pod outcomes (start-up, run time, exit codes, pod conditions) come from your containers,',
    '#   not from the scenario: make the workload behave as simulated (for example',
    '#   command: ["sh", "-c", "sleep 10; exit 1"]), or use the kind + KWOK recipe instead.',
    '#   The simulated workload was:',
    ...workloadComment(s.workload),
    '# - Timings are approximate: actions run at whole seconds after the apply returned, and',
    '#   scheduling, image pulls and API latency shift a real run by seconds.',
    '# - Pod names differ (random suffixes): pod actions pick the running pod of an index, or the',
    '#   oldest running pod of the Job, as the playground does.',
    '# - failPod cannot be forced with kubectl; the script says when to make the container exit.',
    `# - The simulated clock starts at ${s.clockStart}; the real one is now.`,
    'set -uo pipefail',
    `NS="\${NS:-${jobNamespace(s)}}"`,
    `JOB=${shellQuote(jobName(s))}`,
    ...SCRIPT_HELPERS,
    '',
    'echo "t=0s: apply the Job"',
    'kubectl apply -n "$NS" -f - <<\'JOB_PLAYGROUND_MANIFEST\' || exit 1',
    stringify(s.job).trimEnd(),
    'JOB_PLAYGROUND_MANIFEST',
    'SECONDS=0',
    ...timelineLines(s),
    ...finalLines(s),
  ];
  return `${lines.join('\n')}\n`;
}
