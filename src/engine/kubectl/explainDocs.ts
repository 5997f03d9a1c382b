// Field documentation for `kubectl explain job…`, written for this playground in our
// own words (English and Simplified Chinese). Types follow the OpenAPI names kubectl
// prints (<integer>, <string>, <boolean>, <Object>, <[]Object>, <[]integer>).

export interface FieldDoc {
  type: string;
  en: string;
  zh: string;
  required?: boolean;
  fields?: Record<string, FieldDoc>;
}

const f = (type: string, en: string, zh: string, fields?: Record<string, FieldDoc>, required?: boolean): FieldDoc => ({
  type,
  en,
  zh,
  fields,
  required,
});

const podFailureRule = f('Object', 'One rule: when a failed pod matches it, the action is taken.', '一条规则：失败的 Pod 命中它时执行对应动作。', {
  action: f('string', 'What to do on a match: FailJob (fail the whole Job), FailIndex (fail this index; needs backoffLimitPerIndex), Ignore (do not count the failure) or Count (count it as usual).', '命中后的动作：FailJob（整个 Job 失败）、FailIndex（该索引失败，需要 backoffLimitPerIndex）、Ignore（不计入失败）或 Count（照常计数）。', undefined, true),
  onExitCodes: f('Object', 'Matches on container exit codes.', '按容器退出码匹配。', {
    containerName: f('string', 'Only look at this container; all containers when unset.', '只看这个容器；未设置时检查所有容器。'),
    operator: f('string', 'In: the exit code is one of values; NotIn: it is none of them.', 'In：退出码在 values 中；NotIn：不在其中。', undefined, true),
    values: f('[]integer', 'Up to 255 distinct exit codes, in increasing order. 0 is not allowed with In.', '最多 255 个互不相同且递增的退出码；In 时不能包含 0。', undefined, true),
  }),
  onPodConditions: f('[]Object', 'Matches on pod conditions (for example DisruptionTarget).', '按 Pod 条件匹配（例如 DisruptionTarget）。', {
    type: f('string', 'The pod condition type to look for.', '要匹配的 Pod 条件类型。', undefined, true),
    status: f('string', 'The condition status to match: True (default), False or Unknown.', '要匹配的条件状态：True（默认）、False 或 Unknown。'),
  }),
});

const spec: Record<string, FieldDoc> = {
  activeDeadlineSeconds: f('integer', 'Seconds the Job may stay active, counted from status.startTime. When exceeded, running pods are terminated and the Job fails with reason DeadlineExceeded. Suspending the Job resets the clock.', 'Job 自 status.startTime 起允许保持活动的秒数。超时后终止运行中的 Pod，Job 以 DeadlineExceeded 失败。挂起会重置计时。'),
  backoffLimit: f('integer', 'How many pod failures the Job tolerates: it fails when failed pods exceed it, so it allows backoffLimit+1 attempts (default 6). Replacement pods wait 10s, 20s, 40s … after each failure, capped at 10 minutes in the controller (the Kubernetes docs still say six minutes).', 'Job 允许的 Pod 失败次数：失败的 Pod 数超过它时 Job 失败，因此最多尝试 backoffLimit+1 次（默认 6）。每次失败后重建 Pod 的等待为 10s、20s、40s…，控制器中的上限是 10 分钟（Kubernetes 文档仍写作六分钟）。'),
  backoffLimitPerIndex: f('integer', 'Indexed Jobs only: the failure budget of each index separately. An index that exceeds it is marked failed while the other indexes keep running.', '仅用于 Indexed Job：每个索引单独的失败预算。超出的索引被标记为失败，其他索引继续运行。'),
  completionMode: f('string', 'NonIndexed (default): the Job is done after `completions` pods succeed. Indexed: every pod gets an index 0..completions-1 and each index must succeed once.', 'NonIndexed（默认）：completions 个 Pod 成功即完成。Indexed：每个 Pod 获得 0..completions-1 的索引，每个索引都需成功一次。'),
  completions: f('integer', 'How many successful pods the Job needs. Unset means the Job succeeds as soon as any pod succeeds and all pods have finished (work-queue style).', 'Job 需要的成功 Pod 数。未设置表示任一 Pod 成功且所有 Pod 结束后即完成（工作队列模式）。'),
  managedBy: f('string', 'The controller that reconciles this Job. Unset or kubernetes.io/job-controller means the built-in Job controller; any other value makes it step aside. Immutable.', '负责协调此 Job 的控制器。未设置或为 kubernetes.io/job-controller 时由内置控制器处理，其他值则内置控制器不介入。不可变。'),
  manualSelector: f('boolean', 'When true, you provide spec.selector yourself instead of letting the API server generate a unique one. Rarely needed.', '为 true 时由你自行提供 spec.selector，而不是由 API 服务器生成唯一选择器。很少需要。'),
  maxFailedIndexes: f('integer', 'With backoffLimitPerIndex: when more indexes than this have failed, the whole Job fails.', '与 backoffLimitPerIndex 搭配：失败的索引数超过该值时整个 Job 失败。'),
  parallelism: f('integer', 'The most pods that may run at the same time (default 1). 0 pauses the Job without suspending it. May be changed while the Job runs.', '同时运行的 Pod 上限（默认 1）。设为 0 可暂停 Job（不同于挂起）。运行中可修改。'),
  podFailurePolicy: f('Object', 'Rules that decide what a pod failure means: fail the Job at once, fail one index, ignore the failure, or count it against backoffLimit. The first matching rule wins. Requires restartPolicy Never.', '决定 Pod 失败含义的规则：立即让 Job 失败、让某个索引失败、忽略，或计入 backoffLimit。按顺序取第一条命中的规则。要求 restartPolicy 为 Never。', {
    rules: f('[]Object', 'The ordered list of rules (at most 20).', '有序的规则列表（最多 20 条）。', podFailureRule.fields, true),
  }),
  podReplacementPolicy: f('string', 'When to create a replacement pod: TerminatingOrFailed (default) as soon as the old pod starts terminating, or Failed only once it has fully failed. Failed is required with podFailurePolicy.', '何时创建替代 Pod：TerminatingOrFailed（默认）在旧 Pod 开始终止时即创建；Failed 则等其完全失败。使用 podFailurePolicy 时必须为 Failed。'),
  selector: f('Object', 'The label query that finds this Job\'s pods. Normally generated from the Job\'s uid.', '用于查找本 Job 所属 Pod 的标签选择器，通常根据 Job 的 uid 自动生成。'),
  successPolicy: f('Object', 'Indexed Jobs only: declare the Job successful early, when chosen indexes or enough indexes have succeeded. Remaining pods are then terminated.', '仅用于 Indexed Job：当指定索引或足够数量的索引成功时提前判定 Job 成功，随后终止剩余 Pod。', {
    rules: f('[]Object', 'Rules checked in order (1 to 20); the first satisfied rule makes the Job succeed.', '按顺序检查的规则（1 到 20 条）；第一条满足的规则使 Job 成功。', {
      succeededCount: f('integer', 'How many of the selected indexes must succeed.', '所选索引中需要成功的数量。'),
      succeededIndexes: f('string', 'Index intervals such as "0,2-4" that the rule looks at.', '规则关注的索引区间，例如 "0,2-4"。'),
    }, true),
  }),
  suspend: f('boolean', 'true stops the Job: active pods are deleted and no new ones start until it is set back to false. The active deadline timer is reset on resume.', '为 true 时暂停 Job：删除活动 Pod，在改回 false 前不再创建。恢复时重置活动期限计时。'),
  template: f('Object', 'The pod template every pod of this Job is created from. restartPolicy must be Never or OnFailure.', '创建本 Job 所有 Pod 的模板。restartPolicy 必须为 Never 或 OnFailure。', undefined, true),
  ttlSecondsAfterFinished: f('integer', 'Seconds after the Job finishes (Complete or Failed) before it is deleted automatically together with its pods. Unset: never.', 'Job 结束（Complete 或 Failed）后自动连同 Pod 一起删除前等待的秒数。未设置则不删除。'),
};

const status: Record<string, FieldDoc> = {
  active: f('integer', 'Pods currently pending or running (not terminating).', '当前处于 Pending 或 Running（未在终止）的 Pod 数。'),
  completedIndexes: f('string', 'Indexed Jobs: the indexes that succeeded, as intervals ("1,3-5").', 'Indexed Job：已成功的索引区间（如 "1,3-5"）。'),
  completionTime: f('string', 'When the Job completed successfully; not set for failed Jobs.', 'Job 成功完成的时间；失败的 Job 不设置。'),
  conditions: f('[]Object', 'The Job\'s state transitions: Suspended, FailureTarget, Failed, SuccessCriteriaMet, Complete.', 'Job 的状态转换：Suspended、FailureTarget、Failed、SuccessCriteriaMet、Complete。'),
  failed: f('integer', 'Pods that ended in phase Failed.', '以 Failed 阶段结束的 Pod 数。'),
  failedIndexes: f('string', 'With backoffLimitPerIndex: the indexes that failed, as intervals.', '使用 backoffLimitPerIndex 时：失败的索引区间。'),
  ready: f('integer', 'Active pods whose Ready condition is true.', 'Ready 条件为 true 的活动 Pod 数。'),
  startTime: f('string', 'When the controller started the Job (again after a resume).', '控制器开始处理 Job 的时间（恢复后重新设置）。'),
  succeeded: f('integer', 'Pods that ended in phase Succeeded.', '以 Succeeded 阶段结束的 Pod 数。'),
  terminating: f('integer', 'Pods that are terminating (have a deletion timestamp) and not yet finished.', '正在终止（有删除时间戳）且尚未结束的 Pod 数。'),
  uncountedTerminatedPods: f('Object', 'Finished pods the controller has seen but not yet added to the counters.', '控制器已看到但尚未计入计数的已结束 Pod。'),
};

export const JOB_DOC: FieldDoc = f('Object', 'A Job runs pods until a given number of them finish successfully, retrying failures within the limits you set.', 'Job 运行 Pod，直到指定数量的 Pod 成功结束，并在你设定的限度内重试失败。', {
  apiVersion: f('string', 'The schema version of this object: batch/v1.', '该对象的模式版本：batch/v1。'),
  kind: f('string', 'The type of this object: Job.', '该对象的类型：Job。'),
  metadata: f('Object', 'Standard object metadata: name, namespace, labels, annotations…', '标准对象元数据：名称、命名空间、标签、注解等。'),
  spec: f('Object', 'What the Job should do.', 'Job 应执行的内容。', spec),
  status: f('Object', 'What the Job controller has observed so far. Read-only.', 'Job 控制器目前观察到的状态。只读。', status),
});
