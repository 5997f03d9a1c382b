import { describe, expect, it } from 'vitest';
import { formatRFC1123Z, humanDuration, parseTime, shortHumanDuration, translateTimestampSince } from './format';
import { TabWriter, renderTable } from './tabwriter';
import { toGoYaml } from './goyaml';
import { toKubectlJson } from './output';
import { evalJsonPath } from './jsonpath';
import { tokenize } from './tokenize';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (apimachinery HumanDuration)', () => {
  it.each([
    ['way negative', -5 * S, '<invalid>'],
    ['slightly negative', -1500, '0s'],
    ['zero', 0, '0s'],
    ['59s', 59 * S, '59s'],
    ['119s', 119 * S, '119s'],
    ['2m', 2 * M, '2m'],
    ['2m5s', 2 * M + 5 * S, '2m5s'],
    ['9m59s', 9 * M + 59 * S, '9m59s'],
    ['10m', 10 * M + 30 * S, '10m'],
    ['179m', 179 * M, '179m'],
    ['3h', 3 * H, '3h'],
    ['3h5m', 3 * H + 5 * M, '3h5m'],
    ['8h', 8 * H + 30 * M, '8h'],
    ['47h', 47 * H, '47h'],
    ['2d', 2 * D, '2d'],
    ['2d3h', 2 * D + 3 * H, '2d3h'],
    ['8d', 8 * D + 5 * H, '8d'],
    ['729d', 729 * D, '729d'],
    ['2y', 730 * D, '2y'],
    ['2y10d', 740 * D, '2y10d'],
    ['8y', 8 * 365 * D + 3 * D, '8y'],
  ])('%s', (_name, ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });

  it.each([
    [59 * S, '59s'],
    [61 * S, '1m'],
    [3 * H, '3h'],
    [3 * D, '3d'],
    [400 * D, '1y'],
  ])('shortHumanDuration(%d) = %s', (ms, want) => {
    expect(shortHumanDuration(ms)).toBe(want);
  });
});

describe('time helpers', () => {
  it('parses RFC3339 and rejects junk', () => {
    expect(parseTime('2025-01-01T00:00:10Z')).toBe(Date.parse('2025-01-01T00:00:10Z'));
    expect(parseTime('yesterday')).toBeUndefined();
    expect(parseTime(undefined)).toBeUndefined();
  });
  it('formats RFC1123Z in UTC', () => {
    expect(formatRFC1123Z(Date.parse('2006-01-02T15:04:05Z'))).toBe('Mon, 02 Jan 2006 15:04:05 +0000');
  });
  it('translateTimestampSince uses virtual time', () => {
    expect(translateTimestampSince('2025-01-01T00:00:00Z', 65_000, '2025-01-01T00:00:00Z')).toBe('65s');
    expect(translateTimestampSince(undefined, 0, '2025-01-01T00:00:00Z')).toBe('<unknown>');
  });
});

describe('tabwriter', () => {
  it('pads columns by 3 with a minimum width of 6 (kubectl get)', () => {
    expect(renderTable([['NAME', 'AGE'], ['a', '1s']])).toBe('NAME   AGE\na      1s\n');
  });
  it('restarts alignment after a line without cells (describe blocks)', () => {
    const tw = new TabWriter(0, 2);
    tw.write('Name:\tx\nNamespace:\tdefault\nPod Template:\n  Labels:\ta=b\n\tc=d\n');
    expect(tw.result()).toBe('Name:       x\nNamespace:  default\nPod Template:\n  Labels:  a=b\n           c=d\n');
  });
});

describe('-o yaml / -o json encoders', () => {
  it('sorts keys, quotes ambiguous strings (go-yaml v2 reads y/n as booleans) and folds long text like go-yaml', () => {
    const long = 'word '.repeat(20).trim();
    const y = toGoYaml({ b: [{ y: 'true', x: '' }], a: '2025-01-01T00:00:00Z', c: 'a: b', d: 'multi\nline', e: long, f: [], g: {} });
    expect(y).toBe(
      'a: "2025-01-01T00:00:00Z"\n' +
        'b:\n- x: ""\n  "y": "true"\n' +
        "c: 'a: b'\n" +
        'd: |-\n  multi\n  line\n' +
        'e: word word word word word word word word word word word word word word word word\n  word word word word\n' +
        'f: []\ng: {}\n',
    );
  });
  it('prints JSON with four spaces, sorted keys and Go HTML escapes', () => {
    expect(toKubectlJson({ b: 1, a: ['<none>'] })).toBe('{\n    "a": [\n        "\\u003cnone\\u003e"\n    ],\n    "b": 1\n}\n');
  });
});

describe('jsonpath', () => {
  const list = { items: [{ metadata: { name: 'a' }, status: { succeeded: 1 } }, { metadata: { name: 'b' } }] };
  it.each([
    ['{.items[*].metadata.name}', 'a b'],
    ['{range .items[*]}{.metadata.name}{"\\n"}{end}', 'a\nb\n'],
    ['{.items[0].status}', '{"succeeded":1}'],
    ['{.items[-1].metadata.name}', 'b'],
    ['{.items[?(@.metadata.name=="b")].metadata.name}', 'b'],
    ['{..name}', 'a b'],
    ['{.missing}', ''],
    ['name={.items[1].metadata.name}', 'name=b'],
  ])('%s', (tpl, want) => {
    expect(evalJsonPath(tpl, list)).toEqual({ ok: true, text: want });
  });
  it('reports parse and strict-mode errors as kubectl does', () => {
    expect(evalJsonPath('{.a', list)).toEqual({ ok: false, error: 'error: error parsing jsonpath {.a, unclosed action' });
    const strict = evalJsonPath('{.nope}', { a: 1 }, false);
    expect(strict.ok).toBe(false);
    if (!strict.ok) expect(strict.error).toContain('Error executing template: nope is not found.');
  });
});

describe('tokenize', () => {
  it.each([
    ['get pods -l a=b', ['get', 'pods', '-l', 'a=b']],
    [`patch job x -p '{"spec": {"parallelism": 2}}'`, ['patch', 'job', 'x', '-p', '{"spec": {"parallelism": 2}}']],
    ['a "b \\"c\\"" d\\ e', ['a', 'b "c"', 'd e']],
    ['  ', []],
  ])('%s', (line, words) => {
    expect(tokenize(line)).toEqual({ ok: true, words });
  });
  it('reports an unbalanced quote', () => {
    expect(tokenize("get 'x").ok).toBe(false);
  });
});
