// `kubectl logs`, `scale`, `version` and `explain`.

import { JOB_COMPLETION_INDEX, JOB_INDEX_FAILURE_COUNT, type Pod } from '../api/types';
import { explainField } from './explain';
import { flagBool, flagInt, flagString, type FlagSpec } from './flags';
import { toKubectlJson, toKubectlYaml } from './output';
import { apiErrorText, namespaceOf, type Env } from './shared';

export const LOGS_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', kind: 'string' },
  { name: 'tail', kind: 'int' },
  { name: 'follow', short: 'f', kind: 'bool' },
  { name: 'previous', short: 'p', kind: 'bool' },
  { name: 'timestamps', kind: 'bool' },
];
export const SCALE_FLAGS: FlagSpec[] = [
  { name: 'replicas', kind: 'int' },
  { name: 'current-replicas', kind: 'int' },
];
export const VERSION_FLAGS: FlagSpec[] = [
  { name: 'client', kind: 'bool' },
  { name: 'output', short: 'o', kind: 'string' },
];
export const EXPLAIN_FLAGS: FlagSpec[] = [
  { name: 'recursive', kind: 'bool' },
  { name: 'api-version', kind: 'string' },
];

export const CLIENT_VERSION = 'v1.34.1';
const KUSTOMIZE_VERSION = 'v5.7.1';

/** Simulated container output: what the playground knows about this run of the pod. */
function simulatedLog(pod: Pod, container: string, previous: boolean): string[] | string {
  const cs = (pod.status.containerStatuses ?? []).find((s) => s.name === container);
  const state = previous ? cs?.lastState : cs?.state;
  if (previous && !state?.terminated) {
    return `Error from server (BadRequest): previous terminated container "${container}" in pod "${pod.metadata.name ?? ''}" not found`;
  }
  if (!state || state.waiting || (!state.running && !state.terminated)) {
    const reason = state?.waiting?.reason ?? 'ContainerCreating';
    return `Error from server (BadRequest): container "${container}" in pod "${pod.metadata.name ?? ''}" is waiting to start: ${reason}`;
  }
  const ann = pod.metadata.annotations ?? {};
  const lines = [`[playground] container ${container} started (simulated output)`];
  const index = ann[JOB_COMPLETION_INDEX] ?? pod.metadata.labels?.[JOB_COMPLETION_INDEX];
  if (index !== undefined) lines.push(`[playground] JOB_COMPLETION_INDEX=${index}`);
  const failures = ann[JOB_INDEX_FAILURE_COUNT];
  if (failures !== undefined) lines.push(`[playground] attempt ${Number(failures) + 1} for this index`);
  lines.push(`[playground] restart count ${cs?.restartCount ?? 0}`);
  if (state.terminated) {
    lines.push(`[playground] exited with code ${state.terminated.exitCode}${state.terminated.reason ? ` (${state.terminated.reason})` : ''}`);
  } else lines.push('[playground] running…');
  return lines;
}

/** Resolve `POD` or `job/NAME` (kubectl picks the first pod and says so). */
function podForLogs(env: Env, target: string): Pod | undefined {
  const ns = namespaceOf(env);
  const slash = target.indexOf('/');
  const kind = slash < 0 ? 'pod' : target.slice(0, slash).toLowerCase();
  const name = slash < 0 ? target : target.slice(slash + 1);
  if (['pod', 'pods', 'po'].includes(kind)) {
    const r = env.api.getPod(ns, name);
    if (r.ok) return r.value;
    env.out.err(apiErrorText(r.error));
    return undefined;
  }
  if (!['job', 'jobs', 'job.batch', 'jobs.batch'].includes(kind)) {
    env.out.err(`error: cannot get logs for ${kind}: only pods and jobs are supported in the playground`);
    return undefined;
  }
  const job = env.api.getJob(ns, name);
  if (!job.ok) {
    env.out.err(apiErrorText(job.error));
    return undefined;
  }
  const pods = env.api.listPods({ namespace: ns, labelSelector: `batch.kubernetes.io/controller-uid=${job.value.metadata.uid ?? ''}` });
  const list = pods.ok ? [...pods.value].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1)) : [];
  const first = list[0];
  if (!first) {
    env.out.err(`error: timed out waiting for the condition`);
    return undefined;
  }
  if (list.length > 1) env.out.note(`Found ${list.length} pods, using pod/${first.metadata.name ?? ''}`);
  return first;
}

export function runLogs(env: Env): void {
  const target = env.flags.args[0];
  if (target === undefined) {
    return env.out.err("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
  }
  const pod = podForLogs(env, target);
  if (!pod) return;
  const names = (pod.spec.containers ?? []).map((c) => c.name);
  let container = flagString(env.flags, 'container');
  if (container === undefined) {
    container = names[0] ?? '';
    if (names.length > 1) env.out.note(`Defaulted container "${container}" out of: ${names.join(', ')}`);
  } else if (!names.includes(container)) {
    return env.out.err(`error: container ${container} is not valid for pod ${pod.metadata.name ?? ''}`);
  }
  const lines = simulatedLog(pod, container, flagBool(env.flags, 'previous'));
  if (typeof lines === 'string') return env.out.err(lines);
  const tail = flagInt(env.flags, 'tail');
  const shown = tail !== undefined && tail >= 0 ? lines.slice(Math.max(0, lines.length - tail)) : lines;
  if (shown.length > 0) env.out.out(shown.join('\n'));
}

/** Jobs have no scale subresource since v1.15; kubectl's PATCH of /scale gets a 404. */
export function runScale(env: Env): void {
  const wanted = flagInt(env.flags, 'replicas');
  if (wanted === undefined) return env.out.err('error: required flag(s) "replicas" not set');
  // kubectl checks the count before it talks to the server.
  if (wanted < 0) return env.out.err('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const target = env.flags.args.join(' ');
  const m = /^(job|jobs|job\.batch|jobs\.batch)[ /](\S+)$/.exec(target);
  if (!m) {
    if (env.flags.args.length === 0) return env.out.err("error: resource(s) were provided, but no name was specified");
    return env.out.err(`error: the playground only knows jobs; ${target} cannot be scaled`);
  }
  const name = m[2] ?? '';
  const job = env.api.getJob(namespaceOf(env), name);
  if (!job.ok) return env.out.err(apiErrorText(job.error));
  const replicas = flagInt(env.flags, 'replicas') ?? 0;
  env.out.err(
    `Error from server (NotFound): the server could not find the requested resource (patch jobs ${name})\n` +
      `hint: Jobs have no scale subresource (kubectl scale stopped supporting Jobs in v1.15); change spec.parallelism instead:\n` +
      `  kubectl patch job ${name} --type=merge -p '{"spec":{"parallelism":${replicas}}}'`,
  );
}

export function runVersion(env: Env): void {
  const clientOnly = flagBool(env.flags, 'client');
  const out = flagString(env.flags, 'output');
  const info = (v: string) => ({ major: '1', minor: '34', gitVersion: v, platform: 'js/wasm' });
  if (out === 'json' || out === 'yaml') {
    const obj: Record<string, unknown> = { clientVersion: info(CLIENT_VERSION), kustomizeVersion: KUSTOMIZE_VERSION };
    if (!clientOnly) obj.serverVersion = info(CLIENT_VERSION);
    env.out.out(out === 'json' ? toKubectlJson(obj) : toKubectlYaml(obj));
    return;
  }
  if (out !== undefined) return env.out.err(`error: --output must be 'yaml' or 'json'`);
  let text = `Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
  if (!clientOnly) text += `Server Version: ${CLIENT_VERSION}\n`;
  env.out.out(text);
}

export function runExplain(env: Env): void {
  const path = env.flags.args[0];
  if (path === undefined) {
    return env.out.err("You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl explain -h' for help and examples");
  }
  const r = explainField(path, 'en');
  if (r.ok) env.out.out(r.text);
  else env.out.err(r.error);
}
