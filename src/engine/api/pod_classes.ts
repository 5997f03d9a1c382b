// The building blocks of the pod index (pod_index.ts): the per-pod entry, the class flags
// syncJob's pod lists are made of, the class member lists and the per-index counts.

import { JOB_TRACKING_FINALIZER, type Pod } from './types';

export interface PodEntry {
  /** Creation order within the index. */
  readonly seq: number;
  pod: Pod;
  index: number;
  flags: number;
  /** The classes whose member array holds this entry (possibly stale: see PodClass). */
  held: number;
}

export const ACTIVE = 1; // FilterActivePods: not terminal, not being deleted
export const TRACKED = 2; // carries the Job tracking finalizer
export const TRACKED_INACTIVE = 4; // tracked and not active: finished or being deleted, not yet counted
export const NON_TERMINAL = 8; // phase neither Succeeded nor Failed
export const FAILING = 16; // phase Failed or being deleted (a superset of isPodFailed for any Job)
export const READY = 32; // Ready=True
export const TERMINATING = 64; // being deleted and not terminal (CountTerminatingPods)

export function classify(p: Pod): number {
  const phase = p.status.phase;
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const deleting = p.metadata.deletionTimestamp !== undefined;
  let f = 0;
  if (!terminal) f |= NON_TERMINAL;
  if (!terminal && !deleting) f |= ACTIVE;
  if (deleting && !terminal) f |= TERMINATING;
  if (phase === 'Failed' || deleting) f |= FAILING;
  if (p.metadata.finalizers !== undefined && p.metadata.finalizers.includes(JOB_TRACKING_FINALIZER)) {
    f |= TRACKED;
    if ((f & ACTIVE) === 0) f |= TRACKED_INACTIVE;
  }
  const conds = p.status.conditions;
  if (conds !== undefined) {
    for (const c of conds) {
      if (c.type === 'Ready' && c.status === 'True') {
        f |= READY;
        break;
      }
    }
  }
  return f;
}

/**
 * One class of pods in creation order. Members live in an array, not a keyed map: a pod
 * that leaves the class stays in the array (stale, its flags no longer carry the class's
 * bit) until the next read or until stale entries outnumber live ones, so joining and
 * leaving cost no hashing. Re-sorted only if a member joined out of creation order.
 */
export class PodClass {
  private members: PodEntry[] = [];
  private live = 0;
  private sorted = true;
  private cache: Pod[] | null = null;

  constructor(private readonly bit: number) {}

  get size(): number {
    return this.live;
  }

  /** `e` joins (its flags already carry the bit). */
  add(e: PodEntry): void {
    this.live++;
    this.cache = null;
    if ((e.held & this.bit) !== 0) return; // still in the array from an earlier membership
    const last = this.members[this.members.length - 1];
    if (last !== undefined && last.seq > e.seq) this.sorted = false;
    e.held |= this.bit;
    this.members.push(e);
  }

  /** `e` leaves (its flags no longer carry the bit). */
  delete(): void {
    this.live--;
    this.cache = null;
    if (this.members.length - this.live > Math.max(1024, this.live)) this.compact();
  }

  touch(): void {
    this.cache = null;
  }

  private compact(): void {
    const bit = this.bit;
    const kept: PodEntry[] = [];
    for (const e of this.members) {
      if ((e.flags & bit) !== 0) kept.push(e);
      else e.held &= ~bit;
    }
    this.members = kept;
  }

  pods(): Pod[] {
    if (this.cache !== null) return this.cache;
    if (this.members.length !== this.live) this.compact();
    if (!this.sorted) {
      this.members.sort((a, b) => a.seq - b.seq);
      this.sorted = true;
    }
    const out: Pod[] = new Array<Pod>(this.members.length);
    for (let i = 0; i < this.members.length; i++) out[i] = (this.members[i] as PodEntry).pod;
    this.cache = out;
    return out;
  }
}

/**
 * Pod counts per completion index. Indexes are dense and below 100,000 for any Job the API
 * accepts, so they live in a typed array; a pod written with a larger index (the
 * annotation is free text to the API) is counted in a map.
 */
export class IndexCounts {
  private static readonly DENSE_LIMIT = 1 << 20;
  private dense = new Int32Array(0);
  private readonly sparse = new Map<number, number>();

  /** Adds d to the count of ix; returns the new count. */
  add(ix: number, d: number): number {
    if (ix >= IndexCounts.DENSE_LIMIT) {
      const n = (this.sparse.get(ix) ?? 0) + d;
      if (n === 0) this.sparse.delete(ix);
      else this.sparse.set(ix, n);
      return n;
    }
    if (ix >= this.dense.length) {
      const grown = new Int32Array(Math.min(IndexCounts.DENSE_LIMIT, Math.max(1024, 2 ** Math.ceil(Math.log2(ix + 1)))));
      grown.set(this.dense);
      this.dense = grown;
    }
    const n = (this.dense[ix] as number) + d;
    this.dense[ix] = n;
    return n;
  }

  has(ix: number): boolean {
    if (ix < 0) return false;
    if (ix >= IndexCounts.DENSE_LIMIT) return this.sparse.has(ix);
    return ix < this.dense.length && (this.dense[ix] as number) !== 0;
  }
}
