// Plumbing shared by the kubectl subcommands: output buffers, resource aliases,
// namespace resolution and API-error printing (cmdutil.CheckErr / AddSourceToErr).

import { kubectlErrorText, type StatusError } from '../api/errors';
import type { ApiResult, KubectlApi } from './api';
import { flagBool, flagString, type ParsedFlags } from './flags';

export interface KubectlContext {
  /** Virtual ms since clockStart. */
  nowMs: number;
  /** RFC3339 instant of virtual time 0. */
  clockStart: string;
  /** File name → contents, for `-f`. */
  files?: Record<string, string>;
  /** Namespace used when -n is absent (default "default"). */
  defaultNamespace?: string;
}

export interface KubectlResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export class Out {
  stdout = '';
  stderr = '';
  failed = false;
  out(text: string): void {
    this.stdout += text.endsWith('\n') || text === '' ? text : text + '\n';
  }
  err(text: string): void {
    this.stderr += text.endsWith('\n') ? text : text + '\n';
    this.failed = true;
  }
  /** stderr text that is not a failure (warnings, "No resources found"). */
  note(text: string): void {
    this.stderr += text.endsWith('\n') ? text : text + '\n';
  }
  warnings(r: ApiResult<unknown>): void {
    if (r.ok) for (const w of r.warnings ?? []) this.note(`Warning: ${w}`);
  }
  result(): KubectlResult {
    return { ok: !this.failed, stdout: this.stdout, stderr: this.stderr };
  }
}

export interface Env {
  api: KubectlApi;
  ctx: KubectlContext;
  flags: ParsedFlags;
  out: Out;
  /** The subcommand, for `See 'kubectl <cmd> --help'`. */
  cmd: string;
}

export type ResourceKind = 'jobs' | 'pods' | 'events';

const ALIASES: Record<string, ResourceKind> = {
  job: 'jobs',
  jobs: 'jobs',
  'job.batch': 'jobs',
  'jobs.batch': 'jobs',
  'job.v1.batch': 'jobs',
  'jobs.v1.batch': 'jobs',
  pod: 'pods',
  pods: 'pods',
  po: 'pods',
  'pods.v1.': 'pods',
  event: 'events',
  events: 'events',
  ev: 'events',
};

export function resolveKind(word: string): ResourceKind | undefined {
  return ALIASES[word.toLowerCase()];
}

export function unknownResourceText(word: string): string {
  return `error: the server doesn't have a resource type "${word}"`;
}

/** `job.batch`, `pod`, `event` as success messages print them. */
export function kindLabel(kind: ResourceKind): string {
  return kind === 'jobs' ? 'job.batch' : kind === 'pods' ? 'pod' : 'event';
}

/** `jobs.batch`, `pods`, `events` as NotFound messages name them. */
export function resourceLabel(kind: ResourceKind): string {
  return kind === 'jobs' ? 'jobs.batch' : kind;
}

export function namespaceOf(env: Env): string {
  return flagString(env.flags, 'namespace') ?? env.ctx.defaultNamespace ?? 'default';
}

export function allNamespaces(env: Env): boolean {
  return flagBool(env.flags, 'all-namespaces');
}

/** Print an API error as kubectl does, optionally with `error when <verb> "<source>": `. */
export function apiErrorText(err: StatusError, verbSource?: string): string {
  const invalid = err.reason === 'Invalid' && (err.details?.causes?.length ?? 0) > 0 && err.details?.kind;
  if (verbSource === undefined || invalid) return kubectlErrorText(err);
  return kubectlErrorText({ ...err, message: `${verbSource}: ${err.message}` });
}

/** `No resources found in <ns> namespace.` (or without the namespace for -A). */
export function noResources(env: Env): string {
  return allNamespaces(env) ? 'No resources found' : `No resources found in ${namespaceOf(env)} namespace.`;
}

/** Split `TYPE NAME...`, `TYPE/NAME...` or `TYPE1,TYPE2` arguments. */
export type Targets = { ok: true; groups: { kind: ResourceKind; names: string[] }[] } | { ok: false; error: string };

export function parseTargets(args: string[]): Targets {
  if (args.length === 0) return { ok: true, groups: [] };
  const first = args[0] ?? '';
  if (first.includes('/')) {
    const groups: { kind: ResourceKind; names: string[] }[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0) {
        return { ok: false, error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'` };
      }
      const kind = resolveKind(a.slice(0, slash));
      if (!kind) return { ok: false, error: unknownResourceText(a.slice(0, slash)) };
      const name = a.slice(slash + 1);
      const g = groups.find((x) => x.kind === kind);
      if (g) g.names.push(name);
      else groups.push({ kind, names: [name] });
    }
    return { ok: true, groups };
  }
  const kinds: ResourceKind[] = [];
  for (const word of first.split(',')) {
    const kind = resolveKind(word);
    if (!kind) return { ok: false, error: unknownResourceText(word) };
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  return { ok: true, groups: kinds.map((kind) => ({ kind, names: args.slice(1) })) };
}
