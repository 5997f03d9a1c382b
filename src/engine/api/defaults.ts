// Defaulting and create-time strategy for batch/v1 Jobs.
// Mirrors pkg/apis/batch/v1/defaults.go (SetDefaults_Job), the core/v1 pod-template
// defaults that apply inside a Job, and pkg/registry/batch/job/strategy.go
// (PrepareForCreate: generated selector and labels).

import {
  LABEL_CONTROLLER_UID,
  LABEL_JOB_NAME,
  LABEL_LEGACY_CONTROLLER_UID,
  LABEL_LEGACY_JOB_NAME,
  MAX_INT32,
  type Container,
  type Job,
} from './types';

/** SetDefaults_Job, applied on decode and again on every read ("default on read"). */
export function setDefaultsJob(job: Job): void {
  const spec = job.spec;
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  if (spec.parallelism === undefined) spec.parallelism = 1;
  if (spec.backoffLimit === undefined) {
    spec.backoffLimit = spec.backoffLimitPerIndex !== undefined ? MAX_INT32 : 6;
  }
  if (spec.completionMode === undefined) spec.completionMode = 'NonIndexed';
  if (spec.suspend === undefined) spec.suspend = false;
  if (spec.manualSelector === undefined) spec.manualSelector = false;
  if (spec.podReplacementPolicy === undefined) {
    spec.podReplacementPolicy = spec.podFailurePolicy !== undefined ? 'Failed' : 'TerminatingOrFailed';
  }
  for (const rule of spec.podFailurePolicy?.rules ?? []) {
    for (const p of rule.onPodConditions ?? []) {
      if (p.status === undefined || p.status === '') p.status = 'True';
    }
  }
  defaultJobLabels(job);
  setDefaultsPodTemplate(job);
}

/** A Job with no labels of its own takes its pod template's labels. */
function defaultJobLabels(job: Job): void {
  const own = job.metadata.labels;
  const tpl = job.spec.template?.metadata?.labels;
  if ((own === undefined || Object.keys(own).length === 0) && tpl !== undefined) {
    job.metadata.labels = { ...tpl };
  }
}

function imagePullPolicyFor(image: string | undefined): string {
  if (image === undefined) return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return 'Always';
  return image.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function setDefaultsContainer(c: Container): void {
  if (c.terminationMessagePath === undefined) c.terminationMessagePath = '/dev/termination-log';
  if (c.terminationMessagePolicy === undefined) c.terminationMessagePolicy = 'File';
  if (c.imagePullPolicy === undefined) c.imagePullPolicy = imagePullPolicyFor(c.image);
  if (c.resources === undefined) c.resources = {};
  const ports = c.ports;
  if (Array.isArray(ports)) {
    for (const p of ports) {
      if (p !== null && typeof p === 'object' && !Array.isArray(p) && p.protocol === undefined) p.protocol = 'TCP';
    }
  }
}

/** core/v1 defaults for the pod template (SetDefaults_PodSpec and friends). */
function setDefaultsPodTemplate(job: Job): void {
  const tpl = job.spec.template;
  if (tpl === undefined || tpl === null) return;
  const spec = tpl.spec;
  if (spec === undefined || spec === null) return;
  if (spec.restartPolicy === undefined || spec.restartPolicy === '') spec.restartPolicy = 'Always';
  if (spec.dnsPolicy === undefined) spec.dnsPolicy = 'ClusterFirst';
  if (spec.securityContext === undefined) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined) spec.terminationGracePeriodSeconds = 30;
  if (spec.schedulerName === undefined) spec.schedulerName = 'default-scheduler';
  for (const c of Array.isArray(spec.containers) ? spec.containers : []) setDefaultsContainer(c);
  for (const c of Array.isArray(spec.initContainers) ? spec.initContainers : []) setDefaultsContainer(c);
}

/**
 * PrepareForCreate's selector generation (strategy.go generateSelector): when manualSelector
 * is not true, the template gets the four job labels (only where absent) and the selector
 * gets `batch.kubernetes.io/controller-uid`.
 */
export function generateSelector(job: Job): void {
  if (job.spec.manualSelector === true) return;
  const uid = job.metadata.uid ?? '';
  const name = job.metadata.name ?? '';
  const tpl = job.spec.template;
  if (tpl === undefined || tpl === null) return;
  tpl.metadata ??= {};
  const labels = (tpl.metadata.labels ??= {});
  const add = (k: string, v: string): void => {
    if (!(k in labels)) labels[k] = v;
  };
  add(LABEL_LEGACY_CONTROLLER_UID, uid);
  add(LABEL_CONTROLLER_UID, uid);
  add(LABEL_LEGACY_JOB_NAME, name);
  add(LABEL_JOB_NAME, name);
  const selector = (job.spec.selector ??= {});
  const match = (selector.matchLabels ??= {});
  if (!(LABEL_CONTROLLER_UID in match)) match[LABEL_CONTROLLER_UID] = uid;
}
