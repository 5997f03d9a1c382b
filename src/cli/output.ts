// What the headless runner prints: the `--output json` document of scenario-format.md,
// the final Job as JSON (`status`) or as `kubectl get job -o yaml` prints it (`yaml`).

import type { Job } from '../engine/api/types';
import { toKubectlYaml } from '../engine/kubectl/output';
import type { RunResult } from '../engine/sim/result';

/** The Job with its top-level keys in a stable order (apiVersion, kind, metadata, spec, status, rest). */
export function orderedJob(job: Job): Record<string, unknown> {
  const src: Record<string, unknown> = { ...job };
  const out: Record<string, unknown> = {};
  for (const k of ['apiVersion', 'kind', 'metadata', 'spec', 'status']) {
    if (k in src) out[k] = src[k];
  }
  for (const [k, v] of Object.entries(src)) if (!(k in out)) out[k] = v;
  return out;
}

/** The `--output json` document: exactly the contract's keys, in the contract's order. */
export function jsonDocument(r: RunResult): Record<string, unknown> {
  return {
    scenario: r.scenario,
    finished: r.finished,
    finishedAtSeconds: r.finishedAtSeconds,
    jobDeleted: r.jobDeleted,
    job: orderedJob(r.job),
    pods: r.pods.map((p) => ({
      name: p.name, index: p.index, attempt: p.attempt, phase: p.phase, exitCode: p.exitCode,
      restartCount: p.restartCount, createdAtSeconds: p.createdAtSeconds, startedAtSeconds: p.startedAtSeconds,
      finishedAtSeconds: p.finishedAtSeconds, deletedAtSeconds: p.deletedAtSeconds, conditions: p.conditions,
    })),
    events: r.events.map((e) => ({ atSeconds: e.atSeconds, type: e.type, reason: e.reason, object: e.object, message: e.message })),
    actions: r.actions.map((a) => ({ atSeconds: a.atSeconds, action: a.action, result: a.result, message: a.message })),
  };
}

export function formatJson(r: RunResult): string {
  return `${JSON.stringify(jsonDocument(r), null, 2)}\n`;
}

export function formatStatus(r: RunResult): string {
  return `${JSON.stringify(orderedJob(r.job), null, 2)}\n`;
}

/** The Job as `kubectl get job <name> -o yaml` prints it (sorted keys, go-yaml quoting). */
export function formatJobYaml(job: Job): string {
  return toKubectlYaml(job);
}
