import { describe, expect, it } from 'vitest';
import { createJob, jobWith } from './testkit';

type Row = [string, Record<string, unknown>, string[]];

const T = 'spec.template.spec';
const C = `${T}.containers.0`;

function check(edits: Record<string, unknown>, expected: string[]): void {
  const out = createJob(jobWith(edits));
  if (expected.length === 0) expect(out.text).toBe('');
  else for (const s of expected) expect(out.text).toContain(s);
}

describe('pod template: containers', () => {
  it.each<Row>([
    ['no containers', { [`${T}.containers`]: [] }, ['spec.template.spec.containers: Required value']],
    ['containers absent', { [`${T}.containers`]: undefined }, ['spec.template.spec.containers: Required value']],
    ['container name empty', { [`${C}.name`]: '' }, ['spec.template.spec.containers[0].name: Required value']],
    ['container name uppercase', { [`${C}.name`]: 'Main' }, ['containers[0].name: Invalid value: "Main": a lowercase RFC 1123 label must consist of']],
    ['container name with dot', { [`${C}.name`]: 'a.b' }, ['containers[0].name: Invalid value: "a.b": must not contain dots']],
    ['container name too long', { [`${C}.name`]: 'a'.repeat(64) }, ['must be no more than 63 characters']],
    ['duplicate container names', { [`${T}.containers.1`]: { name: 'main', image: 'x' } }, ['spec.template.spec.containers[1].name: Duplicate value: "main"']],
    ['init container clashes with container', { [`${T}.initContainers`]: [{ name: 'main', image: 'x' }] }, ['spec.template.spec.initContainers[0].name: Duplicate value: "main"']],
    ['duplicate init containers', { [`${T}.initContainers`]: [{ name: 'i', image: 'x' }, { name: 'i', image: 'x' }] }, ['initContainers[1].name: Duplicate value: "i"']],
    ['image missing', { [`${C}.image`]: undefined }, ['spec.template.spec.containers[0].image: Required value']],
    ['whitespace image accepted', { [`${C}.image`]: ' ' }, []],
    ['bad pull policy', { [`${C}.imagePullPolicy`]: 'Sometimes' }, ['containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"']],
    ['bad termination message policy', { [`${C}.terminationMessagePolicy`]: 'X' }, ['containers[0].terminationMessagePolicy: Unsupported value: "X": supported values: "File", "FallbackToLogsOnError"']],
    ['container restartPolicy forbidden', { [`${C}.restartPolicy`]: 'Always' }, ['containers[0].restartPolicy: Forbidden: may not be set for non-init containers']],
    ['init restartPolicy OnFailure', { [`${T}.initContainers`]: [{ name: 'i', image: 'x', restartPolicy: 'OnFailure' }] }, ['initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"']],
    ['sidecar ok', { [`${T}.initContainers`]: [{ name: 'i', image: 'x', restartPolicy: 'Always' }] }, []],
    ['init probe forbidden', { [`${T}.initContainers`]: [{ name: 'i', image: 'x', livenessProbe: { exec: { command: ['x'] } } }] }, ['initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always']],
    ['liveness successThreshold', { [`${C}.livenessProbe`]: { exec: { command: ['x'] }, successThreshold: 2 } }, ['containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1']],
    ['probe without handler', { [`${C}.readinessProbe`]: { periodSeconds: 5 } }, ['containers[0].readinessProbe: Required value: must specify a handler type']],
    ['probe ok', { [`${C}.readinessProbe`]: { httpGet: { port: 8080 } } }, []],
    ['ephemeral containers forbidden', { [`${T}.ephemeralContainers`]: [{ name: 'dbg', image: 'busybox' }] }, ['spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template']],
  ])('%s', (_n, edits, expected) => check(edits, expected));

  it('ephemeral container in a template gives only the Forbidden error', () => {
    const out = createJob(jobWith({ [`${T}.ephemeralContainers`]: [{ name: 'dbg', image: 'busybox' }] }));
    expect(out.text).toBe('The Job "myjob" is invalid: spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template');
  });
});

describe('pod template: ports, env, resources, volumes', () => {
  it.each<Row>([
    ['port out of range', { [`${C}.ports`]: [{ containerPort: 70000 }] }, ['containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['port missing', { [`${C}.ports`]: [{ name: 'http' }] }, ['containers[0].ports[0].containerPort: Required value']],
    ['hostPort out of range', { [`${C}.ports`]: [{ containerPort: 80, hostPort: 70000 }] }, ['ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['bad protocol', { [`${C}.ports`]: [{ containerPort: 80, protocol: 'ICMP' }] }, ['ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"']],
    ['bad port name', { [`${C}.ports`]: [{ containerPort: 80, name: 'Very--Long-Port-Name' }] }, ['ports[0].name: Invalid value: "Very--Long-Port-Name": must be no more than 15 characters', 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must not contain consecutive hyphens']],
    ['numeric port name', { [`${C}.ports`]: [{ containerPort: 80, name: '123' }] }, ['must contain at least one letter (a-z)']],
    ['duplicate port names', { [`${C}.ports`]: [{ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'http' }] }, ['ports[1].name: Duplicate value: "http"']],
    ['host port conflict', { [`${C}.ports`]: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 81, hostPort: 8080 }] }, ['ports[1].hostPort: Duplicate value: "TCP//8080"']],
    ['env name empty', { [`${C}.env`]: [{ name: '', value: 'x' }] }, ['containers[0].env[0].name: Required value']],
    ['env name with =', { [`${C}.env`]: [{ name: 'A=B', value: 'x' }] }, ['env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'']],
    ['env relaxed names ok', { [`${C}.env`]: [{ name: '1ABC', value: 'x' }, { name: 'MY VAR', value: 'y' }] }, []],
    ['env non-ascii', { [`${C}.env`]: [{ name: 'é', value: 'x' }] }, ['env[0].name: Invalid value: "é"']],
    ['valueFrom empty', { [`${C}.env`]: [{ name: 'A', valueFrom: {} }] }, ['env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`']],
    ['value and valueFrom', { [`${C}.env`]: [{ name: 'A', value: 'x', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }] }, ['env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty']],
    ['two sources', { [`${C}.env`]: [{ name: 'A', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' }, secretKeyRef: { name: 's', key: 'k' } } }] }, ['may not have more than one field specified at a time']],
    ['fieldRef ok', { [`${C}.env`]: [{ name: 'A', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['x']" } } }] }, []],
    ['envFrom without source', { [`${C}.envFrom`]: [{ prefix: 'P_' }] }, ['containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`']],
    ['requests above limits', { [`${C}.resources`]: { requests: { cpu: '2' }, limits: { cpu: '1' } } }, ['containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1']],
    ['requests above limits canonical', { [`${C}.resources`]: { requests: { memory: '2Gi' }, limits: { memory: '1536Mi' } } }, ['Invalid value: "2Gi": must be less than or equal to memory limit of 1536Mi']],
    ['fractional cpu ok', { [`${C}.resources`]: { requests: { cpu: 0.5 }, limits: { cpu: '500m' } } }, []],
    ['negative request', { [`${C}.resources`]: { requests: { cpu: '-1' } } }, ['resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0']],
    ['unknown resource', { [`${C}.resources`]: { limits: { gpu: '1' } } }, ['resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers']],
    ['extended resource request without limit', { [`${C}.resources`]: { requests: { 'example.com/gpu': '1' } } }, ['resources.limits: Required value: Limit must be set for non overcommitable resources']],
    ['extended resource not equal', { [`${C}.resources`]: { requests: { 'example.com/gpu': '1' }, limits: { 'example.com/gpu': '2' } } }, ['resources.requests: Invalid value: "1": must be equal to example.com/gpu limit of 2']],
    ['volume mount unknown', { [`${C}.volumeMounts`]: [{ name: 'data', mountPath: '/d' }] }, ['containers[0].volumeMounts[0].name: Not found: "data"']],
    ['volume mount ok', { [`${C}.volumeMounts`]: [{ name: 'data', mountPath: '/d' }], [`${T}.volumes`]: [{ name: 'data' }] }, []],
    ['mount path empty and repeated', { [`${C}.volumeMounts`]: [{ name: 'd', mountPath: '/x' }, { name: 'd', mountPath: '/x' }], [`${T}.volumes`]: [{ name: 'd', emptyDir: {} }] }, ['volumeMounts[1].mountPath: Invalid value: "/x": must be unique']],
    ['volume bad name', { [`${T}.volumes`]: [{ name: 'Data', emptyDir: {} }] }, ['spec.template.spec.volumes[0].name: Invalid value: "Data"']],
    ['volume duplicate', { [`${T}.volumes`]: [{ name: 'd', emptyDir: {} }, { name: 'd', emptyDir: {} }] }, ['spec.template.spec.volumes[1].name: Duplicate value: "d"']],
    ['volume two types', { [`${T}.volumes`]: [{ name: 'd', emptyDir: {}, hostPath: { path: '/x' } }] }, ['spec.template.spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type']],
    ['volume pvc without claim', { [`${T}.volumes`]: [{ name: 'd', persistentVolumeClaim: {} }] }, ['volumes[0].persistentVolumeClaim.claimName: Required value']],
  ])('%s', (_n, edits, expected) => check(edits, expected));
});

describe('pod template: pod-level fields', () => {
  it.each<Row>([
    ['template label bad', { 'metadata.labels': { x: 'y' }, 'spec.template.metadata.labels': { app: '-bad' } }, ['spec.template.labels: Invalid value: "-bad"']],
    ['template label copied to job', { 'spec.template.metadata.labels': { app: '-bad' } }, ['metadata.labels: Invalid value: "-bad"', 'spec.template.labels: Invalid value: "-bad"']],
    ['template annotation bad', { 'spec.template.metadata.annotations': { 'a b': 'x' } }, ['spec.template.annotations: Invalid value: "a b"']],
    ['dnsPolicy', { [`${T}.dnsPolicy`]: 'Google' }, ['spec.template.spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"']],
    ['dnsPolicy None without config', { [`${T}.dnsPolicy`]: 'None' }, ['spec.template.spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None']],
    ['pod activeDeadlineSeconds 0', { [`${T}.activeDeadlineSeconds`]: 0 }, ['spec.template.spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive']],
    ['nodeSelector bad', { [`${T}.nodeSelector`]: { 'disk type': 'ssd' } }, ['spec.template.spec.nodeSelector: Invalid value: "disk type"']],
    ['hostname invalid', { [`${T}.hostname`]: 'Host_1' }, ['spec.template.spec.hostname: Invalid value: "Host_1"']],
    ['serviceAccountName invalid', { [`${T}.serviceAccountName`]: 'Bad SA' }, ['spec.template.spec.serviceAccountName: Invalid value: "Bad SA"']],
    ['toleration operator', { [`${T}.tolerations`]: [{ key: 'k', operator: 'Maybe' }] }, ['spec.template.spec.tolerations[0].operator: Unsupported value: "Maybe": supported values: "Equal", "Exists"']],
    ['toleration empty key', { [`${T}.tolerations`]: [{ operator: 'Equal', value: 'x' }] }, ['operator must be Exists when `key` is empty']],
    ['scheduling gate duplicate', { [`${T}.schedulingGates`]: [{ name: 'a' }, { name: 'a' }] }, ['spec.template.spec.schedulingGates[1]: Duplicate value: "a"']],
    ['hostNetwork hostPort mismatch', { [`${T}.hostNetwork`]: true, [`${C}.ports`]: [{ containerPort: 80, hostPort: 81 }] }, ['containers[0].ports[0].hostPort: Invalid value: 81: must match `containerPort` when `hostNetwork` is true']],
    ['hostNetwork defaults hostPort', { [`${T}.hostNetwork`]: true, [`${C}.ports`]: [{ containerPort: 80 }] }, []],
    ['os name', { [`${T}.os`]: { name: 'plan9' } }, ['spec.template.spec.os.name: Unsupported value: "plan9": supported values: "linux", "windows"']],
  ])('%s', (_n, edits, expected) => check(edits, expected));
});

describe('warnings on create', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['none for the baseline', {}, []],
    ['name with dots', { 'metadata.name': 'my.job' }, ['metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]']],
    ['Indexed high completions and parallelism', { 'metadata.name': 'j', 'spec.completionMode': 'Indexed', 'spec.completions': 200000, 'spec.parallelism': 20000 }, ['spec: In Indexed Jobs with a number of completions higher than 10^5 and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes when a big number of indexes fail']],
    ['duplicate env', { [`${C}.env`]: [{ name: 'X', value: '1' }, { name: 'X', value: '2' }] }, ['spec.template.spec.containers[0].env[1]: hides previous definition of "X", which may be dropped when using apply']],
    ['duplicate ports', { [`${C}.ports`]: [{ containerPort: 80 }, { containerPort: 80 }] }, ['spec.template.spec.containers[0].ports[1]: duplicate port definition with spec.template.spec.containers[0].ports[0]']],
    ['negative grace period', { [`${T}.terminationGracePeriodSeconds`]: -5 }, ['spec.template.spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1']],
    ['fractional memory', { [`${C}.resources`]: { limits: { memory: '1500m' } } }, ['spec.template.spec.containers[0].resources.limits[memory]: fractional byte value "1500m" is invalid, must be an integer']],
    ['pull secrets', { [`${T}.imagePullSecrets`]: [{ name: 'x' }, { name: 'x' }, { name: '' }] }, ['spec.template.spec.imagePullSecrets[1].name: duplicate name "x"', 'spec.template.spec.imagePullSecrets[2].name: invalid empty name ""']],
    ['deprecated node label', { [`${T}.nodeSelector`]: { 'beta.kubernetes.io/arch': 'amd64' } }, ['spec.template.spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; use "kubernetes.io/arch" instead']],
  ])('%s', (_n, edits, expected) => {
    const out = createJob(jobWith(edits));
    expect(out.text).toBe('');
    expect(out.warnings).toEqual(expected);
  });

  it('no warning for a missing ttlSecondsAfterFinished', () => {
    expect(createJob(jobWith({})).warnings).toEqual([]);
  });
});
