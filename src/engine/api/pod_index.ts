// The API server's pod index by controller owner (upstream: the pod informer's indexer,
// plus the per-Job classification syncJob would otherwise recompute from every pod).
// It is updated on every pod write, so a sync costs what changed, not every pod that
// ever existed: an Indexed Job at the API's limit keeps 100,000 finished pods around.
// Each class lists its pods in creation order, like the owner's pod list.

import { JOB_COMPLETION_INDEX, JOB_TRACKING_FINALIZER, type Pod } from './types';

/** getCompletionIndex without a regular expression: digits only, a safe integer, else -1. */
export function parseCompletionIndex(v: string | undefined): number {
  if (v === undefined || v.length === 0) return -1;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
  }
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : -1;
}

interface PodEntry {
  /** Creation order within the index. */
  readonly seq: number;
  pod: Pod;
  index: number;
  flags: number;
  /** The classes whose member array holds this entry (possibly stale: see PodClass). */
  held: number;
}

const ACTIVE = 1; // FilterActivePods: not terminal, not being deleted
const TRACKED = 2; // carries the Job tracking finalizer
const TRACKED_INACTIVE = 4; // tracked and not active: finished or being deleted, not yet counted
const NON_TERMINAL = 8; // phase neither Succeeded nor Failed
const FAILING = 16; // phase Failed or being deleted (a superset of isPodFailed for any Job)
const READY = 32; // Ready=True
const TERMINATING = 64; // being deleted and not terminal (CountTerminatingPods)

function classify(p: Pod): number {
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
class PodClass {
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


/** The pods of one owner, classified; what syncJob reads instead of scanning every pod. */
export class OwnedPods {
  private entries = new Map<string, PodEntry>();
  private readonly activeCls = new PodClass(ACTIVE);
  private readonly trackedCls = new PodClass(TRACKED);
  private readonly trackedInactiveCls = new PodClass(TRACKED_INACTIVE);
  private readonly nonTerminalCls = new PodClass(NON_TERMINAL);
  private readonly failingCls = new PodClass(FAILING);
  /** The classes with the flag bit that puts a pod in each. */
  private readonly classes: ReadonlyArray<readonly [number, PodClass]> = [
    [ACTIVE, this.activeCls],
    [TRACKED, this.trackedCls],
    [TRACKED_INACTIVE, this.trackedInactiveCls],
    [NON_TERMINAL, this.nonTerminalCls],
    [FAILING, this.failingCls],
  ];
  private activeByIndex = new Map<number, number>();
  private terminatingByIndex = new Map<number, number>();
  private duplicateActiveIndexes = 0;
  private unknownIndexActive = 0;
  /** The highest completion index any active pod ever had (only grows). */
  private maxActiveIndex = -1;
  readyActiveCount = 0;
  terminatingCount = 0;

  get size(): number {
    return this.entries.size;
  }

  get activeCount(): number {
    return this.activeCls.size;
  }

  upsert(key: string, pod: Pod, nextSeq: () => number): void {
    let e = this.entries.get(key);
    const index = parseCompletionIndex(pod.metadata.annotations?.[JOB_COMPLETION_INDEX]);
    const flags = classify(pod);
    if (e === undefined) {
      e = { seq: nextSeq(), pod, index, flags: 0, held: 0 };
      this.entries.set(key, e);
      this.count(e, 1, flags, index);
    } else if (e.index !== index || ((e.flags ^ flags) & (ACTIVE | READY | TERMINATING)) !== 0) {
      // Counts change only with the pod's index or its active/ready/terminating state.
      this.count(e, -1, e.flags, e.index);
      this.count(e, 1, flags, index);
    }
    const old = e.flags;
    e.pod = pod;
    e.index = index;
    e.flags = flags;
    for (const [bit, c] of this.classes) {
      if (((old ^ flags) & bit) === 0) {
        if ((flags & bit) !== 0) c.touch();
      } else if ((flags & bit) !== 0) {
        c.add(e);
      } else {
        c.delete();
      }
    }
  }

  remove(key: string): void {
    const e = this.entries.get(key);
    if (e === undefined) return;
    this.count(e, -1, e.flags, e.index);
    const was = e.flags;
    e.flags = 0; // a stale member of every class now
    for (const [bit, c] of this.classes) if ((was & bit) !== 0) c.delete();
    this.entries.delete(key);
  }

  private count(e: PodEntry, sign: 1 | -1, flags: number, index: number): void {
    if ((flags & ACTIVE) !== 0) {
      if ((flags & READY) !== 0) this.readyActiveCount += sign;
      if (index < 0) this.unknownIndexActive += sign;
      else {
        const n = bump(this.activeByIndex, index, sign);
        if (sign > 0 && n === 2) this.duplicateActiveIndexes++;
        if (sign < 0 && n === 1) this.duplicateActiveIndexes--;
        if (sign > 0 && index > this.maxActiveIndex) this.maxActiveIndex = index;
      }
    }
    if ((flags & TERMINATING) !== 0) {
      this.terminatingCount += sign;
      if (index >= 0) bump(this.terminatingByIndex, index, sign);
    }
  }

  /** Every pod, in creation order. */
  all(): Pod[] {
    const out: Pod[] = [];
    for (const e of this.entries.values()) out.push(e.pod);
    return out;
  }

  /** FilterActivePods: not terminal and not being deleted. */
  active(): Pod[] {
    return this.activeCls.pods();
  }

  /** Pods that carry the Job tracking finalizer. */
  tracked(): Pod[] {
    return this.trackedCls.pods();
  }

  /** Tracked pods that are finished or being deleted (the only ones a running Job counts). */
  trackedInactive(): Pod[] {
    return this.trackedInactiveCls.pods();
  }

  /** Pods in a non-terminal phase (active or terminating). */
  nonTerminal(): Pod[] {
    return this.nonTerminalCls.pods();
  }

  /** Pods in phase Failed or being deleted: every pod isPodFailed can accept. */
  failing(): Pod[] {
    return this.failingCls.pods();
  }

  /** Whether an active pod has completion index `ix`. */
  hasActiveIndex(ix: number): boolean {
    return this.activeByIndex.has(ix);
  }

  /** Whether a terminating pod has completion index `ix`. */
  hasTerminatingIndex(ix: number): boolean {
    return this.terminatingByIndex.has(ix);
  }

  /** True when every active pod has its own valid index below `completions` (no duplicates to remove). */
  activeIndexesValid(completions: number): boolean {
    return this.duplicateActiveIndexes === 0 && this.unknownIndexActive === 0 && this.maxActiveIndex < completions;
  }
}

function bump(m: Map<number, number>, k: number, d: number): number {
  const n = (m.get(k) ?? 0) + d;
  if (n === 0) m.delete(k);
  else m.set(k, n);
  return n;
}

/** The index of all pods by the uid of their controller owner reference. */
export class PodIndex {
  private byOwner = new Map<string, OwnedPods>();
  private lastOwner = '';
  private lastOwned: OwnedPods | undefined;
  private seq = 0;
  private readonly nextSeq = (): number => this.seq++;

  /** The pods of an owner (an empty view when it has none). */
  owned(uid: string): OwnedPods {
    return this.byOwner.get(uid) ?? new OwnedPods();
  }

  private ownedOrNew(uid: string): OwnedPods {
    if (uid === this.lastOwner && this.lastOwned !== undefined) return this.lastOwned;
    let set = this.byOwner.get(uid);
    if (set === undefined) this.byOwner.set(uid, (set = new OwnedPods()));
    this.lastOwner = uid;
    this.lastOwned = set;
    return set;
  }

  /** A pod was stored under `key`; `prev` is what was stored there before (the store's state). */
  upsert(key: string, pod: Pod, prev: Pod | undefined): void {
    const owner = controllerUid(pod);
    const before = prev === undefined ? undefined : controllerUid(prev);
    if (before !== undefined && before !== owner) this.ownedOrNew(before).remove(key);
    if (owner !== undefined) this.ownedOrNew(owner).upsert(key, pod, this.nextSeq);
  }

  /** The pod stored under `key` is gone. */
  remove(key: string, pod: Pod): void {
    const owner = controllerUid(pod);
    if (owner !== undefined) this.ownedOrNew(owner).remove(key);
  }
}

function controllerUid(pod: Pod): string | undefined {
  const refs = pod.metadata.ownerReferences;
  if (refs === undefined) return undefined;
  for (const r of refs) if (r.controller) return r.uid;
  return undefined;
}
