// `kubectl describe job` and `kubectl describe pod`, mirroring describeJob,
// DescribePodTemplate and describePod in k8s.io/kubectl/pkg/describe/describe.go (v1.34).
// Failed Indexes are not printed: upstream's describeJob has no such line.

import type { Job, KubeEvent, ObjectMeta, Pod, PodTemplateSpec } from '../api/types';
import { humanDuration, parseTime, rfc1123zOf, selectorString, translateTimestampSince } from './format';
import {
  PrefixWriter,
  describeContainers,
  describeEvents,
  describeVolumes,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerations,
  type FieldResolver,
} from './describeCommon';
import { extra } from './getPods';
import { getControllerOf } from '../api/owner';
import { isTerminal } from '../controller/utils';

function controlledBy(meta: ObjectMeta): string {
  const ref = getControllerOf({ metadata: meta });
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** capIndexesListOrNone: cut at the first comma at or after `softLimit`, then "...". */
export function capIndexesListOrNone(indexes: string | undefined, softLimit = 50): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  return ix >= indexes.length ? indexes : indexes.slice(0, ix + 1) + '...';
}

/** DescribePodTemplate. */
export function describePodTemplate(w: PrefixWriter, tpl: PodTemplateSpec | undefined): void {
  w.write(0, 'Pod Template:\n');
  if (!tpl) {
    w.write(1, '<unset>');
    return;
  }
  printLabelsMultiline(w, '  Labels', tpl.metadata?.labels);
  if (Object.keys(tpl.metadata?.annotations ?? {}).length > 0) {
    printAnnotationsMultiline(w, '  Annotations', tpl.metadata?.annotations);
  }
  const spec = tpl.spec ?? { containers: [] };
  const sa = extra(spec, 'serviceAccountName');
  if (typeof sa === 'string' && sa !== '') w.write(1, `Service Account:\t${sa}\n`);
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers(w, 'Init Containers', spec.initContainers ?? [], undefined, '  ');
  }
  describeContainers(w, 'Containers', spec.containers ?? [], undefined, '  ');
  describeVolumes(w, extra(spec, 'volumes'), '  ');
  const pc = extra(spec, 'priorityClassName');
  if (typeof pc === 'string' && pc !== '') w.write(1, `Priority Class Name:\t${pc}\n`);
  printLabelsMultiline(w, '  Node-Selectors', extra(spec, 'nodeSelector') as Record<string, string> | undefined);
  printTolerations(w, '  Tolerations', extra(spec, 'tolerations'));
}

function writeJobSpecLines(w: PrefixWriter, job: Job): void {
  const s = job.spec;
  if (s.parallelism !== undefined) w.write(0, `Parallelism:\t${s.parallelism}\n`);
  w.write(0, `Completions:\t${s.completions ?? '<unset>'}\n`);
  if (s.completionMode !== undefined) w.write(0, `Completion Mode:\t${s.completionMode}\n`);
  if (s.suspend !== undefined) w.write(0, `Suspend:\t${s.suspend}\n`);
  if (s.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${s.backoffLimit}\n`);
  if (s.ttlSecondsAfterFinished !== undefined) w.write(0, `TTL Seconds After Finished:\t${s.ttlSecondsAfterFinished}\n`);
}

function writeJobStatusLines(w: PrefixWriter, job: Job): void {
  const st = job.status ?? {};
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123zOf(st.startTime)}\n`);
  if (st.completionTime) w.write(0, `Completed At:\t${rfc1123zOf(st.completionTime)}\n`);
  const start = parseTime(st.startTime);
  const end = parseTime(st.completionTime);
  if (start !== undefined && end !== undefined) w.write(0, `Duration:\t${humanDuration(end - start)}\n`);
  if (job.spec.activeDeadlineSeconds !== undefined) {
    w.write(0, `Active Deadline Seconds:\t${job.spec.activeDeadlineSeconds}s\n`);
  }
  const counts = `${st.active ?? 0} Active`;
  const tail = `${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed`;
  if (st.ready === undefined) w.write(0, `Pods Statuses:\t${counts} / ${tail}\n`);
  else w.write(0, `Pods Statuses:\t${counts} (${st.ready} Ready) / ${tail}\n`);
  if (job.spec.completionMode === 'Indexed') {
    w.write(0, `Completed Indexes:\t${capIndexesListOrNone(st.completedIndexes, 50)}\n`);
  }
}

/**
 * `kubectl describe job`. `events` are the events of this Job (any order); `nowMs` is
 * virtual ms since `clockStart` (RFC3339). Pods are accepted for callers' convenience
 * but, as upstream, not listed.
 */
export function describeJob(job: Job, _pods: Pod[], events: KubeEvent[], nowMs: number, clockStart: string): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${job.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${job.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${selectorString(job.spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', job.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
  const owner = controlledBy(job.metadata);
  if (owner) w.write(0, `Controlled By:\t${owner}\n`);
  writeJobSpecLines(w, job);
  writeJobStatusLines(w, job);
  describePodTemplate(w, job.spec.template);
  describeEvents(w, events, nowMs, clockStart);
  return w.result();
}

/** EnvValueRetriever for the fieldRef paths a Job's pods use. */
function podFieldResolver(pod: Pod): FieldResolver {
  return (path) => {
    const m = /^metadata\.(annotations|labels)\['(.*)'\]$/.exec(path);
    if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2] ?? ''] ?? '';
    if (path === 'metadata.name') return pod.metadata.name ?? '';
    if (path === 'metadata.namespace') return pod.metadata.namespace ?? '';
    if (path === 'metadata.uid') return pod.metadata.uid ?? '';
    if (path === 'spec.nodeName') return pod.spec.nodeName ?? '';
    const v = extra(pod.status, path.replace(/^status\./, ''));
    return typeof v === 'string' ? v : '';
  };
}

function qosClass(pod: Pod): string {
  const given = extra(pod.status, 'qosClass');
  if (typeof given === 'string' && given !== '') return given;
  const all = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])];
  const res = all.map((c) => ({ req: extra(c.resources, 'requests'), lim: extra(c.resources, 'limits') }));
  const hasAny = res.some((r) => Object.keys(r.req ?? {}).length + Object.keys(r.lim ?? {}).length > 0);
  if (!hasAny) return 'BestEffort';
  const guaranteed = res.every((r) =>
    ['cpu', 'memory'].every((k) => extra(r.lim, k) !== undefined && (extra(r.req, k) ?? extra(r.lim, k)) === extra(r.lim, k)),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function writePodHeader(w: PrefixWriter, pod: Pod, nowMs: number, clockStart: string): void {
  w.write(0, `Name:\t${pod.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
  const prio = extra(pod.spec, 'priority');
  if (typeof prio === 'number') w.write(0, `Priority:\t${prio}\n`);
  const sa = extra(pod.spec, 'serviceAccountName');
  if (typeof sa === 'string' && sa !== '') w.write(0, `Service Account:\t${sa}\n`);
  const hostIP = extra(pod.status, 'hostIP');
  w.write(0, pod.spec.nodeName ? `Node:\t${pod.spec.nodeName}/${typeof hostIP === 'string' ? hostIP : ''}\n` : 'Node:\t<none>\n');
  if (pod.status.startTime) w.write(0, `Start Time:\t${rfc1123zOf(pod.status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && !isTerminal(pod)) {
    w.write(0, `Status:\tTerminating (lasts ${translateTimestampSince(pod.metadata.deletionTimestamp, nowMs, clockStart)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${pod.status.phase}\n`);
  }
  if (pod.status.reason) w.write(0, `Reason:\t${pod.status.reason}\n`);
  if (pod.status.message) w.write(0, `Message:\t${pod.status.message}\n`);
  const podIP = extra(pod.status, 'podIP');
  w.write(0, `IP:\t${typeof podIP === 'string' ? podIP : ''}\n`);
  const ips = extra(pod.status, 'podIPs');
  if (Array.isArray(ips) && ips.length > 0) {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${String(extra(ip, 'ip') ?? '')}\n`);
  } else w.write(0, 'IPs:\t<none>\n');
  const owner = controlledBy(pod.metadata);
  if (owner) w.write(0, `Controlled By:\t${owner}\n`);
}

/** `kubectl describe pod`. */
export function describePod(pod: Pod, events: KubeEvent[], nowMs: number, clockStart: string): string {
  const w = new PrefixWriter();
  writePodHeader(w, pod, nowMs, clockStart);
  const resolve = podFieldResolver(pod);
  if ((pod.spec.initContainers ?? []).length > 0) {
    describeContainers(w, 'Init Containers', pod.spec.initContainers ?? [], pod.status.initContainerStatuses, '', resolve);
  }
  describeContainers(w, 'Containers', pod.spec.containers ?? [], pod.status.containerStatuses, '', resolve);
  const conds = pod.status.conditions ?? [];
  if (conds.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conds) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, extra(pod.spec, 'volumes'), '');
  w.write(0, `QoS Class:\t${qosClass(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', extra(pod.spec, 'nodeSelector') as Record<string, string> | undefined);
  printTolerations(w, 'Tolerations', extra(pod.spec, 'tolerations'));
  describeEvents(w, events, nowMs, clockStart);
  return w.result();
}
