import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { JSONSchema } from 'monaco-yaml';
import { DEFAULT_SCENARIO } from '../../state/defaultScenario';
import { jobSchema } from './jobSchema';
import { scenarioSchema } from './scenarioSchema';

const EXAMPLES = import.meta.glob<string>('../../scenario/examples/*.yaml', { query: '?raw', import: 'default', eager: true });
const CASES = import.meta.glob<string>('../../engine/conformance/cases/*/*.yaml', { query: '?raw', import: 'default', eager: true });

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const sub = (s: JSONSchema | boolean | undefined): JSONSchema | undefined => (typeof s === 'object' ? s : undefined);

/** A small checker for what the schema adds over "any": closed objects, enums, ranges, types. */
function problems(schema: JSONSchema | undefined, v: unknown, path = ''): string[] {
  if (!schema) return [];
  const out: string[] = [];
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  const typeOf = v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
  if (types.length > 0 && !types.includes(typeOf) && !(typeOf === 'integer' && types.includes('number'))) out.push(`${path}: type ${typeOf}`);
  if (schema.enum && !schema.enum.includes(v)) out.push(`${path}: enum ${String(v)}`);
  if (typeof v === 'number' && schema.minimum !== undefined && v < schema.minimum) out.push(`${path}: < minimum`);
  if (typeof v === 'number' && schema.maximum !== undefined && v > schema.maximum) out.push(`${path}: > maximum`);
  if (isObj(v)) {
    for (const [k, child] of Object.entries(v)) {
      const p = sub(schema.properties?.[k]);
      if (!p && schema.additionalProperties === false) out.push(`${path}.${k}: unknown key`);
      out.push(...problems(p ?? sub(schema.additionalProperties), child, `${path}.${k}`));
    }
  }
  if (Array.isArray(v)) v.forEach((item, i) => out.push(...problems(sub(Array.isArray(schema.items) ? undefined : schema.items), item, `${path}[${i}]`)));
  return out;
}

const SEED_FIELDS = ['parallelism', 'completions', 'activeDeadlineSeconds', 'podFailurePolicy', 'successPolicy', 'backoffLimit', 'backoffLimitPerIndex', 'maxFailedIndexes', 'selector', 'manualSelector', 'template', 'ttlSecondsAfterFinished', 'completionMode', 'suspend', 'podReplacementPolicy', 'managedBy'];

describe('the Job schema', () => {
  const spec = sub(jobSchema('en').properties?.spec);
  it.each(SEED_FIELDS)('has spec.%s with English and Chinese docs', (name) => {
    const en = sub(spec?.properties?.[name]);
    const zh = sub(sub(jobSchema('zh').properties?.spec)?.properties?.[name]);
    expect(en?.markdownDescription).toContain(`**${name}**`);
    expect(en?.description?.length).toBeGreaterThan(20);
    expect(zh?.description).toMatch(/[\u4e00-\u9fff]/);
    expect(zh?.description).not.toEqual(en?.description);
  });

  it.each([
    ['completionMode', ['NonIndexed', 'Indexed']],
    ['podReplacementPolicy', ['TerminatingOrFailed', 'Failed']],
  ])('%s has its enum', (name, values) => {
    expect(sub(spec?.properties?.[name])?.enum).toEqual(values);
  });

  it('backoffLimit documents the attempts, the default and the backoff', () => {
    const d = sub(spec?.properties?.backoffLimit)?.description ?? '';
    for (const s of ['backoffLimit + 1', 'Default 6', 'min(10·2^(k−1), 600)']) expect(d).toContain(s);
  });

  it.each([
    ['restartPolicy Always', { spec: { template: { spec: { restartPolicy: 'Always', containers: [] } } } }, 'enum Always'],
    ['an unknown JobSpec key', { spec: { paralelism: 2, template: {} } }, 'unknown key'],
    ['negative completions', { spec: { completions: -1, template: {} } }, '< minimum'],
    ['a bad pod failure action', { spec: { template: {}, podFailurePolicy: { rules: [{ action: 'Retry' }] } } }, 'enum Retry'],
  ])('flags %s', (_name, job, want) => {
    expect(problems(jobSchema('en'), job).join('\n')).toContain(want);
  });
});

describe('the scenario schema accepts every shipped scenario', () => {
  const schema = scenarioSchema('en');
  // Cases the API rejects (expect.error) are meant to break the rules.
  const accepted = Object.entries(CASES).filter(([, text]) => {
    const doc: unknown = parse(text);
    return !(isObj(doc) && isObj(doc.expect) && doc.expect.error !== undefined);
  });
  it.each([['default', DEFAULT_SCENARIO], ...Object.entries(EXAMPLES)])('example %s', (_name, text) => {
    expect(problems(schema, parse(text))).toEqual([]);
  });
  it.each(accepted)('conformance %s', (_name, text) => {
    const doc: unknown = parse(text);
    expect(problems(schema, isObj(doc) ? doc.scenario : undefined)).toEqual([]);
  });
});
