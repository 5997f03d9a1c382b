// The batch/v1 Job wire schema used by decode.ts: field names and Go types of
// k8s.io/api batch/v1 and core/v1 (v1.34). Subtrees the engine never inspects (affinity,
// security contexts, volume sources, ...) are typed `any`: they keep whatever JSON they hold.

export type Schema =
  | { t: 'string' | 'int32' | 'int64' | 'bool' | 'quantity' | 'intOrString' | 'time' | 'any' }
  | { t: 'object'; go: string; fields: Record<string, Schema>; open?: boolean }
  | { t: 'array'; go: string; of: Schema }
  | { t: 'map'; go: string; of: Schema };

const S: Schema = { t: 'string' };
const I32: Schema = { t: 'int32' };
const I64: Schema = { t: 'int64' };
const B: Schema = { t: 'bool' };
const T: Schema = { t: 'time' };
const ANY: Schema = { t: 'any' };
const Q: Schema = { t: 'quantity' };

const obj = (go: string, fields: Record<string, Schema>, open = false): Schema => ({ t: 'object', go, fields, open });
const list = (of: Schema): Schema => ({ t: 'array', go: `[]${of.t === 'object' ? of.go : goName(of)}`, of });
const map = (of: Schema): Schema => ({ t: 'map', go: `map[string]${goName(of)}`, of });
const anyList = list(ANY);

export function goName(s: Schema): string {
  switch (s.t) {
    case 'object':
    case 'array':
    case 'map':
      return s.go;
    case 'quantity':
      return 'resource.Quantity';
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'time':
      return 'v1.Time';
    case 'any':
      return 'interface {}';
    default:
      return s.t;
  }
}

const STRINGS = list(S);
const STRMAP = map(S);

const objectMeta = obj('v1.ObjectMeta', {
  name: S,
  generateName: S,
  namespace: S,
  selfLink: S,
  uid: S,
  resourceVersion: S,
  generation: I64,
  creationTimestamp: T,
  deletionTimestamp: T,
  deletionGracePeriodSeconds: I64,
  labels: STRMAP,
  annotations: STRMAP,
  ownerReferences: list(
    obj('v1.OwnerReference', { apiVersion: S, kind: S, name: S, uid: S, controller: B, blockOwnerDeletion: B }),
  ),
  finalizers: STRINGS,
  managedFields: anyList,
});

const resources = obj('v1.ResourceRequirements', {
  limits: map(Q),
  requests: map(Q),
  claims: list(obj('v1.ResourceClaim', { name: S, request: S })),
});

const keySelector = (go: string): Schema => obj(go, { name: S, key: S, optional: B });

const envVar = obj('v1.EnvVar', {
  name: S,
  value: S,
  valueFrom: obj('v1.EnvVarSource', {
    fieldRef: obj('v1.ObjectFieldSelector', { apiVersion: S, fieldPath: S }),
    resourceFieldRef: obj('v1.ResourceFieldSelector', { containerName: S, resource: S, divisor: Q }),
    configMapKeyRef: keySelector('v1.ConfigMapKeySelector'),
    secretKeyRef: keySelector('v1.SecretKeySelector'),
    fileKeyRef: ANY,
  }),
});

const containerFields: Record<string, Schema> = {
  name: S,
  image: S,
  command: STRINGS,
  args: STRINGS,
  workingDir: S,
  ports: list(obj('v1.ContainerPort', { name: S, hostPort: I32, containerPort: I32, protocol: S, hostIP: S })),
  envFrom: list(
    obj('v1.EnvFromSource', {
      prefix: S,
      configMapRef: obj('v1.ConfigMapEnvSource', { name: S, optional: B }),
      secretRef: obj('v1.SecretEnvSource', { name: S, optional: B }),
    }),
  ),
  env: list(envVar),
  resources,
  resizePolicy: list(obj('v1.ContainerResizePolicy', { resourceName: S, restartPolicy: S })),
  restartPolicy: S,
  restartPolicyRules: anyList,
  volumeMounts: list(
    obj('v1.VolumeMount', {
      name: S,
      readOnly: B,
      recursiveReadOnly: S,
      mountPath: S,
      subPath: S,
      mountPropagation: S,
      subPathExpr: S,
    }),
  ),
  volumeDevices: list(obj('v1.VolumeDevice', { name: S, devicePath: S })),
  livenessProbe: ANY,
  readinessProbe: ANY,
  startupProbe: ANY,
  lifecycle: ANY,
  terminationMessagePath: S,
  terminationMessagePolicy: S,
  imagePullPolicy: S,
  securityContext: ANY,
  stdin: B,
  stdinOnce: B,
  tty: B,
};

const container = obj('v1.Container', containerFields);
const ephemeralContainer = obj('v1.EphemeralContainer', { ...containerFields, targetContainerName: S });

const podSpec = obj('v1.PodSpec', {
  volumes: list(obj('v1.Volume', { name: S }, true)),
  initContainers: list(container),
  containers: list(container),
  ephemeralContainers: list(ephemeralContainer),
  restartPolicy: S,
  terminationGracePeriodSeconds: I64,
  activeDeadlineSeconds: I64,
  dnsPolicy: S,
  nodeSelector: STRMAP,
  serviceAccountName: S,
  serviceAccount: S,
  automountServiceAccountToken: B,
  nodeName: S,
  hostNetwork: B,
  hostPID: B,
  hostIPC: B,
  shareProcessNamespace: B,
  securityContext: ANY,
  imagePullSecrets: list(obj('v1.LocalObjectReference', { name: S })),
  hostname: S,
  hostnameOverride: S,
  subdomain: S,
  affinity: ANY,
  schedulerName: S,
  tolerations: list(obj('v1.Toleration', { key: S, operator: S, value: S, effect: S, tolerationSeconds: I64 })),
  hostAliases: list(obj('v1.HostAlias', { ip: S, hostnames: STRINGS })),
  priorityClassName: S,
  priority: I32,
  dnsConfig: ANY,
  readinessGates: list(obj('v1.PodReadinessGate', { conditionType: S })),
  runtimeClassName: S,
  enableServiceLinks: B,
  preemptionPolicy: S,
  overhead: map(Q),
  topologySpreadConstraints: anyList,
  setHostnameAsFQDN: B,
  os: obj('v1.PodOS', { name: S }),
  hostUsers: B,
  schedulingGates: list(obj('v1.PodSchedulingGate', { name: S })),
  resourceClaims: anyList,
  resources,
});

const selector = obj('v1.LabelSelector', {
  matchLabels: STRMAP,
  matchExpressions: list(obj('v1.LabelSelectorRequirement', { key: S, operator: S, values: STRINGS })),
});

const jobSpec = obj('v1.JobSpec', {
  parallelism: I32,
  completions: I32,
  activeDeadlineSeconds: I64,
  podFailurePolicy: obj('v1.PodFailurePolicy', {
    rules: list(
      obj('v1.PodFailurePolicyRule', {
        action: S,
        onExitCodes: obj('v1.PodFailurePolicyOnExitCodesRequirement', { containerName: S, operator: S, values: list(I32) }),
        onPodConditions: list(obj('v1.PodFailurePolicyOnPodConditionsPattern', { type: S, status: S })),
      }),
    ),
  }),
  successPolicy: obj('v1.SuccessPolicy', {
    rules: list(obj('v1.SuccessPolicyRule', { succeededIndexes: S, succeededCount: I32 })),
  }),
  backoffLimit: I32,
  backoffLimitPerIndex: I32,
  maxFailedIndexes: I32,
  selector,
  manualSelector: B,
  template: obj('v1.PodTemplateSpec', { metadata: objectMeta, spec: podSpec }),
  ttlSecondsAfterFinished: I32,
  completionMode: S,
  suspend: B,
  podReplacementPolicy: S,
  managedBy: S,
});

const jobStatus = obj('v1.JobStatus', {
  conditions: list(
    obj('v1.JobCondition', { type: S, status: S, lastProbeTime: T, lastTransitionTime: T, reason: S, message: S }),
  ),
  startTime: T,
  completionTime: T,
  active: I32,
  succeeded: I32,
  failed: I32,
  terminating: I32,
  completedIndexes: S,
  failedIndexes: S,
  uncountedTerminatedPods: obj('v1.UncountedTerminatedPods', { succeeded: STRINGS, failed: STRINGS }),
  ready: I32,
});

export const JOB_SCHEMA = obj('v1.Job', { apiVersion: S, kind: S, metadata: objectMeta, spec: jobSpec, status: jobStatus });
