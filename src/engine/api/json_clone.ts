/**
 * A deep copy by JSON round trip: undefined members dropped and non-finite numbers turned
 * to null, as on the wire (validation/util's `clone` keeps them, for validating input as
 * it was written).
 */
export const jsonClone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
