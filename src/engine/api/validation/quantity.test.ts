import { describe, expect, it } from 'vitest';
import { failedOverlapsCompleted, validateIndexesFormat } from './indexes';
import { compareQuantity, parseQuantity, quantityString } from './quantity';

const q = (s: string): ReturnType<typeof parseQuantity> => parseQuantity(s);
const canon = (s: string): string => {
  const p = q(s);
  return p.ok ? quantityString(p.q) : `ERR ${p.error}`;
};

describe('quantity canonical form', () => {
  it.each([
    ['0.5', '500m'],
    ['1000m', '1'],
    ['2000', '2k'],
    ['1500', '1500'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['1Ki', '1Ki'],
    ['0.5Ki', '512'],
    ['512Ki', '512Ki'],
    ['1e3', '1e3'],
    ['1.5e3', '1500'],
    ['0', '0'],
    ['-0.5', '-500m'],
    ['0.0000000001', '1n'],
    ['1.5Gi', '1536Mi'],
  ])('%s → %s', (input, expected) => expect(canon(input)).toBe(expected));

  it.each([['abc'], ['1..2'], ['.'], [''], ['1Kb'], ['1 Gi']])('rejects %s', (input) => expect(q(input).ok).toBe(false));

  it('compares exactly across formats', () => {
    const a = q('1Gi');
    const b = q('1073741824');
    const c = q('1G');
    if (!a.ok || !b.ok || !c.ok) throw new Error('parse');
    expect(compareQuantity(a.q, b.q)).toBe(0);
    expect(compareQuantity(c.q, a.q)).toBe(-1);
  });
});

describe('index lists', () => {
  it.each<[string, number, number, string | undefined]>([
    ['', 5, 0, undefined],
    ['0,2,4', 5, 3, undefined],
    ['1-3,5-9', 10, 8, undefined],
    ['+1', 5, 1, undefined],
    ['0-9', 5, 0, 'too large index: "9"'],
    ['a', 5, 0, 'cannot convert string to integer for index: "a"'],
    ['-1', 5, 0, 'cannot convert string to integer for index: ""'],
    ['1-2-3', 5, 0, 'the fragment "1-2-3" violates the requirement that an index interval can have at most two parts separated by \'-\''],
    ['2-1', 5, 0, 'non-increasing order, previous: 2, current: 1'],
    ['1-2,2', 5, 0, 'non-increasing order, previous: 2, current: 2'],
    ['1,', 5, 0, 'cannot convert string to integer for index: ""'],
  ])('%j (completions %d)', (s, c, total, error) => {
    const r = validateIndexesFormat(s, c);
    expect(r.error).toBe(error);
    if (error === undefined) expect(r.total).toBe(total);
  });

  it.each<[string, string, string | undefined]>([
    ['0-2', '3-4', undefined],
    ['0-2', '2-4', 'failedIndexes and completedIndexes overlap at index: 2'],
    ['1,5', '0,3,5', 'failedIndexes and completedIndexes overlap at index: 5'],
    ['x,1', '1', 'failedIndexes and completedIndexes overlap at index: 1'],
  ])('overlap %s vs %s', (completed, failed, msg) => expect(failedOverlapsCompleted(completed, failed, 10)).toBe(msg));
});
