import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it.each<[string, string[], object]>([
    ['a file', ['s.yaml'], { file: 's.yaml', output: 'json', check: false, help: false }],
    ['stdin', ['-'], { file: '-', output: 'json' }],
    ['--output value', ['s.yaml', '--output', 'status'], { output: 'status' }],
    ['--output=value', ['--output=yaml', 's.yaml'], { output: 'yaml', file: 's.yaml' }],
    ['-o', ['-o', 'describe', 's.yaml'], { output: 'describe' }],
    ['--until seconds', ['s.yaml', '--until', '90'], { untilMs: 90000 }],
    ['--until fraction', ['s.yaml', '--until=1.5'], { untilMs: 1500 }],
    ['--until duration', ['s.yaml', '--until', '1m30s'], { untilMs: 90000 }],
    ['--check', ['--check', 's.yaml'], { check: true }],
    ['--help', ['--help'], { help: true }],
    ['-h with a file', ['x', '-h'], { help: true }],
    ['stdin then flags', ['-', '--output', 'json'], { file: '-', output: 'json' }],
    ['--share', ['s.yaml', '--share'], { file: 's.yaml', share: true }],
    ['--from-url without a file', ['--from-url', '#s=1.dAAAA'], { file: '', fromUrl: '#s=1.dAAAA', share: false }],
    ['--from-url=link', ['--from-url=http://h/#s=1.d', '-o', 'yaml'], { fromUrl: 'http://h/#s=1.d', output: 'yaml' }],
  ])('%s', (_n, argv, want) => {
    const r = parseArgs(argv);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.options).toMatchObject(want);
  });

  it.each<[string, string[], string]>([
    ['no file', [], 'missing the scenario file (or - for standard input)'],
    ['two files', ['a', 'b'], 'one scenario file at a time, got 2: a b'],
    ['unknown flag', ['a', '--frobnicate'], 'unknown option "--frobnicate"'],
    ['unknown short flag', ['a', '-x'], 'unknown option "-x"'],
    ['bad output', ['a', '--output', 'xml'], '--output must be one of json, status, describe, yaml, not "xml"'],
    ['output without value', ['a', '--output'], '--output needs a value'],
    ['output followed by a flag', ['a', '--output', '--check'], '--output needs a value'],
    ['bad until', ['a', '--until', 'soon'], '--until must be seconds or a duration like "90s", not "soon"'],
    ['negative until', ['a', '--until', '-5'], '--until must be seconds or a duration like "90s", not "-5"'],
    ['until too long', ['a', '--until', '25h'], '--until must be at most 86400 seconds (24h)'],
    ['--check=value', ['a', '--check=yes'], 'unknown option "--check=yes"'],
    ['--share=value', ['a', '--share=yes'], 'unknown option "--share=yes"'],
    ['--from-url without a value', ['--from-url'], '--from-url needs a value'],
    ['--from-url and a file', ['a', '--from-url', '#s=1.d'], '--from-url runs the scenario of the link; do not also give a file (a)'],
  ])('%s', (_n, argv, message) => {
    expect(parseArgs(argv)).toEqual({ ok: false, message });
  });
});
