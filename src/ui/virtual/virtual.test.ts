import { describe, expect, it } from 'vitest';
import { virtualRows } from './useVirtualRows';

describe('virtualRows', () => {
  it.each([
    ['top of a long list', 100_000, 0, { first: 0, last: 21, padTop: 0, padBottom: (100_000 - 21) * 20 }],
    ['scrolled to the middle', 100_000, 20_000, { first: 992, last: 1021, padTop: 992 * 20, padBottom: (100_000 - 1021) * 20 }],
    ['short list', 5, 0, { first: 0, last: 5, padTop: 0, padBottom: 0 }],
  ])('%s', (_n, count, scrollTop, expected) => {
    expect(virtualRows(count, 20, scrollTop, 260)).toEqual(expected);
  });
});
