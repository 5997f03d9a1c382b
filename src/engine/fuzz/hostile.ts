// Hostile values for the fuzzer: strings that break naive escaping, numbers at the edges
// of int32/int64/float64, wrong types, invalid Job manifests of many kinds, garbage
// patches and kubectl command lines with hostile arguments. Everything stays plain JSON
// (finite numbers, no lone surrogates) so that a scenario survives a YAML round trip.

import type { Rng } from '../sim/random';
import { jsonClone as clone } from '../api/json_clone';
import type { PatchType } from '../api/patch';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export const HOSTILE_STRINGS: readonly string[] = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
  "'; DROP TABLE jobs; --",
  '\u202Eevil.exe\u202C',
  'a\u200Bb\u200Dc\uFEFF',
  '\u001b[31mred\u001b[0m',
  'tab\there',
  'new\nline',
  'cr\rreturn',
  'nul\u0000byte',
  'ｆｕｌｌｗｉｄｔｈ',
  '名前-テスト',
  'مرحبا-עברית',
  '🙂🙃'.repeat(3),
  'e\u0301\u0301\u0301',
  ' ',
  '',
  'x'.repeat(300),
  '__proto__',
  'constructor',
  'toString',
  '../../etc/passwd',
  '%s%n%x%d',
  '\\',
  '"',
  "'",
  '`id`',
  '$(id)',
  'true',
  'null',
  '0x1F',
  '1e400',
  'NaN',
  '-0',
  '9007199254740993',
  'a=b',
  'a,b',
  '!',
  'demo',
  'fuzz',
];

export const HOSTILE_NUMBERS: readonly number[] = [
  0, -1, 1, 2, 0.5, -0.5, 1.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 2 ** 63, 1e21, 1e300, -1e300,
  Number.MIN_VALUE, 100000, 100001, 10001, 65536,
];

const chance = (r: Rng, p: number): boolean => r.next() < p;

export function hostileString(r: Rng): string {
  return r.pick(HOSTILE_STRINGS);
}

/** A value of any JSON type, shallow (objects and lists of at most a few scalars). */
export function hostileValue(r: Rng, depth = 0): Json {
  const k = r.int(0, depth > 1 ? 3 : 6);
  if (k === 0) return hostileString(r);
  if (k === 1) return r.pick(HOSTILE_NUMBERS);
  if (k === 2) return chance(r, 0.5);
  if (k === 3) return null;
  if (k === 4) return Array.from({ length: r.int(0, 3) }, () => hostileValue(r, depth + 1));
  const o: { [k: string]: Json } = {};
  for (let i = r.int(0, 3); i > 0; i--) setOwn(o, chance(r, 0.5) ? hostileString(r) : r.pick(['a', 'spec', 'name', 'type', 'value']), hostileValue(r, depth + 1));
  return o;
}

/** `o[k] = v` as an own property even for "__proto__" (plain assignment would set the prototype). */
export function setOwn(o: object, k: string, v: Json): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

type Container = { [k: string]: Json } | Json[];

/** Every (container, key) pair in `root`, to pick a spot to mutate. */
function spots(root: Json, out: Array<[Container, string | number]> = [], depth = 0): Array<[Container, string | number]> {
  if (depth > 12 || root === null || typeof root !== 'object') return out;
  const entries: Array<[string | number, Json]> = Array.isArray(root) ? root.map((v, i) => [i, v]) : Object.entries(root);
  for (const [k, v] of entries) {
    out.push([root, k]);
    spots(v, out, depth + 1);
  }
  return out;
}

/** One random change at a random place: a wrong value, a deletion or an unknown key. */
export function mutate(r: Rng, root: Json): void {
  const all = spots(root);
  if (all.length === 0) return;
  const [c, key] = r.pick(all);
  const op = r.int(0, 4);
  if (Array.isArray(c)) {
    if (op === 0) c.splice(Number(key), 1);
    else c[Number(key)] = hostileValue(r);
  } else if (op === 0) delete c[key];
  else setOwn(c, op === 1 ? hostileString(r) || 'x' : String(key), hostileValue(r));
}

const BASE_JOB: Json = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'fuzz' },
  spec: { completions: 3, parallelism: 2, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox:1.36' }] } } },
};

/** Hand-written broken Jobs, each a different validation or decoding path. */
const BROKEN: ReadonlyArray<(r: Rng) => Json> = [
  (r) => ({ apiVersion: r.pick(['batch/v2', 'v1', '', 'apps/v1']), kind: 'Job', metadata: { name: 'fuzz' }, spec: {} }),
  (r) => ({ apiVersion: 'batch/v1', kind: r.pick(['Pod', 'job', '', 'CronJob']), metadata: { name: 'fuzz' } }),
  (r) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: hostileString(r) }, spec: {} }),
  (r) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { generateName: hostileString(r) }, spec: { template: { spec: { containers: [] } } } }),
  (r) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'fuzz', labels: { [hostileString(r)]: hostileString(r) }, annotations: { [hostileString(r)]: hostileString(r) } } }),
  (r) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'fuzz' }, spec: { completionMode: 'Indexed', completions: r.pick(HOSTILE_NUMBERS), parallelism: r.pick(HOSTILE_NUMBERS) } }),
  (r) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'fuzz' }, spec: { manualSelector: true, selector: { matchLabels: { a: hostileString(r) }, matchExpressions: [{ key: hostileString(r), operator: r.pick(['In', 'Exists', 'Bogus']), values: [hostileString(r)] }] } } }),
  (r) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'fuzz' }, spec: { podFailurePolicy: { rules: Array.from({ length: r.int(0, 22) }, () => hostileValue(r)) } } }),
  (r) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'fuzz' }, spec: { completionMode: 'Indexed', completions: 5, successPolicy: { rules: [{ succeededIndexes: r.pick(['0-', '5-1', '1,1', 'a', '-1', '0-99999999999']), succeededCount: r.pick(HOSTILE_NUMBERS) }] } } }),
  (r) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'fuzz' }, spec: { template: { spec: { restartPolicy: r.pick(['Always', 'never', '', 'OnFailure']), containers: [{ name: hostileString(r), image: hostileString(r), command: [hostileString(r)], env: [{ name: hostileString(r), value: hostileString(r) }] }] } } } }),
  (r) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'fuzz' }, spec: { template: { metadata: { labels: { 'batch.kubernetes.io/job-name': hostileString(r) } }, spec: { restartPolicy: 'Never', containers: [{ name: 'a', image: 'b', resources: { limits: { cpu: hostileString(r) }, requests: { memory: r.pick(['1Ei', '-1', '1e400', '0.1m', '1.5']) } } }] } } } }),
  (r) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'fuzz' }, spec: { managedBy: hostileString(r), backoffLimitPerIndex: r.pick(HOSTILE_NUMBERS), maxFailedIndexes: r.pick(HOSTILE_NUMBERS), completionMode: r.pick(['Indexed', 'NonIndexed', 'indexed']) } }),
];

/** An invalid (or very likely invalid) Job manifest: a broken template or a mutated valid Job. */
export function invalidJob(r: Rng, valid: unknown): Json {
  if (chance(r, 0.4)) {
    const j = r.pick(BROKEN)(r);
    if (chance(r, 0.5)) mutate(r, j);
    return j;
  }
  const j = clone((valid ?? BASE_JOB) as Json);
  for (let n = r.int(1, 3); n > 0; n--) mutate(r, j);
  return j;
}

const JSON_PATHS = ['/spec/parallelism', '/spec/completions', '/spec/-', '', '/', '/metadata/labels/a~1b', '/metadata/name', '/status', '/spec/template/spec/containers/99', '/~2', '/spec/template/spec/containers/0/name', '/spec/suspend', '/spec/backoffLimit'];

/** A patch of the given type whose content is garbage more often than not. */
export function garbagePatch(r: Rng, type: PatchType): Json {
  if (type === 'json') {
    return Array.from({ length: r.int(0, 3) }, () => {
      const op: { [k: string]: Json } = { op: r.pick(['add', 'remove', 'replace', 'move', 'copy', 'test', 'bogus']), path: r.pick(JSON_PATHS) };
      if (chance(r, 0.7)) op.value = hostileValue(r);
      if (chance(r, 0.2)) op.from = r.pick(JSON_PATHS);
      return op;
    });
  }
  const p: { [k: string]: Json } = { spec: { [r.pick(['parallelism', 'completions', 'suspend', 'template', 'selector', 'completionMode', 'podFailurePolicy', hostileString(r)])]: hostileValue(r) } };
  if (chance(r, 0.3)) p.metadata = { labels: { [hostileString(r)]: hostileValue(r) }, annotations: { a: hostileString(r) } };
  if (chance(r, 0.2)) p.status = { succeeded: r.pick(HOSTILE_NUMBERS) };
  if (type === 'strategic' && chance(r, 0.4)) p.$patch = r.pick(['delete', 'replace', 'merge', 'bogus']);
  if (type === 'strategic' && chance(r, 0.3)) p.spec = { template: { spec: { containers: [{ name: 'main', $patch: r.pick(['delete', 'replace']) }], '$setElementOrder/containers': [{ name: hostileString(r) }] } } };
  return p;
}

const SELECTORS = ['a in (', '!!!', 'a=b,c!=d', 'job-name=fuzz', 'x'.repeat(400), 'a notin (b)', '=', 'a==b==c', 'batch.kubernetes.io/job-completion-index in (0,1)', ''];
const OUTPUTS = ['json', 'yaml', 'wide', 'name', 'jsonpath={.items[*].metadata.name}', 'jsonpath={', "jsonpath='{range .items[*]}{.x}{end}'", 'jsonpath={.a[?(@.b=="c")]}', 'custom-columns=A:.metadata.name', 'custom-columns=', 'go-template={{.}}', 'bogus', 'jsonpath={.items[-1:]}', 'jsonpath={..name}'];

/** Quotes a word for the kubectl tokenizer (single quotes; a ' inside is closed and escaped). */
const q = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;

/** A kubectl command line: mostly well-formed commands with hostile arguments, sometimes raw garbage. */
export function hostileKubectl(r: Rng): string {
  const res = r.pick(['pods', 'jobs', 'events', 'job', 'po', 'deployments', 'job.batch', 'pods,jobs', '']);
  const name = chance(r, 0.5) ? r.pick(['fuzz', 'fuzz-0', 'nope']) : hostileString(r);
  const sel = q(r.pick(SELECTORS));
  const forms: Array<() => string> = [
    () => `get ${res} -o ${q(r.pick(OUTPUTS))}`,
    () => `get ${res} ${q(name)} -l ${sel}`,
    () => `get pods --field-selector ${q(r.pick(['status.phase=Running', 'a=b', 'metadata.name!=x', '!']))}`,
    () => `describe ${res} ${q(name)}`,
    () => `delete ${res} ${q(name)} --grace-period=${r.pick(HOSTILE_NUMBERS)}`,
    () => `delete pods -l ${sel} --cascade=${r.pick(['orphan', 'foreground', 'bogus'])}`,
    () => `patch job fuzz --type=${r.pick(['merge', 'json', 'strategic', 'bogus'])} -p ${q(JSON.stringify(garbagePatch(r, r.pick(['merge', 'json', 'strategic']))))}`,
    () => `patch job fuzz -p ${q(r.pick(['{', '[]', 'null', '"x"', '{"spec":', hostileString(r)]))}`,
    () => `label ${res} ${q(name)} ${q(`${hostileString(r)}=${hostileString(r)}`)} --overwrite`,
    () => `annotate job fuzz ${q(`a=${hostileString(r)}`)}`,
    () => `scale job fuzz --replicas=${r.pick(HOSTILE_NUMBERS)}`,
    () => `logs ${q(name)} -c ${q(hostileString(r))} --tail=${r.pick(HOSTILE_NUMBERS)}`,
    () => `explain ${r.pick(['job.spec', 'jobs.spec.template.spec.containers', 'job.spec.nope.x', 'pods', hostileString(r)])}`,
    () => `create -f ${q(hostileString(r))}`,
    () => `-n ${q(hostileString(r))} get jobs`,
    () => hostileString(r),
    () => r.pick(['get pods "unclosed', "get 'unclosed", 'get pods \\', 'kubectl kubectl get pods', '--namespace', 'get --output', 'version -o yaml', 'get pods --watch', '-h', 'get pods --bogus-flag=1']),
  ];
  return r.pick(forms)();
}
