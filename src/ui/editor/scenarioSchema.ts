// The JSON schema of the scenario file for editor completion, hover and light checks, in
// the UI language. spec.job is a real batch/v1 Job schema (jobSchema.ts); the rest
// mirrors the keys src/scenario/parse*.ts accept. The authoritative validation (exact
// messages and positions) is still src/scenario/parse.ts, run in the worker.

import type { JSONSchema } from 'monaco-yaml';
import type { Lang } from '../../state/persistence';
import { JOB_NODE } from './jobSchema';
import { T, localize, node, type DocLang, type Node } from './schemaDoc';

const seconds: JSONSchema = { anyOf: [{ type: 'number', minimum: 0 }, { type: 'string' }] };
const secs = (en: string, zh: string): Node => node(seconds, en, zh);

const outcome: Record<string, Node> = {
  startupSeconds: secs('Pending → Running: scheduling and image pull.', 'Pending → Running：调度与拉取镜像的时间。'),
  readySeconds: secs('Running → Ready (0: ready as soon as it runs).', 'Running → Ready（0：运行即就绪）。'),
  durationSeconds: secs('How long the main container runs before it exits.', '主容器运行多久后退出。'),
  exitCode: node(T.int(0, 255), 'The exit code of the container (0: success).', '容器的退出码（0 表示成功）。'),
  terminationSeconds: secs('Time a deleted pod spends Terminating before it is gone.', '被删除的 Pod 处于 Terminating 的时长。'),
  container: node(T.str(), 'Which container exits with exitCode (default: the first); may name an init container.', '哪个容器以 exitCode 退出（默认第一个）；可以是 init 容器。'),
  conditions: node(T.arr(), 'Pod conditions the pod carries when it terminates (for podFailurePolicy onPodConditions).', 'Pod 终止时带有的条件（供 podFailurePolicy 的 onPodConditions 匹配）。', {
    items: node(T.obj(), 'A pod condition.', '一个 Pod 条件。', {
      closed: true,
      required: ['type'],
      props: {
        type: node(T.str(), 'The condition type, e.g. ConfigIssue.', '条件类型，例如 ConfigIssue。'),
        status: node(T.oneOf('True', 'False', 'Unknown'), 'Default True.', '默认 True。'),
        reason: node(T.str(), 'A machine-readable reason.', '机器可读的原因。'),
        message: node(T.str(), 'A human-readable message.', '人类可读的消息。'),
      },
    }),
  }),
  succeedAfterRestarts: node(T.int(0, 1000), 'restartPolicy OnFailure: the container succeeds after this many restarts.', 'restartPolicy 为 OnFailure 时：容器重启这么多次后成功。'),
};

const podTarget = (extra: Record<string, Node>, en: string, zh: string): Node =>
  node({ type: ['object', 'null'] }, en, zh, {
    closed: true,
    props: {
      index: node(T.int(0), 'The running pod of this completion index (Indexed Jobs).', '该完成索引下正在运行的 Pod（Indexed Job）。'),
      name: node(T.str(), 'The pod with this name. Without index or name: the oldest running pod.', '指定名称的 Pod。未给出 index 与 name 时为最早的运行中 Pod。'),
      ...extra,
    },
  });

const actionProps: Record<string, Node> = {
  at: secs('When the action happens: seconds since t=0, a number or "1m30s". Actions are in time order.', '动作发生的时间：自 t=0 起的秒数，数字或 "1m30s"。动作须按时间排序。'),
  failPod: podTarget({ exitCode: node(T.int(0, 255), 'The exit code (default 1).', '退出码（默认 1）。') }, 'Make a running pod fail with an exit code.', '让运行中的 Pod 以指定退出码失败。'),
  disruptPod: podTarget({ reason: node(T.str(), 'The DisruptionTarget reason (default EvictionByEvictionAPI).', 'DisruptionTarget 的原因（默认 EvictionByEvictionAPI）。') }, 'Evict a pod: DisruptionTarget=True, then deletion.', '驱逐 Pod：先加 DisruptionTarget=True 条件，再删除。'),
  deletePod: podTarget({ gracePeriodSeconds: node(T.int(0, 86400), 'Overrides terminationGracePeriodSeconds.', '覆盖 terminationGracePeriodSeconds。') }, 'Delete a pod, as kubectl delete pod.', '删除 Pod，等同 kubectl delete pod。'),
  setPodCondition: podTarget(
    {
      type: node(T.str(), 'The condition type.', '条件类型。'),
      status: node(T.oneOf('True', 'False', 'Unknown'), 'The condition status.', '条件状态。'),
      reason: node(T.str(), 'The reason.', '原因。'),
      message: node(T.str(), 'The message.', '消息。'),
    },
    'Set a condition on a pod.',
    '为 Pod 设置一个条件。',
  ),
  suspend: node(T.bool(), 'true suspends the Job, false resumes it.', 'true 挂起 Job，false 恢复。'),
  scale: node(T.obj(), 'Change parallelism (and completions, for elastic Indexed Jobs).', '修改 parallelism（弹性 Indexed Job 还可修改 completions）。', {
    closed: true,
    props: { parallelism: node(T.int(), 'The new parallelism.', '新的 parallelism。'), completions: node(T.int(), 'The new completions.', '新的 completions。') },
  }),
  patchJob: node(T.obj(), 'Patch the Job as kubectl patch does.', '像 kubectl patch 一样修补 Job。', {
    closed: true,
    required: ['patch'],
    props: {
      type: node(T.oneOf('merge', 'strategic', 'json'), 'The patch type (default strategic).', '补丁类型（默认 strategic）。'),
      patch: node({ type: ['object', 'array'] }, 'The patch: a mapping (merge/strategic) or a list of operations (json).', '补丁内容：映射（merge/strategic）或操作列表（json）。'),
    },
  }),
  kubectl: node(T.str(), 'A kubectl command line (a subset), e.g. "delete pod -l …".', '一条 kubectl 命令（子集），例如 "delete pod -l …"。'),
  deleteJob: node({ type: ['object', 'null'] }, 'Delete the Job.', '删除 Job。', {
    closed: true,
    props: { propagationPolicy: node(T.oneOf('Background', 'Foreground', 'Orphan'), 'What happens to the pods.', 'Pod 如何处理。') },
  }),
  apply: node(T.obj(), 'Apply a new Job manifest, as kubectl apply.', '应用新的 Job 清单，等同 kubectl apply。'),
};

const SCENARIO: Node = node(T.obj(), 'A Job Playground scenario.', 'Job Playground 场景。', {
  closed: true,
  required: ['spec'],
  props: {
    apiVersion: node(T.oneOf('job-playground/v1'), 'The scenario format version.', '场景格式版本。'),
    kind: node(T.oneOf('Scenario'), 'Always Scenario.', '固定为 Scenario。'),
    metadata: node(T.obj(), 'Name, title and description of the scenario.', '场景的名称、标题与描述。', {
      props: {
        name: node(T.str(), 'A DNS-1123 label used in URLs and file names.', '用于 URL 和文件名的 DNS-1123 标签。'),
        title: node(T.str(), 'Shown in the gallery.', '在示例库中显示。'),
        description: node(T.str(), 'Free text (markdown).', '自由文本（markdown）。'),
      },
    }),
    expect: node(T.obj(), 'The outcome the scenario is meant to show (checked with --check).', '场景预期展示的结果（用 --check 检查）。'),
    spec: node(T.obj(), 'The Job, how its pods behave, and the timeline of actions.', 'Job、其 Pod 的行为以及动作时间线。', {
      closed: true,
      required: ['job'],
      props: {
        clock: node(T.obj(), 'The simulated wall clock.', '模拟的墙上时钟。', {
          props: { start: node(T.str(), 'RFC 3339 time of t=0 (default 2025-01-01T00:00:00Z).', 't=0 的 RFC 3339 时间（默认 2025-01-01T00:00:00Z）。') },
        }),
        seed: node(T.int(0, 4294967295), 'Seeds every random choice (default 1).', '所有随机选择的种子（默认 1）。'),
        controller: node(T.obj(), 'Job controller settings.', 'Job 控制器设置。', {
          props: { syncDelaySeconds: node({ type: 'number', minimum: 0 }, 'Delay before the controller reacts to a change (default 0).', '控制器响应变化前的延迟（默认 0）。') },
        }),
        job: JOB_NODE,
        workload: node(T.obj(), 'How simulated pods behave: defaults, then rules matched in order, then optional randomness.', '模拟 Pod 的行为：默认值、按顺序匹配的规则以及可选的随机性。', {
          closed: true,
          props: {
            defaults: node(T.obj(), 'The outcome of a pod no rule matches.', '未命中任何规则的 Pod 的结果。', { closed: true, props: outcome }),
            rules: node(T.arr(), 'The first matching rule decides a pod\'s outcome.', '第一条命中的规则决定 Pod 的结果。', {
              items: node(T.obj(), 'A rule: which pods (index, attempt) and their outcome.', '一条规则：匹配哪些 Pod（index、attempt）及其结果。', {
                closed: true,
                props: {
                  index: node({ type: ['integer', 'string'] }, 'A completion index or set "1,3-5" (Indexed Jobs).', '完成索引或索引集合 "1,3-5"（Indexed Job）。'),
                  attempt: node({ type: ['integer', 'string'] }, 'Which attempt: 0 = the first pod of the index (NonIndexed: the Nth pod created); a number or "0-2".', '第几次尝试：0 表示该索引的第一个 Pod（NonIndexed：第 N 个创建的 Pod）；数字或 "0-2"。'),
                  ...outcome,
                },
              }),
            }),
            random: node(T.obj(), 'Random outcomes for pods no rule matched, from seed.', '为未命中规则的 Pod 按 seed 生成随机结果。', {
              closed: true,
              props: {
                failureProbability: node({ type: 'number', minimum: 0, maximum: 1 }, 'Probability that a pod fails.', 'Pod 失败的概率。'),
                exitCodes: node({ type: 'array', items: { type: 'integer' } }, 'Exit codes a failing pod picks from.', '失败 Pod 从中选择的退出码。'),
                durationSeconds: node(T.obj(), 'Run time range { min, max }.', '运行时长范围 { min, max }。', { props: { min: secs('Minimum.', '最小值。'), max: secs('Maximum.', '最大值。') } }),
              },
            }),
          },
        }),
        actions: node(T.arr(), 'Interventions in time order; each item has `at` and exactly one action key.', '按时间排序的干预动作；每项包含 at 和恰好一个动作键。', {
          items: node(T.obj(), 'One action.', '一个动作。', { closed: true, required: ['at'], props: actionProps }),
        }),
        until: node(seconds, 'Stop time in seconds, or "finished" (default): stop once the Job has finished and nothing is pending.', '停止时间（秒），或 "finished"（默认）：Job 结束且无待处理事项时停止。'),
      },
    }),
  },
});

export const docLangOf = (lang: Lang): DocLang => (lang === 'zh-CN' ? 'zh' : 'en');

/** The scenario schema with docs in the UI language. */
export function scenarioSchema(lang: Lang): JSONSchema {
  return localize(SCENARIO, docLangOf(lang));
}
