// The batch/v1 Job schema for the editor (spec.job of a scenario), written for this
// project. The field docs come from the engine's `kubectl explain` docs (explainDocs.ts);
// this file adds the shape (types, enums, ranges as in pkg/apis/batch/validation) and
// notes on defaults (pkg/apis/batch/v1/defaults.go). The pod template is in podSchema.ts.

import type { JSONSchema } from 'monaco-yaml';
import { JOB_DOC, type FieldDoc } from '../../engine/kubectl/explainDocs';
import { T, localize, node, type DocLang, type Node } from './schemaDoc';
import { podTemplate } from './podSchema';

const EMPTY: FieldDoc = { type: 'Object', en: '', zh: '' };
const jobDoc = JOB_DOC.fields ?? {};
const specDocs = jobDoc.spec?.fields ?? {};
const docOf = (path: string[]): FieldDoc => {
  let d: FieldDoc | undefined = { ...EMPTY, fields: specDocs };
  for (const p of path) d = d?.fields?.[p];
  return d ?? EMPTY;
};

/** A JobSpec field documented by explainDocs (path under spec), with extra notes. */
function field(path: string[], shape: JSONSchema, more: Partial<Node> = {}): Node {
  const d = docOf(path);
  return node(shape, d.en, d.zh, more);
}

const exitCodes = field(['podFailurePolicy', 'rules', 'onExitCodes'], T.obj(), {
  closed: true,
  required: ['operator', 'values'],
  props: {
    containerName: field(['podFailurePolicy', 'rules', 'onExitCodes', 'containerName'], T.str()),
    operator: field(['podFailurePolicy', 'rules', 'onExitCodes', 'operator'], T.oneOf('In', 'NotIn')),
    values: field(['podFailurePolicy', 'rules', 'onExitCodes', 'values'], { type: 'array', minItems: 1, maxItems: 255, uniqueItems: true }, {
      items: node(T.int(), 'An exit code.', '一个退出码。'),
    }),
  },
});

const podConditions = field(['podFailurePolicy', 'rules', 'onPodConditions'], { type: 'array', maxItems: 20 }, {
  items: node(T.obj(), 'A pod condition pattern.', 'Pod 条件模式。', {
    closed: true,
    required: ['type'],
    props: {
      type: field(['podFailurePolicy', 'rules', 'onPodConditions', 'type'], T.str()),
      status: field(['podFailurePolicy', 'rules', 'onPodConditions', 'status'], T.oneOf('True', 'False', 'Unknown')),
    },
  }),
});

const podFailurePolicy = field(['podFailurePolicy'], T.obj(), {
  closed: true,
  required: ['rules'],
  props: {
    rules: field(['podFailurePolicy', 'rules'], { type: 'array', maxItems: 20 }, {
      items: node(T.obj(), 'One rule: use onExitCodes or onPodConditions, not both.', '一条规则：onExitCodes 与 onPodConditions 二选一。', {
        closed: true,
        required: ['action'],
        props: {
          action: field(['podFailurePolicy', 'rules', 'action'], T.oneOf('FailJob', 'FailIndex', 'Ignore', 'Count')),
          onExitCodes: exitCodes,
          onPodConditions: podConditions,
        },
      }),
    }),
  },
});

const successPolicy = field(['successPolicy'], T.obj(), {
  closed: true,
  required: ['rules'],
  props: {
    rules: field(['successPolicy', 'rules'], { type: 'array', minItems: 1, maxItems: 20 }, {
      items: node(T.obj(), 'Set succeededIndexes, succeededCount or both.', '设置 succeededIndexes、succeededCount 或两者。', {
        closed: true,
        props: {
          succeededIndexes: field(['successPolicy', 'rules', 'succeededIndexes'], T.str()),
          succeededCount: field(['successPolicy', 'rules', 'succeededCount'], T.int(0)),
        },
      }),
    }),
  },
});

const selector = field(['selector'], T.obj(), {
  props: {
    matchLabels: node(T.strMap(), 'Labels a pod must carry, key: value.', 'Pod 必须带有的标签（键: 值）。'),
    matchExpressions: node(T.arr(), 'Set-based requirements, all of which must hold.', '基于集合的条件，需全部满足。', {
      items: node(T.obj(), 'One requirement.', '一个条件。', {
        required: ['key', 'operator'],
        props: {
          key: node(T.str(), 'The label key.', '标签键。'),
          operator: node(T.oneOf('In', 'NotIn', 'Exists', 'DoesNotExist'), 'How the key relates to values.', '键与 values 的关系。'),
          values: node({ type: 'array', items: { type: 'string' } }, 'Values for In/NotIn; empty for Exists/DoesNotExist.', 'In/NotIn 使用的值；Exists/DoesNotExist 时为空。'),
        },
      }),
    }),
  },
});

const jobSpec: Node = node(T.obj(), jobDoc.spec?.en ?? '', jobDoc.spec?.zh ?? '', {
  closed: true,
  required: ['template'],
  props: {
    parallelism: field(['parallelism'], T.int(0), {
      noteEn: 'Default 1. At most 100000 when completionMode is Indexed.',
      noteZh: '默认 1。completionMode 为 Indexed 时不超过 100000。',
    }),
    completions: field(['completions'], T.int(0), {
      noteEn: 'Default 1 when both completions and parallelism are unset. Required for Indexed Jobs; immutable except together with parallelism (elastic Indexed Jobs).',
      noteZh: 'completions 与 parallelism 均未设置时默认 1。Indexed Job 必须设置；除与 parallelism 同步修改（弹性 Indexed Job）外不可变。',
    }),
    activeDeadlineSeconds: field(['activeDeadlineSeconds'], T.int(0), { noteEn: 'No default (no deadline).', noteZh: '无默认值（无期限）。' }),
    podFailurePolicy,
    successPolicy,
    backoffLimit: node(
      T.int(0),
      'How many failed pods the Job tolerates: the Job fails (reason BackoffLimitExceeded) as soon as the number of failed pods exceeds it, so it allows backoffLimit + 1 attempts. Default 6 (2147483647 when backoffLimitPerIndex is set). Each replacement after a failure waits an exponential backoff: the k-th consecutive failure delays the next pod by min(10·2^(k−1), 600) seconds (10 s, 20 s, 40s … at most 10 min).',
      'Job 允许的失败 Pod 数：失败 Pod 数一旦超过该值，Job 即失败（原因 BackoffLimitExceeded），因此共允许 backoffLimit + 1 次尝试。默认 6（设置 backoffLimitPerIndex 时为 2147483647）。失败后创建替代 Pod 前按指数退避等待：第 k 次连续失败后等待 min(10·2^(k−1), 600) 秒（10 秒、20 秒、40 秒……最多 10 分钟）。',
    ),
    backoffLimitPerIndex: field(['backoffLimitPerIndex'], T.int(0), {
      noteEn: 'Requires completionMode Indexed and restartPolicy Never. Immutable.',
      noteZh: '要求 completionMode 为 Indexed 且 restartPolicy 为 Never。不可变。',
    }),
    maxFailedIndexes: field(['maxFailedIndexes'], T.int(0, 100000), {
      noteEn: 'At most completions; required (≤ 10000) when completions is above 100000.',
      noteZh: '不超过 completions；completions 大于 100000 时必须设置（≤ 10000）。',
    }),
    selector,
    manualSelector: field(['manualSelector'], T.bool(), { noteEn: 'Default false.', noteZh: '默认 false。' }),
    template: podTemplate,
    ttlSecondsAfterFinished: field(['ttlSecondsAfterFinished'], T.int(0), { noteEn: '0 deletes the Job right after it finishes.', noteZh: '0 表示结束后立即删除。' }),
    completionMode: field(['completionMode'], T.oneOf('NonIndexed', 'Indexed'), { noteEn: 'Immutable.', noteZh: '不可变。' }),
    suspend: field(['suspend'], T.bool(), { noteEn: 'Default false.', noteZh: '默认 false。' }),
    podReplacementPolicy: field(['podReplacementPolicy'], T.oneOf('TerminatingOrFailed', 'Failed'), {
      noteEn: 'Default Failed when podFailurePolicy is set, otherwise TerminatingOrFailed.',
      noteZh: '设置了 podFailurePolicy 时默认 Failed，否则默认 TerminatingOrFailed。',
    }),
    managedBy: field(['managedBy'], { type: 'string', maxLength: 63 }, {
      noteEn: 'A domain-prefixed path such as "acme.io/foo", at most 63 characters.',
      noteZh: '带域名前缀的路径，例如 "acme.io/foo"，最多 63 个字符。',
    }),
  },
});

const meta = (en: string, zh: string): Node =>
  node(T.obj(), en, zh, {
    props: {
      name: node(T.str(), 'The Job name (a DNS-1123 subdomain; at most 63 characters in practice).', 'Job 名称（DNS-1123 子域名；实际上最多 63 个字符）。'),
      namespace: node(T.str(), 'The namespace (default "default").', '命名空间（默认 "default"）。'),
      generateName: node(T.str(), 'A prefix the server completes with random characters when name is empty.', 'name 为空时，服务器在此前缀后追加随机字符生成名称。'),
      labels: node(T.strMap(), 'Labels of the Job.', 'Job 的标签。'),
      annotations: node(T.strMap(), 'Annotations of the Job.', 'Job 的注解。'),
    },
  });

export const JOB_NODE: Node = node(T.obj(), JOB_DOC.en, JOB_DOC.zh, {
  props: {
    apiVersion: node(T.oneOf('batch/v1'), jobDoc.apiVersion?.en ?? '', jobDoc.apiVersion?.zh ?? ''),
    kind: node(T.oneOf('Job'), jobDoc.kind?.en ?? '', jobDoc.kind?.zh ?? ''),
    metadata: meta(jobDoc.metadata?.en ?? '', jobDoc.metadata?.zh ?? ''),
    spec: jobSpec,
  },
});

/** The Job's JSON schema with docs in one language. */
export function jobSchema(lang: DocLang): JSONSchema {
  return localize(JOB_NODE, lang);
}
