// The pod template part of the editor's Job schema (core/v1 PodTemplateSpec, the fields a
// Job scenario uses). Pod objects stay open (other core/v1 fields are not flagged); the
// Job-specific rule is restartPolicy: Never or OnFailure only.

import { T, node, type Node } from './schemaDoc';

const envVar = node(T.obj(), 'One environment variable.', '一个环境变量。', {
  required: ['name'],
  props: {
    name: node(T.str(), 'The variable name.', '变量名。'),
    value: node(T.str(), 'Its value ($(VAR) references are expanded).', '变量值（会展开 $(VAR) 引用）。'),
    valueFrom: node(T.obj(), 'Take the value from a field, a resource, a ConfigMap or a Secret.', '从字段、资源、ConfigMap 或 Secret 取值。'),
  },
});

const resources = node(T.obj(), 'Compute resources: requests (what the scheduler reserves) and limits (the hard cap).', '计算资源：requests（调度时预留）与 limits（硬上限）。', {
  props: {
    requests: node({ type: 'object', additionalProperties: { type: ['string', 'number'] } }, 'Minimum resources, e.g. cpu: 100m, memory: 64Mi.', '最少资源，例如 cpu: 100m、memory: 64Mi。'),
    limits: node({ type: 'object', additionalProperties: { type: ['string', 'number'] } }, 'Maximum resources, e.g. cpu: "1", memory: 128Mi.', '资源上限，例如 cpu: "1"、memory: 128Mi。'),
  },
});

const port = node(T.obj(), 'A port the container exposes.', '容器暴露的端口。', {
  required: ['containerPort'],
  props: {
    containerPort: node(T.int(1, 65535), 'The port number.', '端口号。'),
    name: node(T.str(), 'An IANA service name for the port.', '端口的 IANA 服务名。'),
    protocol: node(T.oneOf('TCP', 'UDP', 'SCTP'), 'The protocol (default TCP).', '协议（默认 TCP）。'),
  },
});

function container(en: string, zh: string): Node {
  return node(T.obj(), en, zh, {
    required: ['name'],
    props: {
      name: node(T.str(), 'The container name (a DNS-1123 label, unique in the pod). podFailurePolicy onExitCodes.containerName refers to it.', '容器名（DNS-1123 标签，Pod 内唯一）。podFailurePolicy 的 onExitCodes.containerName 引用它。'),
      image: node(T.str(), 'The container image. In the playground the workload section decides how the container behaves, not the image.', '容器镜像。在 playground 中容器的行为由 workload 决定，而非镜像。'),
      command: node({ type: 'array', items: { type: 'string' } }, 'The entrypoint (replaces the image ENTRYPOINT).', '入口命令（替换镜像的 ENTRYPOINT）。'),
      args: node({ type: 'array', items: { type: 'string' } }, 'Arguments to the entrypoint (replace the image CMD).', '入口命令的参数（替换镜像的 CMD）。'),
      env: node(T.arr(), 'Environment variables.', '环境变量。', { items: envVar }),
      resources,
      ports: node(T.arr(), 'Ports the container exposes (informational).', '容器暴露的端口（仅供参考）。', { items: port }),
      imagePullPolicy: node(T.oneOf('Always', 'IfNotPresent', 'Never'), 'When to pull the image. Default Always for :latest or untagged images, otherwise IfNotPresent.', '何时拉取镜像。:latest 或无标签的镜像默认 Always，否则 IfNotPresent。'),
      workingDir: node(T.str(), 'The working directory.', '工作目录。'),
    },
  });
}

const toleration = node(T.obj(), 'Lets the pod schedule onto nodes with a matching taint.', '允许 Pod 调度到带有匹配污点的节点。', {
  props: {
    key: node(T.str(), 'The taint key; empty with operator Exists matches all taints.', '污点键；为空且 operator 为 Exists 时匹配所有污点。'),
    operator: node(T.oneOf('Exists', 'Equal'), 'Equal (default) compares value; Exists ignores it.', 'Equal（默认）比较 value；Exists 不比较。'),
    value: node(T.str(), 'The taint value for Equal.', 'Equal 时的污点值。'),
    effect: node(T.oneOf('NoSchedule', 'PreferNoSchedule', 'NoExecute'), 'The taint effect to match; empty matches all.', '要匹配的污点效果；为空匹配全部。'),
    tolerationSeconds: node(T.int(), 'NoExecute only: how long the pod stays bound after the taint appears.', '仅 NoExecute：污点出现后 Pod 继续保留的秒数。'),
  },
});

const podSpec = node(T.obj(), 'The pod specification.', 'Pod 规约。', {
  required: ['containers', 'restartPolicy'],
  props: {
    containers: node({ type: 'array', minItems: 1 }, 'The containers of the pod (at least one).', 'Pod 的容器（至少一个）。', {
      items: container('An application container.', '应用容器。'),
    }),
    initContainers: node(T.arr(), 'Containers run one after another before the app containers; a failing init container fails the pod (restartPolicy Never).', '在应用容器之前依次运行的容器；init 容器失败会使 Pod 失败（restartPolicy 为 Never 时）。', {
      items: container('An init container.', 'init 容器。'),
    }),
    restartPolicy: node(
      T.oneOf('Never', 'OnFailure'),
      'Never: a failed container fails the pod, and the Job controller creates a new pod. OnFailure: the kubelet restarts the container in the same pod (restarts do not count as pod failures). Required for a Job: Always (the pod default) is rejected.',
      'Never：容器失败即 Pod 失败，由 Job 控制器创建新 Pod。OnFailure：kubelet 在同一 Pod 内重启容器（重启不计为 Pod 失败）。Job 必须设置：Pod 的默认值 Always 会被拒绝。',
    ),
    terminationGracePeriodSeconds: node(T.int(0), 'Seconds a deleted pod gets to shut down before it is killed (default 30).', '删除 Pod 后留给其关闭的秒数，超时则强制终止（默认 30）。'),
    activeDeadlineSeconds: node(T.int(1), 'Per-pod deadline in seconds (1..2147483647); the pod fails with DeadlineExceeded.', '单个 Pod 的期限秒数（1..2147483647），超时 Pod 以 DeadlineExceeded 失败。'),
    nodeSelector: node(T.strMap(), 'Node labels the pod must be scheduled onto.', 'Pod 只能调度到带有这些标签的节点。'),
    tolerations: node(T.arr(), 'Taints the pod tolerates.', 'Pod 容忍的污点。', { items: toleration }),
    serviceAccountName: node(T.str(), 'The service account the pod runs as.', 'Pod 使用的服务账号。'),
    volumes: node(T.arr(), 'Volumes the containers can mount.', '容器可挂载的卷。', { items: node(T.obj(), 'A volume.', '一个卷。') }),
  },
});

export const podTemplate: Node = node(T.obj(), 'The pod template every pod of this Job is created from. restartPolicy must be Never or OnFailure.', '创建本 Job 所有 Pod 的模板。restartPolicy 必须为 Never 或 OnFailure。', {
  required: ['spec'],
  props: {
    metadata: node(T.obj(), 'Metadata copied to every pod.', '复制到每个 Pod 的元数据。', {
      props: {
        labels: node(T.strMap(), 'Labels of the pods; the controller adds job-name, controller-uid and (Indexed) the completion index.', 'Pod 的标签；控制器会加上 job-name、controller-uid 以及（Indexed）完成索引。'),
        annotations: node(T.strMap(), 'Annotations of the pods.', 'Pod 的注解。'),
      },
    }),
    spec: podSpec,
  },
});
