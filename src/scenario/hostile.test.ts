import { describe, expect, it } from 'vitest';
import { formatScenarioError, parseScenario } from './parse';

function errors(text: string): string[] {
  const r = parseScenario(text);
  return r.ok ? [] : r.errors.map(formatScenarioError);
}

const actions = (n: number, at = (i: number) => i) =>
  `spec:\n  job: {}\n  actions:\n${Array.from({ length: n }, (_, i) => `    - {at: ${at(i)}, suspend: true}\n`).join('')}`;

describe('parseScenario never throws on hostile input', () => {
  it.each([
    ['tab indentation', 'spec:\n\tjob: {}\n', ['tabs are not allowed as indentation; use spaces (line 2, column 1)']],
    ['duplicate key', 'spec:\n  job: {}\n  seed: 1\n  seed: 2\n', ['spec.seed: duplicate key: map keys must be unique (line 4)']],
    ['duplicate key in JSON', '{"spec": {"job": {}}, "spec": 1}', ['spec: duplicate key: map keys must be unique (line 1)']],
    ['two documents', 'spec: {job: {}}\n---\nspec: {job: {}}\n', ['a scenario is one YAML document; found a second one (---) (line 2, column 1)']],
    ['unterminated quote', 'spec:\n  job: "abc\n', ['spec.job: YAML syntax error: Missing closing "quote (line 3)']],
    ['a bare scalar', '42', ['must be a mapping with apiVersion, kind, metadata, spec, not number 42 (line 1, column 1)']],
    ['a string', 'hello', ['must be a mapping with apiVersion, kind, metadata, spec, not the string "hello" (line 1, column 1)']],
  ])('%s', (_n, text, want) => {
    expect(errors(text)).toEqual(want);
  });

  it('alias bomb', () => {
    const bomb = 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n' +
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n';
    const e = errors(bomb);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^too many aliases \(limit 1000\)/);
  });

  it('a few aliases are fine', () => {
    const r = parseScenario('spec:\n  job: &j {metadata: {name: a}}\n  actions: [{at: 1, apply: *j}]\n');
    expect(r.ok).toBe(true);
  });

  it.each([
    ['flow', '['.repeat(10_000) + ']'.repeat(10_000), 1],
    ['flow mappings', 'spec: ' + '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000), 1],
    ['block mappings', Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), 101],
    ['block sequences', Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}-`).join('\n'), 100],
    ['compact block sequences', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(2 * i)}- - - - - - - - - -`).join('\n'), 91],
    ['inline sequences', `${'- '.repeat(10_000)}x`, 1],
  ])('deep nesting (%s)', (_n, text, line) => {
    expect(errors(text)).toEqual([`nesting is too deep: more than 100 levels (line ${line}, column 1)`]);
  });

  it('nesting up to the limit still parses', () => {
    const deep = 'spec:\n  job:\n    x: ' + '['.repeat(90) + ']'.repeat(90) + '\n';
    expect(parseScenario(deep).ok).toBe(true);
  });

  it('5 MB of text', () => {
    expect(errors(`spec: {job: {}}\n# ${'x'.repeat(5 * 1024 * 1024)}\n`)).toEqual([
      'the scenario is too large: 5.0 MB; the limit is 2 MB (line 1, column 1)',
    ]);
  });

  it('10,000 actions are accepted, 10,001 are not', () => {
    const r = parseScenario(actions(10_000));
    expect(r.ok && r.scenario.actions.length).toBe(10_000);
    expect(errors(actions(10_001))).toEqual(['spec.actions: too many actions: 10001; the limit is 10000 (line 4)']);
  });

  it.each([
    ['null bytes', '\u0000\u0001 : : ]]]'],
    ['lone surrogates', 'spec: {job: {}, until: "\ud800"}'],
    ['binary-ish', Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('')],
    ['__proto__ keys', 'spec: {job: {}, __proto__: {seed: 5}}\n__proto__: 1\n'],
    ['constructor keys', 'spec: {job: {}, constructor: 1}'],
    ['complex keys', '? [a, b]\n: 1\nspec: {job: {}}\n'],
    ['custom tags', 'spec: {job: !!binary aGVsbG8=, seed: !foo 3}'],
    ['every type in every slot', 'spec: {job: {}, workload: [], actions: {}, clock: 3, seed: [], until: {}, controller: "x"}\nmetadata: 5\n'],
    ['garbage action bodies', 'spec: {job: {}, actions: [1, "x", null, [], {at: {}, failPod: 3}, {at: 1, patchJob: 5}, {at: 1, apply: {a: .inf}}]}'],
    ['garbage rules', 'spec: {job: {}, workload: {rules: [1, null, {conditions: 3}, {conditions: [1, {type: []}]}], random: {exitCodes: [0, "x"]}}}'],
  ])('%s', (_n, text) => {
    const r = parseScenario(text);
    if (!r.ok) {
      expect(r.errors.length).toBeGreaterThan(0);
      for (const e of r.errors) {
        expect(e.line).toBeGreaterThanOrEqual(1);
        expect(e.column).toBeGreaterThanOrEqual(1);
        expect(e.message.length).toBeGreaterThan(0);
      }
    }
  });

  it('__proto__ does not pollute', () => {
    const r = parseScenario('spec: {job: {}, __proto__: {seed: 5}}\n');
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).seed).toBeUndefined();
  });

  it('non-string input', () => {
    expect(parseScenario(undefined as unknown as string).ok).toBe(false);
  });
});
