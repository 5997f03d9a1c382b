import { describe, expect, it } from 'vitest';
import { extend } from './extend';

describe('extend', () => {
  it('gives the object a spread gives: same keys, same order, later values winning', () => {
    const base = { b: 1, a: 'x', gone: undefined as string | undefined, nested: { k: 1 } };
    const extra = { a: 'y', c: true, gone: undefined };
    const got = extend<Record<string, unknown>>(base, extra);
    const want = { ...base, ...extra };
    expect(Object.keys(got)).toEqual(Object.keys(want));
    expect(got).toEqual(want);
    expect(JSON.stringify(got)).toBe(JSON.stringify(want));
    expect(got.nested).toBe(base.nested);
  });

  it('leaves both inputs unchanged and returns a new object', () => {
    const base = { a: 1 };
    const extra = { b: 2 };
    const got = extend<Record<string, number>>(base, extra);
    expect(got).not.toBe(base);
    expect(base).toEqual({ a: 1 });
    expect(extra).toEqual({ b: 2 });
  });

  it('keeps integer-like keys in the order a spread puts them', () => {
    const base: Record<string, number> = { z: 1, 10: 2, 2: 3 };
    const got = extend(base, { 1: 4, y: 5 });
    expect(Object.keys(got)).toEqual(Object.keys({ ...base, 1: 4, y: 5 }));
  });
});
