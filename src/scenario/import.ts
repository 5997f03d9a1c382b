// Import: the output of `kubectl get job <name> -o yaml` (or -o json) → a new scenario whose
// Job is that manifest without the fields the server sets (the inverse of what the API's
// create adds: uid, resourceVersion, status, the generated selector and labels, ...), with
// the default workload. Pure; never throws.

import { LABEL_CONTROLLER_UID, LABEL_JOB_NAME, LABEL_LEGACY_CONTROLLER_UID, LABEL_LEGACY_JOB_NAME } from '../engine/api/types';
import { parseScenario, SCENARIO_API_VERSION, SCENARIO_KIND } from './parse';
import { defaultScenarioName, stringifyScenarioDocument } from './serialize';
import { isObj } from './values';
import { formatScenarioError, loadYaml } from './yamlDoc';
import { jsonClone } from '../engine/api/json_clone';

export type ImportResult =
  | { ok: true; scenarioText: string; job: Record<string, unknown>; removed: string[]; warnings: string[] }
  | { ok: false; message: string };

const SERVER_METADATA = ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds'] as const;
const SERVER_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'batch.kubernetes.io/job-tracking'] as const;
const GENERATED_LABELS = [LABEL_LEGACY_CONTROLLER_UID, LABEL_CONTROLLER_UID, LABEL_LEGACY_JOB_NAME, LABEL_JOB_NAME] as const;

type Obj = Record<string, unknown>;

/** The one Job in the text: the object itself, or the only Job of a v1 List. */
function pickJob(v: unknown): Obj | string {
  if (!isObj(v)) return 'expected the output of kubectl get job <name> -o yaml (a Job object)';
  if (v.kind === 'List' && Array.isArray(v.items)) {
    const jobs = v.items.filter((i): i is Obj => isObj(i) && i.kind === 'Job');
    if (jobs.length !== 1) return `the list holds ${jobs.length} Jobs; paste one (kubectl get job <name> -o yaml)`;
    return jobs[0] ?? 'no Job in the list';
  }
  if (v.kind !== 'Job') return `expected kind: Job, not ${JSON.stringify(v.kind ?? null)}`;
  if (v.apiVersion !== 'batch/v1') return `expected apiVersion: batch/v1, not ${JSON.stringify(v.apiVersion ?? null)}`;
  return v;
}

function dropKeys(o: Obj, keys: readonly string[], at: string, removed: string[]): void {
  for (const k of keys) {
    if (k in o) {
      delete o[k];
      removed.push(`${at}.${k}`);
    }
  }
}

function dropEmpty(parent: Obj, key: string): void {
  const v = parent[key];
  if (isObj(v) && Object.keys(v).length === 0) delete parent[key];
}

function stripMetadata(job: Obj, manual: boolean, removed: string[], warnings: string[]): void {
  if (!isObj(job.metadata)) return;
  const meta = job.metadata;
  dropKeys(meta, SERVER_METADATA, 'metadata', removed);
  if (isObj(meta.annotations)) dropKeys(meta.annotations, SERVER_ANNOTATIONS, 'metadata.annotations', removed);
  dropEmpty(meta, 'annotations');
  // The Job's own labels default to the template's, generated ones included.
  if (!manual && isObj(meta.labels)) dropKeys(meta.labels, GENERATED_LABELS, 'metadata.labels', removed);
  dropEmpty(meta, 'labels');
  if (Array.isArray(meta.ownerReferences)) {
    delete meta.ownerReferences;
    removed.push('metadata.ownerReferences');
    warnings.push('metadata.ownerReferences removed: its owner (a CronJob?) does not exist in the playground');
  }
  if (Array.isArray(meta.finalizers)) {
    delete meta.finalizers;
    removed.push('metadata.finalizers');
  }
}

function stripSpec(job: Obj, manual: boolean, removed: string[]): void {
  if (!isObj(job.spec)) return;
  const spec = job.spec;
  if (!manual) dropKeys(spec, ['selector'], 'spec', removed);
  const tpl = spec.template;
  if (!isObj(tpl) || !isObj(tpl.metadata)) return;
  const tmeta = tpl.metadata;
  // kubectl prints `creationTimestamp: null` for embedded object metadata.
  if ('creationTimestamp' in tmeta && tmeta.creationTimestamp === null) delete tmeta.creationTimestamp;
  if (!manual && isObj(tmeta.labels)) dropKeys(tmeta.labels, GENERATED_LABELS, 'spec.template.metadata.labels', removed);
  dropEmpty(tmeta, 'labels');
  dropEmpty(tpl, 'metadata');
}

/** A Job as kubectl printed it → a scenario text with that Job and the default workload. */
export function importKubectlJob(text: string): ImportResult {
  try {
    if (typeof text !== 'string' || text.trim() === '') return { ok: false, message: 'paste the output of kubectl get job <name> -o yaml' };
    const loaded = loadYaml(text);
    const first = loaded.errors[0];
    if (first) return { ok: false, message: formatScenarioError(first) };
    const picked = pickJob(loaded.value);
    if (typeof picked === 'string') return { ok: false, message: picked };
    const job = jsonClone(picked) as Obj;
    const removed: string[] = [];
    const warnings: string[] = [];
    const manual = isObj(job.spec) && job.spec.manualSelector === true;
    if ('status' in job) {
      delete job.status;
      removed.push('status');
    }
    stripMetadata(job, manual, removed, warnings);
    stripSpec(job, manual, removed);
    const name = defaultScenarioName(job);
    const doc = {
      apiVersion: SCENARIO_API_VERSION, kind: SCENARIO_KIND,
      metadata: { name, title: `Imported Job ${name}` },
      spec: { job },
    };
    const header = '# Imported from kubectl get job -o yaml. The pods use the default workload (start after\n'
      + '# 1 s, run 10 s, exit 0): describe how they behave under spec.workload.\n';
    const scenarioText = header + stringifyScenarioDocument(doc);
    const parsed = parseScenario(scenarioText);
    if (!parsed.ok) return { ok: false, message: parsed.errors.map(formatScenarioError).join('\n') };
    return { ok: true, scenarioText, job, removed, warnings: [...warnings, ...parsed.warnings] };
  } catch (e) {
    return { ok: false, message: `internal error while importing: ${e instanceof Error ? e.message : String(e)}` };
  }
}
