import { describe, expect, it } from 'vitest';
import { createJob, jobWith } from './testkit';

type Row = [string, Record<string, unknown>, string[]];

function check(edits: Record<string, unknown>, expected: string[]): void {
  const out = createJob(jobWith(edits));
  if (expected.length === 0) expect(out.text).toBe('');
  else for (const s of expected) expect(out.text).toContain(s);
}

const T = 'spec.template.spec';
const pfpRule = (rule: unknown): Record<string, unknown> => ({ 'spec.podFailurePolicy': { rules: [rule] } });

describe('metadata and names', () => {
  it.each<Row>([
    ['valid baseline', {}, []],
    ['name missing', { 'metadata.name': undefined }, ['metadata.name: Required value: name or generateName is required']],
    ['uppercase name', { 'metadata.name': 'MyJob' }, ['metadata.name: Invalid value: "MyJob": a lowercase RFC 1123 subdomain']],
    ['name with dots accepted', { 'metadata.name': 'my.job' }, []],
    ['name 64 chars fails via labels', { 'metadata.name': 'a'.repeat(64) }, ['spec.template.labels: Invalid value: "' + 'a'.repeat(64) + '": must be no more than 63 characters']],
    ['name 254 chars', { 'metadata.name': 'a'.repeat(254) }, ['metadata.name: Invalid value', 'must be no more than 253 characters']],
    ['long name with manual selector', { 'metadata.name': 'a'.repeat(100), 'spec.manualSelector': true, 'spec.selector': { matchLabels: { a: 'b' } }, 'spec.template.metadata.labels': { a: 'b' } }, []],
    ['bad label value', { 'metadata.labels': { app: 'bad value!' } }, ['metadata.labels: Invalid value: "bad value!": a valid label must be an empty string']],
    ['bad label key', { 'metadata.labels': { 'a/b/c': 'x' } }, ['metadata.labels: Invalid value: "a/b/c": a qualified name must consist of']],
    ['label key prefix empty', { 'metadata.labels': { '/x': 'y' } }, ['metadata.labels: Invalid value: "/x": prefix part must be non-empty']],
    ['label value 64 chars', { 'metadata.labels': { a: 'b'.repeat(64) } }, ['must be no more than 63 characters']],
    ['annotation bad key', { 'metadata.annotations': { 'bad key': 'x' } }, ['metadata.annotations: Invalid value: "bad key": name part must consist of']],
    ['annotation uppercase key ok', { 'metadata.annotations': { 'Example.COM/Key': 'x' } }, []],
    ['annotations too big', { 'metadata.annotations': { a: 'x'.repeat(262144) } }, ['metadata.annotations: Too long: may not be more than 262144 bytes']],
    ['owner ref incomplete', { 'metadata.ownerReferences': [{ apiVersion: 'apps/', kind: '', name: '', uid: '' }] }, ['metadata.ownerReferences.apiVersion: Invalid value: "apps/": version must not be empty', 'metadata.ownerReferences.kind: Invalid value: "": must not be empty', 'metadata.ownerReferences.uid: Invalid value: "": must not be empty']],
    ['two controllers', { 'metadata.ownerReferences': [{ apiVersion: 'v1', kind: 'K', name: 'a', uid: '1', controller: true }, { apiVersion: 'v1', kind: 'K', name: 'b', uid: '2', controller: true }] }, ['Only one reference can have Controller set to true. Found "true" in references for K/a and K/b']],
    ['finalizers orphan+foreground', { 'metadata.finalizers': ['orphan', 'foregroundDeletion'] }, ['metadata.finalizers: Invalid value: ["orphan","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set']],
    ['finalizer not qualified', { 'metadata.finalizers': ['custom'] }, ['metadata.finalizers[0]: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified']],
    ['generateName bad', { 'metadata.name': 'x', 'metadata.generateName': 'Bad-' }, ['metadata.generateName: Invalid value: "Bad-"']],
    ['Indexed name with dot', { 'metadata.name': 'my.job', 'spec.completionMode': 'Indexed', 'spec.completions': 3 }, ['metadata.name: Invalid value: "my.job": will not able to create pod with invalid DNS label: my.job-2']],
    ['Indexed hostname too long', { 'metadata.name': 'a'.repeat(60), 'spec.completionMode': 'Indexed', 'spec.completions': 10000 }, [`will not able to create pod with invalid DNS label: ${'a'.repeat(60)}-9999`]],
    ['Indexed 0 completions skips hostname check', { 'metadata.name': 'my.job', 'spec.completionMode': 'Indexed', 'spec.completions': 0 }, []],
  ])('%s', (_n, edits, expected) => check(edits, expected));
});

describe('numeric spec fields', () => {
  it.each<Row>([
    ['parallelism -1', { 'spec.parallelism': -1 }, ['spec.parallelism: Invalid value: -1: must be greater than or equal to 0']],
    ['parallelism 0 ok', { 'spec.parallelism': 0 }, []],
    ['completions -1', { 'spec.completions': -1 }, ['spec.completions: Invalid value: -1: must be greater than or equal to 0']],
    ['completions 0 ok', { 'spec.completions': 0 }, []],
    ['activeDeadlineSeconds -1', { 'spec.activeDeadlineSeconds': -1 }, ['spec.activeDeadlineSeconds: Invalid value: -1']],
    ['activeDeadlineSeconds 0 ok', { 'spec.activeDeadlineSeconds': 0 }, []],
    ['backoffLimit -1', { 'spec.backoffLimit': -1 }, ['spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0']],
    ['backoffLimit huge ok', { 'spec.backoffLimit': 2147483647 }, []],
    ['ttl -1', { 'spec.ttlSecondsAfterFinished': -1 }, ['spec.ttlSecondsAfterFinished: Invalid value: -1']],
    ['blpi -1', { 'spec.completionMode': 'Indexed', 'spec.completions': 2, 'spec.backoffLimitPerIndex': -1 }, ['spec.backoffLimitPerIndex: Invalid value: -1: must be greater than or equal to 0']],
    ['mfi -1', { 'spec.completionMode': 'Indexed', 'spec.completions': 2, 'spec.backoffLimitPerIndex': 1, 'spec.maxFailedIndexes': -1 }, ['spec.maxFailedIndexes: Invalid value: -1: must be greater than or equal to 0']],
    ['mfi without blpi', { 'spec.completionMode': 'Indexed', 'spec.completions': 3, 'spec.maxFailedIndexes': 1 }, ['spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified']],
  ])('%s', (_n, edits, expected) => check(edits, expected));

  it('orders several errors upstream-style', () => {
    const out = createJob(jobWith({ 'spec.parallelism': -1, 'spec.completions': -2, 'spec.template.spec.restartPolicy': undefined }));
    expect(out.text).toBe(
      'The Job "myjob" is invalid: \n' +
        '* spec.parallelism: Invalid value: -1: must be greater than or equal to 0\n' +
        '* spec.completions: Invalid value: -2: must be greater than or equal to 0\n' +
        '* spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
  });
});

describe('managedBy', () => {
  it.each<Row>([
    ['reserved value ok', { 'spec.managedBy': 'kubernetes.io/job-controller' }, []],
    ['custom ok', { 'spec.managedBy': 'example.com/foo' }, []],
    ['empty', { 'spec.managedBy': '' }, ['spec.managedBy: Required value']],
    ['no slash', { 'spec.managedBy': 'foo' }, ['spec.managedBy: Invalid value: "foo": must be a domain-prefixed path (such as "acme.io/foo")']],
    ['bad host', { 'spec.managedBy': 'Foo.com/x' }, ['spec.managedBy: Invalid value: "Foo.com": a lowercase RFC 1123 subdomain']],
    ['bad path', { 'spec.managedBy': 'foo.com/a b' }, ['spec.managedBy: Invalid value: "a b": Invalid path (regex used for validation is']],
    ['too long', { 'spec.managedBy': `example.com/${'x'.repeat(60)}` }, ['spec.managedBy: Too long: may not be more than 63 bytes']],
  ])('%s', (_n, edits, expected) => check(edits, expected));
});

describe('completionMode and Indexed limits', () => {
  const idx = (e: Record<string, unknown>): Record<string, unknown> => ({ 'spec.completionMode': 'Indexed', ...e });
  it.each<Row>([
    ['unknown mode', { 'spec.completionMode': 'Foo' }, ['spec.completionMode: Unsupported value: "Foo": supported values: "NonIndexed", "Indexed"']],
    ['Indexed, parallelism only → completions required', idx({ 'spec.parallelism': 2 }), ['spec.completions: Required value: when completion mode is Indexed']],
    ['Indexed parallelism 100000 ok', idx({ 'spec.completions': 2, 'spec.parallelism': 100000 }), []],
    ['Indexed parallelism 100001', idx({ 'spec.completions': 2, 'spec.parallelism': 100001 }), ['spec.parallelism: Invalid value: 100001: must be less than or equal to 100000 when completion mode is Indexed']],
    ['mfi > completions', idx({ 'spec.completions': 10, 'spec.backoffLimitPerIndex': 1, 'spec.maxFailedIndexes': 11 }), ['spec.maxFailedIndexes: Invalid value: 11: must be less than or equal to completions']],
    ['mfi > hard cap', idx({ 'spec.completions': 100001, 'spec.backoffLimitPerIndex': 1, 'spec.maxFailedIndexes': 100001 }), ['Invalid value: 100001: must be less than or equal to 100000', 'must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index']],
    ['soft limit needs mfi', idx({ 'spec.completions': 100001, 'spec.parallelism': 1, 'spec.backoffLimitPerIndex': 1 }), ['spec.maxFailedIndexes: Required value: must be specified when completions is above 100000']],
    ['soft limit parallelism', idx({ 'spec.completions': 1000000, 'spec.parallelism': 10001, 'spec.backoffLimitPerIndex': 1, 'spec.maxFailedIndexes': 10 }), ['spec.parallelism: Invalid value: 10001: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index']],
    ['huge completions without blpi ok', idx({ 'spec.completions': 1000000000, 'spec.parallelism': 10, 'metadata.name': 'j' }), []],
    ['blpi NonIndexed', { 'spec.backoffLimitPerIndex': 1 }, ['spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode']],
    ['mfi NonIndexed', { 'spec.backoffLimitPerIndex': 1, 'spec.maxFailedIndexes': 1 }, ['spec.maxFailedIndexes: Invalid value: 1: requires indexed completion mode']],
    ['blpi with OnFailure ok', idx({ 'spec.completions': 4, 'spec.backoffLimitPerIndex': 2, [`${T}.restartPolicy`]: 'OnFailure' }), []],
  ])('%s', (_n, edits, expected) => check(edits, expected));
});

describe('podFailurePolicy', () => {
  const codes = (op: string, values: number[], extra: Record<string, unknown> = {}): unknown => ({ action: 'FailJob', onExitCodes: { operator: op, values, ...extra } });
  it.each<Row>([
    ['valid rules', { 'spec.podFailurePolicy': { rules: [codes('In', [1, 2, 3]), { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } }, []],
    ['empty rules ok', { 'spec.podFailurePolicy': { rules: [] } }, []],
    ['too many rules', { 'spec.podFailurePolicy': { rules: Array.from({ length: 21 }, (_, i) => codes('In', [i + 1])) } }, ['spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items']],
    ['action empty', pfpRule({ action: '', onExitCodes: { operator: 'In', values: [1] } }), ['spec.podFailurePolicy.rules[0].action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]']],
    ['action unknown', pfpRule({ action: 'Explode', onExitCodes: { operator: 'In', values: [1] } }), ['spec.podFailurePolicy.rules[0].action: Unsupported value: "Explode": supported values: "Count", "FailIndex", "FailJob", "Ignore"']],
    ['FailIndex without blpi', pfpRule({ action: 'FailIndex', onExitCodes: { operator: 'In', values: [1] } }), ['spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set']],
    ['operator empty', pfpRule(codes('', [1])), ['spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value: valid values: ["In" "NotIn"]']],
    ['operator unknown', pfpRule(codes('Maybe', [1])), ['onExitCodes.operator: Unsupported value: "Maybe": supported values: "In", "NotIn"']],
    ['unknown container', pfpRule(codes('In', [1], { containerName: 'xyz' })), ['onExitCodes.containerName: Invalid value: "xyz": must be one of the container or initContainer names in the pod template']],
    ['empty values', pfpRule(codes('In', [])), ['spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []: at least one value is required']],
    ['too many values', pfpRule(codes('NotIn', Array.from({ length: 256 }, (_, i) => i))), ['onExitCodes.values: Too many: 256: must have at most 255 items']],
    ['In with 0', pfpRule(codes('In', [0, 1])), ['onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator']],
    ['duplicates', pfpRule(codes('In', [11, 11, 11])), ['values[1]: Duplicate value: 11', 'values[2]: Duplicate value: 11']],
    ['unordered', pfpRule(codes('In', [19, 11])), ['onExitCodes.values: Invalid value: [19,11]: must be ordered']],
    ['NotIn with 0 and negatives ok', pfpRule(codes('NotIn', [-1, 0, 5])), []],
    ['exit codes > 255 ok', pfpRule(codes('In', [300])), []],
    ['too many patterns', pfpRule({ action: 'Ignore', onPodConditions: Array.from({ length: 21 }, (_, i) => ({ type: `T${i}` })) }), ['onPodConditions: Too many: 21: must have at most 20 items']],
    ['empty condition type', pfpRule({ action: 'Ignore', onPodConditions: [{ status: 'True' }] }), ['onPodConditions[0].type: Invalid value: "": name part must be non-empty', 'onPodConditions[0].type: Invalid value: "": name part must consist of']],
    ['unknown status', pfpRule({ action: 'Ignore', onPodConditions: [{ type: 'X', status: 'Maybe' }] }), ['onPodConditions[0].status: Unsupported value: "Maybe": supported values: "False", "True", "Unknown"']],
    ['both requirements', pfpRule({ action: 'Ignore', onExitCodes: { operator: 'In', values: [1] }, onPodConditions: [{ type: 'X' }] }), ['spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported']],
    ['no requirement', pfpRule({ action: 'FailJob', onPodConditions: [] }), ['spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required']],
    ['OnFailure rejected', { 'spec.podFailurePolicy': { rules: [] }, [`${T}.restartPolicy`]: 'OnFailure' }, ['spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified']],
  ])('%s', (_n, edits, expected) => check(edits, expected));
});

describe('successPolicy', () => {
  const sp = (rules: unknown[], completions = 5): Record<string, unknown> => ({ 'spec.completionMode': 'Indexed', 'spec.completions': completions, 'spec.successPolicy': { rules } });
  it.each<Row>([
    ['valid', sp([{ succeededCount: 1, succeededIndexes: '0,2,4' }, { succeededIndexes: '1,3' }]), []],
    ['NonIndexed', { 'spec.successPolicy': { rules: [] } }, ['spec.successPolicy: Invalid value: {"Rules":[]}: requires indexed completion mode']],
    ['no rules', sp([]), ['spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified']],
    ['too many rules', sp(Array.from({ length: 21 }, () => ({ succeededCount: 1 }))), ['spec.successPolicy.rules: Too many: 21: must have at most 20 items']],
    ['empty rule', sp([{}]), ['spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified']],
    ['garbage indexes', sp([{ succeededIndexes: 'invalid-format' }]), ['error parsing succeededIndexes: cannot convert string to integer for index: "invalid"']],
    ['three parts', sp([{ succeededIndexes: '1-2-3' }]), ['the fragment "1-2-3" violates the requirement that an index interval can have at most two parts separated by \'-\'']],
    ['too large', sp([{ succeededIndexes: '0-9' }]), ['succeededIndexes: Invalid value: "0-9": error parsing succeededIndexes: too large index: "9"']],
    ['non-increasing interval', sp([{ succeededIndexes: '3-1' }]), ['non-increasing order, previous: 3, current: 1']],
    ['non-increasing list', sp([{ succeededIndexes: '1,1' }]), ['non-increasing order, previous: 1, current: 1']],
    ['count negative', sp([{ succeededCount: -1 }]), ['succeededCount: Invalid value: -1: must be greater than or equal to 0']],
    ['count 0 ok', sp([{ succeededCount: 0 }]), []],
    ['count above completions', sp([{ succeededCount: 6 }]), ['succeededCount: Invalid value: 6: must be less than or equal to 5 (the number of specified completions)']],
    ['count above listed', sp([{ succeededCount: 3, succeededIndexes: '0,1' }]), ['succeededCount: Invalid value: 3: must be less than or equal to 2 (the number of indexes in the specified succeededIndexes field)']],
    ['too long', sp([{ succeededIndexes: '1'.repeat(65537) }]), ['succeededIndexes: Too long: may not be more than 65536 bytes', 'error parsing succeededIndexes']],
    ['nil completions does not crash', { 'spec.completionMode': 'Indexed', 'spec.parallelism': 2, 'spec.successPolicy': { rules: [{ succeededCount: 1 }] } }, ['spec.completions: Required value: when completion mode is Indexed']],
  ])('%s', (_n, edits, expected) => check(edits, expected));
});

describe('podReplacementPolicy and restartPolicy', () => {
  it.each<Row>([
    ['empty string', { 'spec.podReplacementPolicy': '' }, ['spec.podReplacementPolicy: Unsupported value: "": supported values: "Failed", "TerminatingOrFailed"']],
    ['Failed ok', { 'spec.podReplacementPolicy': 'Failed' }, []],
    ['with pfp must be Failed', { 'spec.podFailurePolicy': { rules: [] }, 'spec.podReplacementPolicy': 'TerminatingOrFailed' }, ['spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"']],
    ['restartPolicy omitted', { [`${T}.restartPolicy`]: undefined }, ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    ['restartPolicy Always', { [`${T}.restartPolicy`]: 'Always' }, ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    ['restartPolicy unknown', { [`${T}.restartPolicy`]: 'Sometimes' }, ['Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"', 'Unsupported value: "Sometimes": supported values: "OnFailure", "Never"']],
    ['OnFailure ok', { [`${T}.restartPolicy`]: 'OnFailure' }, []],
  ])('%s', (_n, edits, expected) => check(edits, expected));
});

describe('selector and manualSelector', () => {
  it.each<Row>([
    ['user selector without manual', { 'spec.selector': { matchLabels: { a: 'b' } }, 'spec.template.metadata.labels': { a: 'b' } }, ['spec.selector: Invalid value: {"matchLabels":{"a":"b","batch.kubernetes.io/controller-uid":"1a2b3c"}}: `selector` not auto-generated']],
    ['manual without selector', { 'spec.manualSelector': true, 'spec.template.metadata.labels': { a: 'b' } }, ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: {"a":"b"}: `selector` does not match template `labels`']],
    ['manual ok', { 'spec.manualSelector': true, 'spec.selector': { matchLabels: { a: 'b' } }, 'spec.template.metadata.labels': { a: 'b' } }, []],
    ['manual empty selector matches all', { 'spec.manualSelector': true, 'spec.selector': {} }, []],
    ['manual mismatch', { 'spec.manualSelector': true, 'spec.selector': { matchLabels: { a: 'c' } }, 'spec.template.metadata.labels': { a: 'b' } }, ['`selector` does not match template `labels`']],
    ['bad operator', { 'spec.manualSelector': true, 'spec.selector': { matchExpressions: [{ key: 'a', operator: 'Near' }] } }, ['spec.selector.matchExpressions[0].operator: Invalid value: "Near": not a valid selector operator']],
    ['In without values', { 'spec.manualSelector': true, 'spec.selector': { matchExpressions: [{ key: 'a', operator: 'In' }] } }, ["spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"]],
    ['Exists with values', { 'spec.manualSelector': true, 'spec.selector': { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] } }, ["spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"]],
    ['bad matchLabels value', { 'spec.manualSelector': true, 'spec.selector': { matchLabels: { a: '-x' } }, 'spec.template.metadata.labels': { a: '-x' } }, ['spec.selector.matchLabels: Invalid value: "-x"']],
    ['expression matches', { 'spec.manualSelector': true, 'spec.selector': { matchExpressions: [{ key: 'a', operator: 'In', values: ['b'] }] }, 'spec.template.metadata.labels': { a: 'b' } }, []],
    ['wrong prefixed uid label', { 'spec.template.metadata.labels': { 'batch.kubernetes.io/controller-uid': 'wrong' } }, ['spec.template.metadata.labels[batch.kubernetes.io/controller-uid]: Invalid value', "must be '1a2b3c'", '`selector` does not match template `labels`']],
    ['wrong job-name label', { 'spec.template.metadata.labels': { 'job-name': 'other' } }, ["spec.template.metadata.labels[job-name]: Invalid value: {\"batch.kubernetes.io/controller-uid\":\"1a2b3c\",\"batch.kubernetes.io/job-name\":\"myjob\",\"controller-uid\":\"1a2b3c\",\"job-name\":\"other\"}: must be 'myjob'"]],
  ])('%s', (_n, edits, expected) => check(edits, expected));
});
