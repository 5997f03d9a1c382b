// Building blocks of `kubectl describe`, mirroring k8s.io/kubectl/pkg/describe/describe.go:
// the PrefixWriter over a tabwriter(0, 8, 2, ' ', 0), printLabelsMultiline,
// printAnnotationsMultiline, describeContainers, describeVolumes, tolerations and
// DescribeEvents.

import type { Container, ContainerState, ContainerStatus, KubeEvent } from '../api/types';
import { rfc1123zOf, translateTimestampSince, parseTime } from './format';
import { extra } from './getPods';
import { TabWriter } from './tabwriter';

/** describe's PrefixWriter: each level indents two spaces. */
export class PrefixWriter {
  private readonly tw = new TabWriter(0, 2);
  write(level: number, text: string): void {
    this.tw.write('  '.repeat(level) + text);
  }
  flush(): void {
    this.tw.flush();
  }
  result(): string {
    return this.tw.result();
  }
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

function sortedKeys(m: Record<string, unknown> | undefined, skip?: string): string[] {
  return Object.keys(m ?? {})
    .filter((k) => k !== skip)
    .sort();
}

/** printLabelsMultilineWithIndent with initialIndent "" and innerIndent "\t". */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => w.write(0, `${i === 0 ? '' : '\t'}${k}=${labels?.[k] ?? ''}\n`));
}

function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) + '...' : s;
}

/** printAnnotationsMultiline: hides last-applied-configuration, wraps long or multi-line values. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, ann: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = sortedKeys(ann, LAST_APPLIED);
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = (ann?.[k] ?? '').replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(0, `${k}: ${value}\n`);
    }
  });
}

/** printTolerationsMultilineWithIndent. */
export function printTolerations(w: PrefixWriter, title: string, tolerations: unknown): void {
  w.write(0, `${title}:\t`);
  const list = Array.isArray(tolerations) ? [...tolerations] : [];
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.sort((a, b) => (str(extra(a, 'key')) < str(extra(b, 'key')) ? -1 : 1));
  list.forEach((t, i) => {
    let s = i === 0 ? '' : '\t';
    const key = str(extra(t, 'key'));
    const value = str(extra(t, 'value'));
    const effect = str(extra(t, 'effect'));
    s += key + (value ? `=${value}` : '') + (effect ? `:${effect}` : '');
    if (extra(t, 'operator') === 'Exists' && value === '') s += key || effect ? ' op=Exists' : 'op=Exists';
    const secs = extra(t, 'tolerationSeconds');
    if (typeof secs === 'number') s += ` for ${secs}s`;
    w.write(0, s + '\n');
  });
}

function portsText(c: Container, field: 'containerPort' | 'hostPort'): string {
  const ports = Array.isArray(c.ports) ? c.ports : [];
  return ports.map((p) => `${Number(extra(p, field) ?? 0)}/${str(extra(p, 'protocol'))}`).join(', ');
}

function describeState(w: PrefixWriter, name: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123zOf(state.running.startedAt ?? '')}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    const msg = str(extra(t, 'message'));
    if (msg) w.write(3, `Message:\t${msg}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    const signal = Number(extra(t, 'signal') ?? 0);
    if (signal > 0) w.write(3, `Signal:\t${signal}\n`);
    w.write(3, `Started:\t${rfc1123zOf(t.startedAt ?? '')}\n`);
    w.write(3, `Finished:\t${rfc1123zOf(t.finishedAt ?? '')}\n`);
  } else {
    w.write(2, `${name}:\tWaiting\n`);
    if (state?.waiting?.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  }
}

function describeResources(w: PrefixWriter, resources: unknown): void {
  for (const [title, key] of [
    ['Limits', 'limits'],
    ['Requests', 'requests'],
  ] as const) {
    const m = extra(resources, key);
    const names = typeof m === 'object' && m !== null ? Object.keys(m).sort() : [];
    if (names.length > 0) w.write(2, `${title}:\n`);
    for (const n of names) w.write(3, `${n}:\t${str(extra(m, n))}\n`);
  }
}

export type FieldResolver = (fieldPath: string) => string;

function describeEnv(w: PrefixWriter, c: Container, resolve?: FieldResolver): void {
  const env = c.env ?? [];
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      (e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    const vf = e.valueFrom;
    const fieldRef = extra(vf, 'fieldRef');
    const secret = extra(vf, 'secretKeyRef');
    const cm = extra(vf, 'configMapKeyRef');
    const res = extra(vf, 'resourceFieldRef');
    if (fieldRef) {
      const path = str(extra(fieldRef, 'fieldPath'));
      const value = resolve ? resolve(path) : '';
      w.write(3, `${e.name}:\t${value} (${str(extra(fieldRef, 'apiVersion'))}:${path})\n`);
    }
    else if (res) w.write(3, `${e.name}:\t (${str(extra(res, 'resource'))})\n`);
    else if (secret) {
      const opt = extra(secret, 'optional') === true;
      w.write(3, `${e.name}:\t<set to the key '${str(extra(secret, 'key'))}' in secret '${str(extra(secret, 'name'))}'>\tOptional: ${opt}\n`);
    } else if (cm) {
      const opt = extra(cm, 'optional') === true;
      w.write(3, `${e.name}:\t<set to the key '${str(extra(cm, 'key'))}' of config map '${str(extra(cm, 'name'))}'>\tOptional: ${opt}\n`);
    }
  }
}

function describeMounts(w: PrefixWriter, c: Container): void {
  const mounts = Array.isArray(c.volumeMounts) ? [...c.volumeMounts] : [];
  w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  mounts.sort((a, b) => (str(extra(a, 'mountPath')) < str(extra(b, 'mountPath')) ? -1 : 1));
  for (const m of mounts) {
    const flags = [extra(m, 'readOnly') === true ? 'ro' : 'rw'];
    const sub = str(extra(m, 'subPath'));
    if (sub) flags.push(`path=${JSON.stringify(sub)}`);
    w.write(3, `${str(extra(m, 'mountPath'))} from ${str(extra(m, 'name'))} (${flags.join(',')})\n`);
  }
}

/** describeContainers; `space` is "  " inside a pod template, "" for a pod. */
export function describeContainers(
  w: PrefixWriter,
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | undefined,
  space: string,
  resolve?: FieldResolver,
): void {
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  for (const c of containers) {
    const st = byName.get(c.name);
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
    if (st) w.write(2, `Container ID:\t${str(extra(st, 'containerID'))}\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    if (st) w.write(2, `Image ID:\t${str(extra(st, 'imageID'))}\n`);
    const ports = portsText(c, 'containerPort');
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const host = portsText(c, 'hostPort');
    w.write(2, host.includes(',') ? `Host Ports:\t${host}\n` : `Host Port:\t${host || '<none>'}\n`);
    for (const [title, list] of [
      ['Command', c.command],
      ['Args', c.args],
    ] as const) {
      if (!list || list.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const item of list) for (const s of String(item).split('\n')) w.write(3, `${s}\n`);
    }
    if (st) {
      describeState(w, 'State', st.state);
      if (st.lastState?.terminated) describeState(w, 'Last State', st.lastState);
      w.write(2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${st.restartCount ?? 0}\n`);
    }
    describeResources(w, c.resources);
    describeEnv(w, c, resolve);
    describeMounts(w, c);
  }
}

/** describeVolumes (common sources only; others print `<unknown>` as upstream's default). */
export function describeVolumes(w: PrefixWriter, volumes: unknown, space: string): void {
  const list = Array.isArray(volumes) ? volumes : [];
  if (list.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of list) {
    w.write(1, `${space ? ' ' : ''}${str(extra(v, 'name'))}:\n`);
    const emptyDir = extra(v, 'emptyDir');
    const cm = extra(v, 'configMap');
    const secret = extra(v, 'secret');
    if (emptyDir !== undefined) {
      const limit = str(extra(emptyDir, 'sizeLimit')) || '<unset>';
      w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${str(extra(emptyDir, 'medium'))}\n    SizeLimit:\t${limit}\n`);
    } else if (cm !== undefined) {
      w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(extra(cm, 'name'))}\n    Optional:\t${extra(cm, 'optional') === true}\n`);
    } else if (secret !== undefined) {
      w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(extra(secret, 'secretName'))}\n    Optional:\t${extra(secret, 'optional') === true}\n`);
    } else {
      w.write(1, '<unknown>\n');
    }
  }
}

/** DescribeEvents: `Events: <none>` or a flushed Type/Reason/Age/From/Message table. */
export function describeEvents(w: PrefixWriter, events: KubeEvent[], nowMs: number, clockStart: string): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (parseTime(a.e.lastTimestamp) ?? 0) - (parseTime(b.e.lastTimestamp) ?? 0) || a.i - b.i)
    .map((x) => x.e);
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = translateTimestampSince(e.firstTimestamp, nowMs, clockStart);
    const interval =
      e.count > 1 ? `${translateTimestampSince(e.lastTimestamp, nowMs, clockStart)} (x${e.count} over ${first})` : first;
    const source = e.source?.component || str(extra(e, 'reportingController'));
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
