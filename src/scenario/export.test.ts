import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runScenario } from '../engine/index';
import { toKubectlYaml } from '../engine/kubectl/output';
import type { ScenarioAction, SimScenario } from '../engine/sim/scenario';
import { EXAMPLES } from './examples/index';
import { actionLines, exportJobYaml, exportKubectlScript, exportScenarioFile, shellQuote } from './export';
import { exportKindKwokRecipe } from './exportKwok';
import { parseScenario } from './parse';

function scenario(text: string): SimScenario {
  const p = parseScenario(text);
  if (!p.ok) throw new Error(p.errors.map((e) => e.message).join('\n'));
  return p.scenario;
}

function bashSyntaxOk(script: string): boolean {
  execFileSync('bash', ['-n'], { input: script });
  return true;
}

const ALL = EXAMPLES.map((e) => [e.id, scenario(e.text)] as const);

describe('exports', () => {
  it('the final Job is printed as kubectl get -o yaml does', () => {
    const r = runScenario(scenario(EXAMPLES[0]?.text ?? ''), { recordTrace: false });
    if (!r.ok) throw new Error(r.text);
    expect(exportJobYaml(r)).toBe(toKubectlYaml(r.job));
    expect(exportJobYaml(r.job)).toMatch(/^apiVersion: batch\/v1\nkind: Job\nmetadata:\n/);
  });

  it.each(ALL)('%s: the scenario file parses back to the same scenario', (_id, s) => {
    expect(scenario(exportScenarioFile(s))).toEqual(s);
  });

  it.each(ALL)('%s: the kubectl script and the kind + KWOK recipe are valid bash', (_id, s) => {
    const script = exportKubectlScript(s);
    expect(bashSyntaxOk(script)).toBe(true);
    expect(script).toContain('# What a real cluster cannot replay exactly:');
    expect(script).toContain("kubectl apply -n \"$NS\" -f - <<'JOB_PLAYGROUND_MANIFEST'");
    const recipe = exportKindKwokRecipe(s);
    expect(bashSyntaxOk(recipe)).toBe(true);
    const kwokYaml = /<<'JOB_PLAYGROUND_KWOK' \|\| exit 1\n([\s\S]*?)\nJOB_PLAYGROUND_KWOK\n/.exec(recipe)?.[1] ?? '';
    const docs = parseAllDocuments(kwokYaml).map((d) => d.toJS() as { kind: string });
    expect(docs[0]?.kind).toBe('Node');
    expect(docs.slice(1).every((d) => d.kind === 'Stage')).toBe(true);
    expect(docs.length).toBeGreaterThanOrEqual(6);
  });

  const at = { atMs: 5000 };
  it.each<[string, ScenarioAction, string]>([
    ['failPod', { ...at, kind: 'failPod', target: { index: 2 }, exitCode: 137 }, 'make the workload of $pod exit 137'],
    ['disruptPod', { ...at, kind: 'disruptPod', target: {}, reason: 'EvictionByEvictionAPI' }, 'kubectl create --raw "/api/v1/namespaces/$NS/pods/${pod#pod/}/eviction"'],
    ['disruptPod by preemption', { ...at, kind: 'disruptPod', target: {}, reason: 'PreemptionByScheduler' }, '# reason PreemptionByScheduler cannot be produced on purpose'],
    ['deletePod', { ...at, kind: 'deletePod', target: { name: 'demo-x' }, gracePeriodSeconds: 0 }, 'run kubectl delete -n "$NS" "$pod" --wait=false --grace-period=0'],
    ['setPodCondition', { ...at, kind: 'setPodCondition', target: { index: 0 }, type: 'ConfigIssue', status: 'True' }, `--subresource=status --type=strategic -p '{"status":{"conditions":[{"type":"ConfigIssue","status":"True"}]}}'`],
    ['suspend', { ...at, kind: 'suspend', value: true }, `run kubectl patch job -n "$NS" "$JOB" --type=merge -p '{"spec":{"suspend":true}}'`],
    ['scale', { ...at, kind: 'scale', parallelism: 5 }, `-p '{"spec":{"parallelism":5}}'`],
    ['patchJob', { ...at, kind: 'patchJob', patchType: 'json', patch: [{ op: 'replace', path: '/spec/parallelism', value: 2 }] }, `--type=json -p '[{"op":"replace","path":"/spec/parallelism","value":2}]'`],
    ['kubectl', { ...at, kind: 'kubectl', command: 'kubectl label pods -l job-name=demo x=$(id)' }, `run kubectl -n "$NS" label pods -l job-name=demo 'x=$(id)'`],
    ['kubectl with a namespace', { ...at, kind: 'kubectl', command: 'get pods -n other' }, 'run kubectl get pods -n other'],
    ['kubectl that does not tokenize', { ...at, kind: 'kubectl', command: "get pods 'oops" }, '# (not replayed: unexpected EOF'],
    ['deleteJob', { ...at, kind: 'deleteJob', propagationPolicy: 'Orphan' }, 'run kubectl delete job -n "$NS" "$JOB" --wait=false --cascade=orphan'],
    ['applyJob', { ...at, kind: 'applyJob', manifest: { apiVersion: 'batch/v1', kind: 'Job' } }, "run kubectl apply -n \"$NS\" -f - <<'JOB_PLAYGROUND_MANIFEST'"],
  ])('action %s', (_n, a, want) => {
    const text = actionLines(a).join('\n');
    expect(text).toContain(want);
    expect(bashSyntaxOk(`run() { :; }\n${text}\n`)).toBe(true);
  });

  it('pod targets: by index, by name (with a warning), or the oldest running pod', () => {
    expect(actionLines({ atMs: 0, kind: 'deletePod', target: { index: 3 } })[0]).toBe('pod=$(pod_of_index 3)');
    expect(actionLines({ atMs: 0, kind: 'deletePod', target: { name: "it's" } })[0]).toContain(`pod=pod/'it'\\''s'   # a playground pod name`);
    expect(actionLines({ atMs: 0, kind: 'deletePod', target: {} })[0]).toBe('pod=$(oldest_running_pod)');
    expect(actionLines({ atMs: 0, kind: 'failPod', target: {}, exitCode: 3 }, { failPodAnnotation: 'a/b' })).toContain('  run kubectl annotate -n "$NS" "$pod" a/b=3');
  });

  it.each([['plain', 'plain'], ['a b', "'a b'"], ["it's", `'it'\\''s'`], ['$(x)', "'$(x)'"], ['', "''"]])('shellQuote(%j)', (s, q) => {
    expect(shellQuote(s)).toBe(q);
  });

  it('the script waits for each action time and for the end', () => {
    const script = exportKubectlScript(ALL.find(([id]) => id === 'suspend-resets-deadline')?.[1] ?? ALL[0]![1]);
    expect(script).toMatch(/SECONDS=0\n\nwait_until 30\necho "t=30s: suspend"\n/);
    expect(script).toContain('wait_until 50');
    expect(script).toContain('case " $conds " in *" Complete "*|*" Failed "*) break ;; esac');
  });

  it('the KWOK recipe expresses index and per-index attempt rules, and says what it cannot', () => {
    const perIndex = exportKindKwokRecipe(ALL.find(([id]) => id === 'backoff-limit-per-index')![1]);
    expect(perIndex).toContain('name: per-index-rule-0');
    expect(perIndex).toMatch(/key: \.metadata\.labels\["batch\.kubernetes\.io\/job-completion-index"\]\n\s+operator: In\n\s+values:\n\s+- "1"\n\s+- "4"/);
    const indexed = exportKindKwokRecipe(ALL.find(([id]) => id === 'indexed-completed-indexes')![1]);
    expect(indexed).toContain('# - workload rule 0 is not expressed: a rule with both index and attempt');
    const queue = exportKindKwokRecipe(ALL.find(([id]) => id === 'work-queue')![1]);
    expect(queue).toContain('# - workload rule 0 is not expressed: pods carry no attempt number');
    const onFailure = exportKindKwokRecipe(ALL.find(([id]) => id === 'onfailure-restarts-in-place')![1]);
    expect(onFailure).toContain('restartPolicy OnFailure: these stages do not restart containers');
    expect(indexed).toMatch(/nodeSelector:\n\s+type: kwok\n\s+tolerations:/);
    expect(indexed).toContain('{{ index $.metadata.annotations "job-playground.dev/fail-exit-code" }}');
  });
});
