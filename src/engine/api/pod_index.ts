// The API server's pod index by controller owner (upstream: the pod informer's indexer,
// plus the per-Job classification syncJob would otherwise recompute from every pod).
// It is updated on every pod write, so a sync costs what changed, not every pod that
// ever existed: an Indexed Job at the API's limit keeps 100,000 finished pods around.
// Each class lists its pods in creation order, like the owner's pod list.

import { JOB_COMPLETION_INDEX, type Pod } from './types';
import { getControllerOf } from './owner';
import { ACTIVE, classify, FAILING, IndexCounts, NON_TERMINAL, PodClass, READY, TERMINATING, TRACKED, TRACKED_INACTIVE, type PodEntry } from './pod_classes';

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
  private activeByIndex = new IndexCounts();
  private terminatingByIndex = new IndexCounts();
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
        const n = this.activeByIndex.add(index, sign);
        if (sign > 0 && n === 2) this.duplicateActiveIndexes++;
        if (sign < 0 && n === 1) this.duplicateActiveIndexes--;
        if (sign > 0 && index > this.maxActiveIndex) this.maxActiveIndex = index;
      }
    }
    if ((flags & TERMINATING) !== 0) {
      this.terminatingCount += sign;
      if (index >= 0) this.terminatingByIndex.add(index, sign);
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
  return getControllerOf(pod)?.uid;
}
