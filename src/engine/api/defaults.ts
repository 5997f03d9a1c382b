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
  type JsonObject,
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

function setDefaultsProbe(p: unknown): void {
  if (!isJsonObject(p)) return;
  if (p.timeoutSeconds === undefined) p.timeoutSeconds = 1;
  if (p.periodSeconds === undefined) p.periodSeconds = 10;
  if (p.successThreshold === undefined) p.successThreshold = 1;
  if (p.failureThreshold === undefined) p.failureThreshold = 3;
  setDefaultsHandler(p);
}

/** SetDefaults_HTTPGetAction: path "/" and scheme HTTP. */
function setDefaultsHandler(h: unknown): void {
  if (!isJsonObject(h)) return;
  const get = h.httpGet;
  if (isJsonObject(get)) {
    if (get.path === undefined || get.path === '') get.path = '/';
    if (get.scheme === undefined || get.scheme === '') get.scheme = 'HTTP';
  }
}

function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function setDefaultsContainer(c: Container, hostNetwork: boolean): void {
  if (!isJsonObject(c)) return;
  if (c.terminationMessagePath === undefined) c.terminationMessagePath = '/dev/termination-log';
  if (c.terminationMessagePolicy === undefined) c.terminationMessagePolicy = 'File';
  if (c.imagePullPolicy === undefined) c.imagePullPolicy = imagePullPolicyFor(c.image);
  if (c.resources === undefined) c.resources = {};
  const ports = c.ports;
  if (Array.isArray(ports)) {
    for (const p of ports) {
      if (!isJsonObject(p)) continue;
      if (p.protocol === undefined) p.protocol = 'TCP';
      // SetDefaults_PodSpec: with hostNetwork each port's hostPort defaults to its containerPort.
      if (hostNetwork && (p.hostPort === undefined || p.hostPort === 0)) p.hostPort = p.containerPort ?? 0;
    }
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) setDefaultsProbe(c[probe]);
  const lc = c.lifecycle;
  if (isJsonObject(lc)) {
    setDefaultsHandler(lc.postStart);
    setDefaultsHandler(lc.preStop);
  }
}

/** Volumes with no source get `emptyDir: {}` (SetDefaults_Volume). */
function setDefaultsVolumes(volumes: unknown): void {
  if (!Array.isArray(volumes)) return;
  for (const v of volumes) {
    if (!isJsonObject(v)) continue;
    if (Object.keys(v).every((k) => k === 'name')) v.emptyDir = {};
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
  const hostNetwork = spec.hostNetwork === true;
  for (const c of Array.isArray(spec.containers) ? spec.containers : []) setDefaultsContainer(c, hostNetwork);
  for (const c of Array.isArray(spec.initContainers) ? spec.initContainers : []) setDefaultsContainer(c, hostNetwork);
  const eph = spec.ephemeralContainers;
  for (const c of Array.isArray(eph) ? eph : []) if (isJsonObject(c)) setDefaultsContainer(c as unknown as Container, false);
  setDefaultsVolumes(spec.volumes);
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
