// Building the pods the controller creates: controller.GetPodFromTemplate plus the
// Job-specific additions of manageJob (completion index annotation/label, hostname,
// JOB_COMPLETION_INDEX env, per-index failure counts, tracking finalizer, owner ref).

import {
  JOB_COMPLETION_INDEX,
  JOB_INDEX_FAILURE_COUNT,
  JOB_INDEX_IGNORED_FAILURE_COUNT,
  JOB_TRACKING_FINALIZER,
  type Container,
  type Job,
  type Pod,
  type PodSpec,
} from '../api/types';
import { getIndexFailureCount, getIndexIgnoredFailureCount, podGenerateNameWithIndex } from './indexed_job_utils';
import { matchPodFailurePolicy } from './pod_failure_policy';
import { jsonClone } from '../api/json_clone';

function withIndexEnv(c: Container): Container {
  const env = c.env ?? [];
  if (env.some((e) => e.name === 'JOB_COMPLETION_INDEX')) return c;
  return {
    ...c,
    env: [
      ...env,
      {
        name: 'JOB_COMPLETION_INDEX',
        valueFrom: { fieldRef: { fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX}']` } },
      },
    ],
  };
}

/**
 * What every pod of one manageJob call shares: the spec (deep-copied once), the owner
 * reference and the finalizers. Stored objects are never changed in place, so one copy
 * serves them all (and 100,000 pods keep three objects less each).
 */
export interface PodBase {
  spec: PodSpec;
  ownerReferences: NonNullable<Pod['metadata']['ownerReferences']>;
  finalizers: string[];
}

export function podBaseFromTemplate(job: Job, indexed: boolean): PodBase {
  const spec = jsonClone(job.spec.template.spec) as PodSpec;
  if (indexed) {
    spec.containers = spec.containers.map(withIndexEnv);
    if (spec.initContainers) spec.initContainers = spec.initContainers.map(withIndexEnv);
    // Set per pod (below) and by the scheduler's binding (kubelet.ts): present already, so
    // those copies only change values, V8's fast path.
    if (!('hostname' in spec)) spec.hostname = undefined;
  }
  if (!('nodeName' in spec)) spec.nodeName = undefined;
  const name = job.metadata.name ?? '';
  const ownerReferences = [{ apiVersion: 'batch/v1', kind: 'Job', name, uid: job.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }];
  const finalizers = [...(job.spec.template.metadata?.finalizers ?? [])];
  if (!finalizers.includes(JOB_TRACKING_FINALIZER)) finalizers.push(JOB_TRACKING_FINALIZER);
  return { spec, ownerReferences, finalizers };
}

/** getNewIndexFailureCounts: the counts the replacement of `replaced` carries. */
export function getNewIndexFailureCounts(job: Job, replaced: Pod | undefined): { failures: number; ignored: number } {
  if (replaced === undefined) return { failures: 0, ignored: 0 };
  let failures = getIndexFailureCount(replaced);
  let ignored = getIndexIgnoredFailureCount(replaced);
  if (job.spec.podFailurePolicy !== undefined) {
    const m = matchPodFailurePolicy(job.spec.podFailurePolicy, replaced, job);
    if (m.countFailed) failures++;
    else ignored++;
  } else {
    failures++;
  }
  return { failures, ignored };
}

/**
 * A copy of a string map built key by key: V8 then shares one hidden class among all
 * the pods' maps (a spread copy extended with a new key got a class of its own per pod
 * once the Job had more than a few pods, which made every later access slow).
 */
function copyStrings(src: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (src !== undefined) for (const k of Object.keys(src)) out[k] = src[k] as string;
  return out;
}

export interface NewPodOptions {
  index: number | null;
  /** For backoffLimitPerIndex: the failed pod this one replaces. */
  replaced?: Pod;
  perIndex: boolean;
}

export function newPodForJob(job: Job, base: PodBase, opts: NewPodOptions): Pod {
  const tplMeta = job.spec.template.metadata ?? {};
  const labels = copyStrings(tplMeta.labels);
  const annotations = copyStrings(tplMeta.annotations);
  const name = job.metadata.name ?? '';
  let generateName = `${name}-`;
  const spec = base.spec;
  let podSpec = spec;
  if (opts.index !== null) {
    annotations[JOB_COMPLETION_INDEX] = String(opts.index);
    labels[JOB_COMPLETION_INDEX] = String(opts.index);
    podSpec = { ...spec, hostname: `${name}-${opts.index}` };
    generateName = podGenerateNameWithIndex(name, opts.index);
    if (opts.perIndex) {
      const { failures, ignored } = getNewIndexFailureCounts(job, opts.replaced);
      annotations[JOB_INDEX_FAILURE_COUNT] = String(failures);
      if (ignored > 0) annotations[JOB_INDEX_IGNORED_FAILURE_COUNT] = String(ignored);
    }
  }
  const metadata: Pod['metadata'] = { generateName, namespace: job.metadata.namespace ?? 'default', labels };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  metadata.ownerReferences = base.ownerReferences;
  metadata.finalizers = base.finalizers;
  // The keys the controller and the store set next, present already (in the order they
  // are set): copies then only change values, V8's fast path (see ObjectStore.addFresh).
  metadata.name = undefined;
  metadata.uid = undefined;
  metadata.resourceVersion = undefined;
  metadata.creationTimestamp = undefined;
  metadata.generation = undefined;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: podSpec, status: { phase: 'Pending' } };
}
