// `kubectl get pods` rows, mirroring printPod in
// kubernetes/pkg/printers/internalversion/printers.go (v1.34): READY counts,
// the STATUS reason (Init:…, container waiting/terminated reasons, Completed,
// Terminating, NotReady), RESTARTS with "(Xs ago)" and the wide columns.

import type { Container, ContainerStatus, Pod } from '../api/types';
import { humanDuration, parseTime, absoluteNow, translateTimestampSince } from './format';
import { printTable, type TableOptions, type TableRow } from './table';
import { hasTrueCondition, isTerminal } from '../controller/utils';

/** Read a field the shared types do not declare (e.g. status.podIP) without `any`. */
export function extra(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null ? (obj as Record<string, unknown>)[key] : undefined;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function isRestartableInit(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: number;
  lastRestartMs: number | undefined;
}

function later(a: number | undefined, ts: string | undefined): number | undefined {
  const t = parseTime(ts);
  if (t === undefined) return a;
  return a === undefined || t > a ? t : a;
}

function terminatedReason(cs: ContainerStatus, prefix: string): string {
  const t = cs.state.terminated;
  if (!t) return '';
  if (t.reason) return prefix + t.reason;
  const signal = Number(extra(t, 'signal') ?? 0);
  return signal !== 0 ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${t.exitCode}`;
}

/** The init-container pass of printPod; returns true while the pod is initializing. */
function scanInit(pod: Pod, s: PodSummary, restartable: { restarts: number; last: number | undefined }): boolean {
  const inits = new Map((pod.spec.initContainers ?? []).map((c) => [c.name, c]));
  const statuses = pod.status.initContainerStatuses ?? [];
  for (let i = 0; i < statuses.length; i++) {
    const cs = statuses[i];
    if (!cs) continue;
    s.restarts += cs.restartCount ?? 0;
    s.lastRestartMs = later(s.lastRestartMs, cs.lastState?.terminated?.finishedAt);
    const sidecar = isRestartableInit(inits.get(cs.name));
    if (sidecar) {
      restartable.restarts += cs.restartCount ?? 0;
      restartable.last = later(restartable.last, cs.lastState?.terminated?.finishedAt);
    }
    if (cs.state.terminated && cs.state.terminated.exitCode === 0) continue;
    if (sidecar && cs.started === true) {
      if (cs.ready) s.ready++;
      continue;
    }
    if (cs.state.terminated) s.reason = terminatedReason(cs, 'Init:');
    else if (cs.state.waiting?.reason && cs.state.waiting.reason !== 'PodInitializing') {
      s.reason = 'Init:' + cs.state.waiting.reason;
    } else s.reason = `Init:${i}/${pod.spec.initContainers?.length ?? 0}`;
    return true;
  }
  return false;
}

/** Reason, ready count and restarts as printPod computes them. */
export function summarizePod(pod: Pod): PodSummary {
  const inits = pod.spec.initContainers ?? [];
  const s: PodSummary = {
    ready: 0,
    total: (pod.spec.containers ?? []).length + inits.filter(isRestartableInit).length,
    reason: pod.status.reason || pod.status.phase || '',
    restarts: 0,
    lastRestartMs: undefined,
  };
  if ((pod.status.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) {
    s.reason = 'SchedulingGated';
  }
  const restartable = { restarts: 0, last: undefined as number | undefined };
  const initializing = scanInit(pod, s, restartable);
  if (!initializing || hasTrueCondition(pod.status.conditions, 'Initialized')) {
    s.restarts = restartable.restarts;
    s.lastRestartMs = restartable.last;
    let hasRunning = false;
    const statuses = pod.status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      if (!cs) continue;
      s.restarts += cs.restartCount ?? 0;
      s.lastRestartMs = later(s.lastRestartMs, cs.lastState?.terminated?.finishedAt);
      if (cs.state.waiting?.reason) s.reason = cs.state.waiting.reason;
      else if (cs.state.terminated) s.reason = terminatedReason(cs, '');
      else if (cs.ready && cs.state.running) {
        hasRunning = true;
        s.ready++;
      }
    }
    if (s.reason === 'Completed' && hasRunning) s.reason = hasTrueCondition(pod.status.conditions, 'Ready') ? 'Running' : 'NotReady';
  }
  if (pod.metadata.deletionTimestamp && pod.status.reason === 'NodeLost') s.reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !isTerminal(pod)) s.reason = 'Terminating';
  return s;
}

/** The STATUS column text alone (handy for UIs). */
export function podStatusText(pod: Pod): string {
  return summarizePod(pod).reason;
}

function wideCells(pod: Pod): string[] {
  const ips = extra(pod.status, 'podIPs');
  const first = Array.isArray(ips) ? str(extra(ips[0], 'ip')) : '';
  const podIP = first || str(extra(pod.status, 'podIP'));
  const gates = extra(pod.spec, 'readinessGates');
  let readiness = '<none>';
  if (Array.isArray(gates) && gates.length > 0) {
    let trueCount = 0;
    for (const g of gates) {
      const cond = (pod.status.conditions ?? []).find((c) => c.type === str(extra(g, 'conditionType')));
      if (cond?.status === 'True') trueCount++;
    }
    readiness = `${trueCount}/${gates.length}`;
  }
  return [
    podIP || '<none>',
    pod.spec.nodeName || '<none>',
    str(extra(pod.status, 'nominatedNodeName')) || '<none>',
    readiness,
  ];
}

export function podRow(pod: Pod, nowMs: number, clockStart: string, wide: boolean): TableRow {
  const s = summarizePod(pod);
  let restarts = String(s.restarts);
  if (s.restarts !== 0 && s.lastRestartMs !== undefined) {
    restarts = `${s.restarts} (${humanDuration(absoluteNow(nowMs, clockStart) - s.lastRestartMs)} ago)`;
  }
  const cells = [
    `${s.ready}/${s.total}`,
    s.reason,
    restarts,
    translateTimestampSince(pod.metadata.creationTimestamp, nowMs, clockStart),
  ];
  if (wide) cells.push(...wideCells(pod));
  return { namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', cells, labels: pod.metadata.labels };
}

export const POD_HEADERS = ['READY', 'STATUS', 'RESTARTS', 'AGE'];
export const POD_WIDE_HEADERS = ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'];

/** The `kubectl get pods` table; empty string for no pods. */
export function podsTable(pods: Pod[], nowMs: number, clockStart: string, opts: TableOptions = {}): string {
  if (pods.length === 0) return '';
  const headers = opts.wide ? [...POD_HEADERS, ...POD_WIDE_HEADERS] : POD_HEADERS;
  return printTable(headers, pods.map((p) => podRow(p, nowMs, clockStart, opts.wide === true)), opts);
}
