// An in-memory API server for Jobs, Pods and Events: object storage with uid,
// resourceVersion, generation and creationTimestamp; generateName; graceful deletion
// with finalizers; garbage collection by owner reference (Orphan / Background /
// Foreground). Every change is published as a watch event to the trace and to the
// in-process watchers (the controllers and the kubelet).

import type { Trace, WatchType } from '../sim/trace';
import type { VirtualClock } from '../sim/time';
import type { Rng } from '../sim/random';
import {
  FOREGROUND_DELETION_FINALIZER,
  type Job,
  type KubeEvent,
  type KubeObject,
  type Pod,
} from './types';
import { notFound, statusError, type StatusError } from './errors';

export type Watcher = (type: WatchType, obj: KubeObject, old: KubeObject | undefined) => void;

const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export type Result<T> = { ok: true; value: T } | { ok: false; error: StatusError };

export class ObjectStore {
  readonly jobs = new Map<string, Job>();
  readonly pods = new Map<string, Pod>();
  readonly events = new Map<string, KubeEvent>();
  /** Pods by the uid of their controller owner, in creation order (fast owner lookups). */
  private podsByOwner = new Map<string, Set<string>>();
  private watchers: Watcher[] = [];
  private rv = 1;
  private eventSeq = 0;

  constructor(
    readonly clock: VirtualClock,
    private readonly names: Rng,
    private readonly uids: Rng,
    readonly trace: Trace,
  ) {}

  watch(w: Watcher): void {
    this.watchers.push(w);
  }

  nextResourceVersion(): string {
    this.rv += 1;
    return String(this.rv);
  }

  newUid(): string {
    const hex = (n: number): string => this.uids.nextUint32().toString(16).padStart(8, '0').slice(0, n);
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${((this.uids.nextUint32() & 0x3) | 0x8).toString(16)}${hex(3)}-${hex(8)}${hex(4)}`;
  }

  generateName(prefix: string): string {
    const base = prefix.length > 58 ? prefix.slice(0, 58) : prefix;
    let s = '';
    for (let i = 0; i < 5; i++) s += NAME_ALPHABET[this.names.nextUint32() % NAME_ALPHABET.length];
    return base + s;
  }

  private emit(type: WatchType, obj: KubeObject, old: KubeObject | undefined): void {
    this.trace.watch(this.clock.nowMs, type, obj);
    for (const w of this.watchers) w(type, obj, old);
  }

  private mapFor(kind: KubeObject['kind']): Map<string, KubeObject> {
    if (kind === 'Job') return this.jobs as Map<string, KubeObject>;
    if (kind === 'Pod') return this.pods as Map<string, KubeObject>;
    return this.events as Map<string, KubeObject>;
  }

  static key(ns: string, name: string): string {
    return `${ns}/${name}`;
  }

  /** Stores a new object (already defaulted and validated). */
  add<T extends KubeObject>(obj: T): T {
    const ns = obj.metadata.namespace ?? 'default';
    const stored = {
      ...obj,
      metadata: {
        ...obj.metadata,
        namespace: ns,
        uid: obj.metadata.uid ?? this.newUid(),
        resourceVersion: this.nextResourceVersion(),
        creationTimestamp: this.clock.iso(),
      },
    } as T;
    if (stored.kind !== 'Event') stored.metadata.generation ??= 1;
    if (stored.kind === 'Pod') stored.metadata.generation = undefined;
    const key = ObjectStore.key(ns, stored.metadata.name ?? '');
    this.mapFor(stored.kind).set(key, stored);
    if (stored.kind === 'Pod') {
      const owner = stored.metadata.ownerReferences?.find((r) => r.controller)?.uid;
      if (owner !== undefined) {
        let set = this.podsByOwner.get(owner);
        if (!set) this.podsByOwner.set(owner, (set = new Set()));
        set.add(key);
      }
    }
    this.emit('ADDED', stored, undefined);
    return stored;
  }

  /** Replaces a stored object; removes it when it is being deleted and has no finalizers left. */
  put<T extends KubeObject>(obj: T): T {
    const ns = obj.metadata.namespace ?? 'default';
    const key = ObjectStore.key(ns, obj.metadata.name ?? '');
    const map = this.mapFor(obj.kind);
    const old = map.get(key);
    const stored = { ...obj, metadata: { ...obj.metadata, resourceVersion: this.nextResourceVersion() } } as T;
    if (stored.metadata.deletionTimestamp !== undefined && (stored.metadata.finalizers ?? []).length === 0 && this.readyToRemove(stored)) {
      this.remove(stored);
      return stored;
    }
    map.set(key, stored);
    this.emit('MODIFIED', stored, old);
    return stored;
  }

  /** A pod object disappears only once the kubelet has stopped it (terminal phase). */
  private readyToRemove(obj: KubeObject): boolean {
    if (obj.kind !== 'Pod') return true;
    return obj.status.phase === 'Succeeded' || obj.status.phase === 'Failed';
  }

  remove(obj: KubeObject): void {
    const ns = obj.metadata.namespace ?? 'default';
    const key = ObjectStore.key(ns, obj.metadata.name ?? '');
    const map = this.mapFor(obj.kind);
    if (!map.has(key)) return;
    map.delete(key);
    if (obj.kind === 'Pod') {
      const owner = obj.metadata.ownerReferences?.find((r) => r.controller)?.uid;
      if (owner !== undefined) this.podsByOwner.get(owner)?.delete(key);
    }
    this.emit('DELETED', obj, obj);
    if (obj.kind === 'Pod') this.afterPodRemoved(obj);
  }

  getJob(ns: string, name: string): Job | undefined {
    return this.jobs.get(ObjectStore.key(ns, name));
  }

  getPod(ns: string, name: string): Pod | undefined {
    return this.pods.get(ObjectStore.key(ns, name));
  }

  podsOwnedBy(uid: string): Pod[] {
    const keys = this.podsByOwner.get(uid);
    if (!keys) return [];
    const out: Pod[] = [];
    for (const k of keys) {
      const p = this.pods.get(k);
      if (p) out.push(p);
    }
    return out;
  }

  /** Graceful pod deletion: deletionTimestamp = now + grace; terminal pods go at once. */
  deletePod(ns: string, name: string, gracePeriodSeconds?: number): Result<Pod> {
    const pod = this.getPod(ns, name);
    if (!pod) return { ok: false, error: notFound('pods', '', name) };
    if (pod.metadata.deletionTimestamp !== undefined) return { ok: true, value: pod };
    const terminal = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
    const grace = terminal ? 0 : Math.max(0, gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30);
    const updated: Pod = {
      ...pod,
      metadata: {
        ...pod.metadata,
        deletionTimestamp: this.clock.iso(this.clock.nowMs + grace * 1000),
        deletionGracePeriodSeconds: grace,
      },
    };
    return { ok: true, value: this.put(updated) };
  }

  /** Deletes a Job with a propagation policy (the GC's part runs at the same instant). */
  deleteJob(ns: string, name: string, propagationPolicy: string): Result<Job> {
    const job = this.getJob(ns, name);
    if (!job) return { ok: false, error: notFound('jobs', 'batch', name) };
    if (!['Orphan', 'Background', 'Foreground'].includes(propagationPolicy)) {
      return {
        ok: false,
        error: statusError(422, 'Invalid', `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${propagationPolicy}": supported values: "Foreground", "Background", "Orphan", "nil"`),
      };
    }
    const uid = job.metadata.uid ?? '';
    const dependents = this.podsOwnedBy(uid);
    if (propagationPolicy === 'Orphan') {
      for (const p of dependents) {
        const refs = (p.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        this.put({ ...p, metadata: { ...p.metadata, ownerReferences: refs.length > 0 ? refs : undefined } });
      }
      this.podsByOwner.delete(uid);
      this.remove(job);
      return { ok: true, value: job };
    }
    if (propagationPolicy === 'Background' || dependents.length === 0) {
      this.remove(job);
      for (const p of dependents) this.deletePod(ns, p.metadata.name ?? '');
      return { ok: true, value: job };
    }
    const finalizers = [...(job.metadata.finalizers ?? [])];
    if (!finalizers.includes(FOREGROUND_DELETION_FINALIZER)) finalizers.push(FOREGROUND_DELETION_FINALIZER);
    const deleting = this.put({ ...job, metadata: { ...job.metadata, deletionTimestamp: this.clock.iso(), finalizers } });
    for (const p of dependents) this.deletePod(ns, p.metadata.name ?? '');
    return { ok: true, value: deleting };
  }

  /** Foreground deletion finishes when the owner's last dependent is gone. */
  private afterPodRemoved(pod: Pod): void {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref) return;
    const ns = pod.metadata.namespace ?? 'default';
    const job = this.getJob(ns, ref.name);
    if (!job || job.metadata.uid !== ref.uid || job.metadata.deletionTimestamp === undefined) return;
    if (!(job.metadata.finalizers ?? []).includes(FOREGROUND_DELETION_FINALIZER)) return;
    if (this.podsOwnedBy(ref.uid).length > 0) return;
    const finalizers = (job.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_DELETION_FINALIZER);
    this.put({ ...job, metadata: { ...job.metadata, finalizers } });
  }

  /** Records an Event about an object (the event recorder of a component). */
  recordEvent(about: Job | Pod, type: 'Normal' | 'Warning', reason: string, message: string, component: string): KubeEvent {
    const now = this.clock.iso();
    const ns = about.metadata.namespace ?? 'default';
    this.eventSeq += 1;
    const ev: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${about.metadata.name ?? ''}.${(0x180000000 + this.eventSeq).toString(16)}`, namespace: ns },
      involvedObject: {
        kind: about.kind,
        namespace: ns,
        name: about.metadata.name ?? '',
        uid: about.metadata.uid,
        apiVersion: about.apiVersion,
      },
      reason,
      message,
      type,
      source: { component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    };
    return this.add(ev);
  }
}
