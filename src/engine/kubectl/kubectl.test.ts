import { describe, expect, it } from 'vitest';
import { runKubectl } from './kubectl';
import { explainField } from './explain';
import { CLOCK_START, FakeApi, at, makeEvent, makeJob, makePod } from './testdata/fixtures';

const JOB_YAML = `apiVersion: batch/v1
kind: Job
metadata:
  name: demo
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
`;

function setup(): FakeApi {
  return new FakeApi(
    [makeJob({}, { startTime: at(1), completionTime: at(12), succeeded: 1, ready: 0, conditions: [{ type: 'Complete', status: 'True' }] })],
    [
      makePod('pi-abcde', {
        phase: 'Succeeded',
        containerStatuses: [{ name: 'main', image: 'busybox', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: at(3), finishedAt: at(10) } } }],
      }, { annotations: { 'batch.kubernetes.io/job-completion-index': '0' } }),
    ],
    [makeEvent('pi.1', 'SuccessfulCreate', 'Created pod: pi-abcde', 1), makeEvent('pi.2', 'Completed', 'Job completed', 12)],
  );
}

function run(cmd: string, api = setup()) {
  return runKubectl(api, cmd, { nowMs: 125_000, clockStart: CLOCK_START, files: { 'job.yaml': JOB_YAML, 'dep.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n' } });
}

describe('kubectl commands (golden output)', () => {
  it.each([
    ['get jobs', 'NAME   STATUS     COMPLETIONS   DURATION   AGE\npi     Complete   1/1           11s        2m5s\n'],
    ['kubectl get job pi -o name', 'job.batch/pi\n'],
    ['get pods', 'NAME       READY   STATUS      RESTARTS   AGE\npi-abcde   0/1     Completed   0          2m4s\n'],
    ['get po --show-labels --no-headers', 'pi-abcde   0/1   Completed   0     2m4s   batch.kubernetes.io/controller-uid=a1b2c3d4-0000-4000-8000-000000000001,job-name=pi\n'],
    ['get jobs -o jsonpath={.items[*].metadata.name}', 'pi'],
    ['get job pi -o jsonpath={.status.succeeded}', '1'],
    ['get ev', 'LAST SEEN   TYPE     REASON             OBJECT   MESSAGE\n2m4s        Normal   SuccessfulCreate   job/pi   Created pod: pi-abcde\n113s        Normal   Completed          job/pi   Job completed\n'],
    ['version --client', 'Client Version: v1.34.1\nKustomize Version: v5.7.1\n'],
    ['create -f job.yaml', 'job.batch/demo created\n'],
    ['label job pi team=a', 'job.batch/pi labeled\n'],
    ['annotate job/pi note=x', 'job.batch/pi annotated\n'],
    [`patch job pi --type=merge -p '{"spec":{"parallelism":2}}'`, 'job.batch/pi patched\n'],
    [`patch job pi --type merge -p '{"spec":{"parallelism":1}}'`, 'job.batch/pi patched (no change)\n'],
    ['delete job pi', 'job.batch "pi" deleted from default namespace\n'],
    ['delete pod pi-abcde --grace-period=0 --force', 'pod "pi-abcde" force deleted from default namespace\n'],
    ['delete pods -l job-name=pi', 'pod "pi-abcde" deleted from default namespace\n'],
    ['delete pods -l job-name=nothing', 'No resources found\n'],
    ['logs pi-abcde', '[playground] container main started (simulated output)\n[playground] JOB_COMPLETION_INDEX=0\n[playground] restart count 0\n[playground] exited with code 0 (Completed)\n'],
  ])('%s', (cmd, stdout) => {
    const r = run(cmd);
    expect(r.stdout).toBe(stdout);
    expect(r.ok).toBe(true);
  });

  it('get with several types prefixes names and separates tables', () => {
    const r = run('get jobs,pods');
    expect(r.stdout).toBe(
      'NAME           STATUS     COMPLETIONS   DURATION   AGE\njob.batch/pi   Complete   1/1           11s        2m5s\n\n' +
        'NAME           READY   STATUS      RESTARTS   AGE\npod/pi-abcde   0/1     Completed   0          2m4s\n',
    );
  });

  it('-o json prints one object, a List for several', () => {
    expect(run('get job pi -o json').stdout.startsWith('{\n    "apiVersion": "batch/v1",\n    "kind": "Job",\n')).toBe(true);
    const list = run('get jobs -o yaml').stdout;
    expect(list.startsWith('apiVersion: v1\nitems:\n- apiVersion: batch/v1\n')).toBe(true);
    expect(list.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
  });

  it('apply creates, then reports unchanged, then configured after an edit', () => {
    const api = setup();
    expect(run('apply -f job.yaml', api).stdout).toBe('job.batch/demo created\n');
    expect(run('apply -f job.yaml', api).stdout).toBe('job.batch/demo unchanged\n');
    const created = api.jobs.find((j) => j.metadata.name === 'demo');
    expect(created?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toContain('"name":"demo"');
    const edited = runKubectl(api, 'apply -f job.yaml', {
      nowMs: 0,
      clockStart: CLOCK_START,
      files: { 'job.yaml': JOB_YAML.replace('spec:\n  template', 'spec:\n  parallelism: 2\n  template') },
    });
    expect(edited.stdout).toBe('job.batch/demo configured\n');
    expect(api.calls.at(-1)).toContain('"spec":{"parallelism":2}');
  });

  it('delete passes the cascade policy and grace period', () => {
    const api = setup();
    run('delete job pi --cascade=foreground', api);
    expect(api.calls.at(-1)).toBe('deleteJob default/pi {"propagationPolicy":"Foreground"}');
  });

  it('describe job prints kubectl describe text with the job events', () => {
    const r = run('describe job pi');
    expect(r.stdout.startsWith('Name:             pi\nNamespace:        default\n')).toBe(true);
    expect(r.stdout).toContain('  Normal  Completed         113s  job-controller  Job completed\n');
  });
});

describe('kubectl errors', () => {
  it.each([
    ['get job nope', 'Error from server (NotFound): jobs.batch "nope" not found\n'],
    ['describe pod nope', 'Error from server (NotFound): pods "nope" not found\n'],
    ['foo', 'error: unknown command "foo" for "kubectl"\nRun \'kubectl --help\' for usage.\n'],
    ['gett jobs', 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n\nRun \'kubectl --help\' for usage.\n'],
    ['get pods --foo', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
    ['get pods -x', "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n"],
    ['get pods -n', "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n"],
    ['delete job pi --grace-period=abc', 'error: invalid argument "abc" for "--grace-period" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl delete --help\' for usage.\n'],
    ['get widgets', 'error: the server doesn\'t have a resource type "widgets"\n'],
    ['get pods -o foo', 'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n'],
    ['create -f job.yaml -f job.yaml', 'Error from server (AlreadyExists): error when creating "job.yaml": jobs.batch "demo" already exists\n'],
    ['create -f missing.yaml', 'error: the path "missing.yaml" does not exist\n'],
    ['apply -f dep.yaml', 'error: resource mapping not found for name: "d" namespace: "" from "dep.yaml": no matches for kind "Deployment" in version "apps/v1"\nensure CRDs are installed first\n'],
    ['delete job pi --cascade=maybe', 'error: invalid cascade value (maybe). Must be "background", "foreground", or "orphan".\n'],
    ['label job pi job-name=other', "error: 'job-name' already has a value (pi), and --overwrite is false\n"],
    ['patch job pi', 'error: must specify -p to patch\n'],
    ['get job pi -o jsonpath={.a', 'error: error parsing jsonpath {.a, unclosed action\n'],
    ['explain job.spec.nope', 'error: field "nope" does not exist\n'],
    ['explain cronjob', 'error: the server doesn\'t have a resource type "cronjob"\n'],
    [
      'scale job pi --replicas=3',
      'Error from server (NotFound): the server could not find the requested resource (patch jobs pi)\n' +
        "hint: Jobs have no scale subresource (kubectl scale stopped supporting Jobs in v1.15); change spec.parallelism instead:\n  kubectl patch job pi --type=merge -p '{\"spec\":{\"parallelism\":3}}'\n",
    ],
  ])('%s', (cmd, stderr) => {
    const r = run(cmd);
    expect(r.ok).toBe(false);
    expect(r.stderr).toBe(stderr);
  });

  it('"No resources found" goes to stderr but is not a failure', () => {
    const r = run('get pods -n other');
    expect(r).toEqual({ ok: true, stdout: '', stderr: 'No resources found in other namespace.\n' });
  });
});

describe('explain', () => {
  it('prints kubectl explain layout in English and offers Chinese docs', () => {
    const en = run('explain job.spec.backoffLimit').stdout;
    expect(en.startsWith('GROUP:      batch\nKIND:       Job\nVERSION:    v1\n\nFIELD: backoffLimit <integer>\n\nDESCRIPTION:\n')).toBe(true);
    const zh = explainField('job.spec.backoffLimit', 'zh');
    expect(zh.ok && zh.text.includes('失败')).toBe(true);
    expect(run('explain jobs').stdout).toContain('  spec\t<Object>\n');
  });
});

describe('hostile input never throws', () => {
  const pieces = ['get', 'describe', 'delete', 'patch', 'label', 'logs', 'apply', 'explain', 'scale', 'job', 'pods', 'pi', "'", '"', '\\', '-o', 'jsonpath={', '{range', '-p', '{]', '--', '-', '--=', '-l', '=', 'a-', '--cascade', 'job/', '/', '-f', 'job.yaml', '\u0000', '💥', '--type=json', '[', '-n', 'x'.repeat(300)];
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  it('survives 500 random command lines', () => {
    for (let i = 0; i < 500; i++) {
      const words = Array.from({ length: 1 + rand(6) }, () => pieces[rand(pieces.length)] ?? '');
      const line = words.join(' ');
      const r = run(line);
      expect(typeof r.stdout).toBe('string');
      expect(r.stderr.includes('internal error'), line).toBe(false);
    }
  });
});
