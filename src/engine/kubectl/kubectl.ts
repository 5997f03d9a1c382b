// The kubectl command interpreter: tokenizes a command line like a shell, parses
// flags the way pflag does, dispatches to the subcommand and returns what kubectl
// would print. It never throws: unexpected failures become an `error: …` line.

import type { KubectlApi } from './api';
import { runApply, runCreate, CREATE_FLAGS } from './cmdApply';
import { runDescribe, DESCRIBE_FLAGS } from './cmdDescribe';
import { runGet, GET_FLAGS } from './cmdGet';
import { EXPLAIN_FLAGS, LOGS_FLAGS, runExplain, runLogs, runScale, runVersion, SCALE_FLAGS, VERSION_FLAGS } from './cmdMisc';
import { DELETE_FLAGS, LABEL_FLAGS, PATCH_FLAGS, runDelete, runLabelLike, runPatch } from './cmdModify';
import { parseFlags, type FlagSpec } from './flags';
import { Out, type Env, type KubectlContext, type KubectlResult } from './shared';
import { tokenize } from './tokenize';

export type { KubectlContext, KubectlResult } from './shared';

interface Command {
  flags: FlagSpec[];
  run: (env: Env) => void;
  summary: string;
}

const COMMANDS: Record<string, Command> = {
  get: { flags: GET_FLAGS, run: runGet, summary: 'Display one or many resources' },
  describe: { flags: DESCRIBE_FLAGS, run: runDescribe, summary: 'Show details of a specific resource or group of resources' },
  create: { flags: CREATE_FLAGS, run: runCreate, summary: 'Create a resource from a file' },
  apply: { flags: CREATE_FLAGS, run: runApply, summary: 'Apply a configuration to a resource by file name' },
  patch: { flags: PATCH_FLAGS, run: runPatch, summary: 'Update fields of a resource' },
  delete: { flags: DELETE_FLAGS, run: runDelete, summary: 'Delete resources by resources and names, or by label selector' },
  label: { flags: LABEL_FLAGS, run: (e) => runLabelLike(e, 'labels'), summary: 'Update the labels on a resource' },
  annotate: { flags: LABEL_FLAGS, run: (e) => runLabelLike(e, 'annotations'), summary: 'Update the annotations on a resource' },
  explain: { flags: EXPLAIN_FLAGS, run: runExplain, summary: 'Get documentation for a resource' },
  logs: { flags: LOGS_FLAGS, run: runLogs, summary: 'Print the logs for a container in a pod' },
  scale: { flags: SCALE_FLAGS, run: runScale, summary: 'Set a new size for a deployment, replica set, or replication controller' },
  version: { flags: VERSION_FLAGS, run: runVersion, summary: 'Print the client and server version information' },
};

function levenshtein(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0] ?? 0;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j] ?? 0;
      d[j] = Math.min((d[j] ?? 0) + 1, (d[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length] ?? 0;
}

/** cobra's unknown-command error with its "Did you mean this?" suggestions. */
function unknownCommand(word: string): string {
  const suggestions = Object.keys(COMMANDS).filter((c) => levenshtein(word, c) <= 2 || c.startsWith(word.toLowerCase()));
  let msg = `error: unknown command "${word}" for "kubectl"`;
  if (suggestions.length > 0) msg += `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}`).join('\n')}\n`;
  return `${msg}\nRun 'kubectl --help' for usage.`;
}

function help(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(14)}${c.summary}`);
  return `kubectl controls the Kubernetes cluster manager (playground subset).\n\nCommands:\n${lines.join('\n')}\n\nUsage:\n  kubectl [flags] [options]\n`;
}

/** Split off leading global flags (`kubectl -n ns get …`) so the subcommand can be found. */
function findSubcommand(words: string[]): { index: number } {
  let i = 0;
  while (i < words.length) {
    const w = words[i] ?? '';
    if (w === '-n' || w === '--namespace' || w === '--context') i += 2;
    else if (w.startsWith('--namespace=') || w.startsWith('--context=') || (w.startsWith('-n') && w.length > 2)) i++;
    else break;
  }
  return { index: i };
}

function execute(api: KubectlApi, line: string, ctx: KubectlContext): KubectlResult {
  const out = new Out();
  const tok = tokenize(line);
  if (!tok.ok) {
    out.err(`error: ${tok.error}`);
    return out.result();
  }
  const words = tok.words[0] === 'kubectl' ? tok.words.slice(1) : tok.words;
  const { index } = findSubcommand(words);
  const sub = words[index];
  if (sub === undefined && index > 0) {
    const parsed = parseFlags(words, []);
    if (parsed.ok) out.out(help());
    else out.err(`error: ${parsed.error}\nSee 'kubectl --help' for usage.`);
    return out.result();
  }
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    out.out(help());
    return out.result();
  }
  const cmd = COMMANDS[sub];
  if (!cmd) {
    out.err(sub.startsWith('-') ? `error: unknown flag: ${sub.split('=')[0] ?? sub}\nSee 'kubectl --help' for usage.` : unknownCommand(sub));
    return out.result();
  }
  const rest = [...words.slice(0, index), ...words.slice(index + 1)];
  if (rest.includes('--help') || rest.includes('-h')) {
    out.out(`${cmd.summary}.\n\nUsage:\n  kubectl ${sub} [options]\n`);
    return out.result();
  }
  const parsed = parseFlags(rest, cmd.flags);
  if (!parsed.ok) {
    out.err(`error: ${parsed.error}\nSee 'kubectl ${sub} --help' for usage.`);
    return out.result();
  }
  cmd.run({ api, ctx, flags: parsed.parsed, out, cmd: sub });
  return out.result();
}

/** The most characters one command may print on each stream (a playground limit; kubectl has none). */
export const MAX_KUBECTL_OUTPUT_CHARS = 1024 * 1024;

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** Cuts a stream over the limit at a line boundary and says so on its last line. */
export function capOutput(text: string): string {
  if (text.length <= MAX_KUBECTL_OUTPUT_CHARS) return text;
  const cut = text.lastIndexOf('\n', MAX_KUBECTL_OUTPUT_CHARS);
  const head = text.slice(0, cut > 0 ? cut + 1 : MAX_KUBECTL_OUTPUT_CHARS);
  return `${head}${head.endsWith('\n') ? '' : '\n'}... output truncated: ${mib(text.length)} in all; the playground prints at most ${mib(MAX_KUBECTL_OUTPUT_CHARS)} per command (narrow it with a name, -l or -o name)\n`;
}

/**
 * Run one kubectl command line against the playground API. `ctx.nowMs` is virtual ms
 * since `ctx.clockStart` (RFC3339); `ctx.files` holds the files `-f` may name.
 */
export function runKubectl(api: KubectlApi, commandLine: string, ctx: KubectlContext): KubectlResult {
  try {
    const r = execute(api, commandLine, ctx);
    return { ...r, stdout: capOutput(r.stdout), stderr: capOutput(r.stderr) };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, stdout: '', stderr: `error: internal error in the kubectl emulator: ${msg}\n` };
  }
}
