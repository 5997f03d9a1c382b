// A one-entry cache for derived values (selectors, and checks several components ask with
// the same inputs): zustand compares selector results by reference, and a React render or
// a keystroke should not redo work whose inputs did not change.

/** Caches the last result by reference equality of its inputs. */
export function memo<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let lastResult: R;
  return (...args: A) => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((a, i) => Object.is(a, args[i]))) return lastResult;
    lastResult = fn(...args);
    lastArgs = args; // after the call: a throw must not leave a stale result cached
    return lastResult;
  };
}
