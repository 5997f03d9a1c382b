import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appendAction, parseAtMs, type Intervention } from './scenarioEdit';

const BASE = `# my scenario
spec:
  job: {}   # the job
  actions:
    - at: 5
      suspend: true
    - at: "1m"
      suspend: false
`;

describe('parseAtMs', () => {
  it.each([
    [5, 5000],
    [1.5, 1500],
    ['90', 90000],
    ['1m30s', 90000],
    ['2h', 7_200_000],
    ['250ms', 250],
    ['abc', null],
    ['1x', null],
    [-1, null],
  ])('%j → %j', (input, ms) => expect(parseAtMs(input)).toBe(ms));
});

describe('appendAction', () => {
  it.each<[string, Intervention, Record<string, unknown>]>([
    ['failPod by index', { kind: 'failPod', pod: { index: 2 }, exitCode: 137 }, { failPod: { index: 2, exitCode: 137 } }],
    ['disruptPod by name', { kind: 'disruptPod', pod: { name: 'demo-x' } }, { disruptPod: { name: 'demo-x' } }],
    ['deletePod', { kind: 'deletePod', pod: { name: 'demo-x' } }, { deletePod: { name: 'demo-x' } }],
    ['suspend', { kind: 'suspend', value: true }, { suspend: true }],
    ['scale', { kind: 'scale', parallelism: 4 }, { scale: { parallelism: 4 } }],
    ['kubectl', { kind: 'kubectl', command: 'delete pod demo-x' }, { kubectl: 'delete pod demo-x' }],
    ['setPodCondition', { kind: 'setPodCondition', pod: { index: 1 }, type: 'ConfigIssue', status: 'True' }, { setPodCondition: { index: 1, type: 'ConfigIssue', status: 'True' } }],
    ['patchJob merge', { kind: 'patchJob', patchType: 'merge', patch: { spec: { activeDeadlineSeconds: 100 } } }, { patchJob: { type: 'merge', patch: { spec: { activeDeadlineSeconds: 100 } } } }],
    ['patchJob json', { kind: 'patchJob', patchType: 'json', patch: [{ op: 'replace', path: '/spec/parallelism', value: 1 }] }, { patchJob: { type: 'json', patch: [{ op: 'replace', path: '/spec/parallelism', value: 1 }] } }],
  ])('%s is appended at the cursor and comments survive', (_name, iv, body) => {
    const r = appendAction(BASE, 70_000, iv);
    if (!r.ok) throw new Error(r.error);
    expect(r.text).toContain('# my scenario');
    expect(r.text).toContain('# the job');
    const actions = (parse(r.text) as { spec: { actions: unknown[] } }).spec.actions;
    expect(actions).toEqual([{ at: 5, suspend: true }, { at: '1m', suspend: false }, { at: 70, ...body }]);
    expect(r.discarded).toBe(0);
  });

  it('discards actions after the cursor (a new branch)', () => {
    const r = appendAction(BASE, 10_500, { kind: 'suspend', value: true });
    if (!r.ok) throw new Error(r.error);
    expect((parse(r.text) as { spec: { actions: unknown[] } }).spec.actions).toEqual([{ at: 5, suspend: true }, { at: 10.5, suspend: true }]);
    expect(r.discarded).toBe(1);
  });

  it.each([
    ['no actions key', 'spec:\n  job: {}\n'],
    ['an empty flow list', 'spec:\n  job: {}\n  actions: []\n'],
    ['a null actions key', 'spec:\n  job: {}\n  actions:\n'],
  ])('creates the list when there is %s', (_name, text) => {
    const r = appendAction(text, 3000, { kind: 'suspend', value: true });
    if (!r.ok) throw new Error(r.error);
    expect((parse(r.text) as { spec: { actions: unknown[] } }).spec.actions).toEqual([{ at: 3, suspend: true }]);
    expect(r.text).toContain('- at: 3');
  });

  it.each([
    ['invalid YAML', 'spec: [1,\n', /cannot edit the scenario/],
    ['a list document', '- 1\n', /not a YAML mapping/],
    ['actions that are not a list', 'spec:\n  actions: 3\n', /spec.actions must be a list/],
  ])('refuses to edit %s with a clear message', (_name, text, message) => {
    const r = appendAction(text, 0, { kind: 'suspend', value: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});
