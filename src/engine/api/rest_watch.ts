// WATCH as a pull stream over the store's event history (cacher/cache_watcher.go semantics):
// - RV unset or "0": synthetic ADDED for every matching object, then changes;
// - a specific RV: only changes after it; older than the history → one ERROR event
//   (410 Expired `too old resource version: X (Y)`) and the watch ends;
// - sendInitialEvents=true (with resourceVersionMatch=NotOlderThan): initial ADDED events,
//   then (allowWatchBookmarks) a BOOKMARK annotated `k8s.io/initial-events-end: "true"`;
// - selectors: an object that starts matching arrives as ADDED, one that stops as DELETED;
// - allowWatchBookmarks: a poll that skipped events not matching ends with a BOOKMARK at the
//   newest revision it saw (the deterministic stand-in for the server's periodic bookmarks);
// - timeoutSeconds: virtual time; events at or after start+timeout are not delivered.
// A watcher that does not poll for longer than the history holds gets the 410 ERROR too.

import { statusError } from './errors';
import type { HistoryEntry } from './rest_history';
import { matches, matchingByKey, objectsOf, parseRequest, parseResourceVersion, tooLargeRv, type Filter, type ResourceInfo, type ResourceName } from './rest_list';
import type { NamespaceScope, RestResult, WatchEvent, WatchHandle, WatchOptions } from './rest_types';
import type { ObjectStore } from './server';
import type { KubeObject } from './types';

export const INITIAL_EVENTS_END_ANNOTATION = 'k8s.io/initial-events-end';

const tooOld = (wanted: number, oldest: number): WatchEvent<never> => ({
  type: 'ERROR',
  object: statusError(410, 'Expired', `too old resource version: ${wanted} (${oldest})`),
});

class PullWatch<T extends KubeObject> implements WatchHandle<T> {
  done = false;
  resourceVersion: string;
  private pending: WatchEvent<T>[] = [];
  private nextSeq: number;
  private readonly deadlineMs: number | null;

  constructor(
    private readonly store: ObjectStore,
    private readonly info: ResourceInfo,
    private readonly filter: Filter,
    private readonly bookmarks: boolean,
    startRv: number,
    timeoutSeconds: number | undefined,
  ) {
    this.resourceVersion = String(startRv);
    this.nextSeq = store.history.seqAfter(startRv);
    const t = timeoutSeconds !== undefined && Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? timeoutSeconds : null;
    this.deadlineMs = t === null ? null : store.clock.nowMs + t * 1000;
  }

  queue(e: WatchEvent<T>): void {
    this.pending.push(e);
    if (e.type !== 'ERROR') this.resourceVersion = rvOf(e.object);
  }

  bookmark(rv: number, initialEnd: boolean): WatchEvent<T> {
    const metadata: { resourceVersion: string; annotations?: Record<string, string> } = { resourceVersion: String(rv) };
    if (initialEnd) metadata.annotations = { [INITIAL_EVENTS_END_ANNOTATION]: 'true' };
    return { type: 'BOOKMARK', object: { kind: this.info.kind, apiVersion: this.info.apiVersion, metadata } };
  }

  poll(): WatchEvent<T>[] {
    if (this.done && this.pending.length === 0) return [];
    const out = this.pending;
    this.pending = [];
    if (this.done) return out;
    const h = this.store.history;
    if (this.nextSeq < h.firstSeq) {
      out.push(tooOld(Number(this.resourceVersion), h.oldestResumableRv()));
      this.done = true;
      return out;
    }
    let lastSeen = -1;
    let lastSent = -1;
    for (; this.nextSeq < h.endSeq; this.nextSeq++) {
      const e = h.at(this.nextSeq);
      if (e === undefined) continue;
      if (this.deadlineMs !== null && e.timeMs >= this.deadlineMs) break;
      lastSeen = e.rv;
      const ev = this.convert(e);
      if (ev === null) continue;
      out.push(ev);
      lastSent = e.rv;
      this.resourceVersion = String(e.rv);
    }
    if (this.bookmarks && lastSeen > lastSent && lastSeen > Number(this.resourceVersion)) {
      out.push(this.bookmark(lastSeen, false));
      this.resourceVersion = String(lastSeen);
    }
    if (this.deadlineMs !== null && this.store.clock.nowMs >= this.deadlineMs) this.done = true;
    return out;
  }

  /** cacheWatcher.convertToWatchEvent: filter transitions become ADDED / DELETED. */
  private convert(e: HistoryEntry): WatchEvent<T> | null {
    if (e.obj.kind !== this.info.kind) return null;
    const now = matches(this.filter, e.obj);
    if (e.type === 'ADDED') return now ? { type: 'ADDED', object: e.obj as T } : null;
    if (e.type === 'DELETED') return e.old !== undefined && matches(this.filter, e.old) ? { type: 'DELETED', object: e.obj as T } : null;
    const before = e.old !== undefined && matches(this.filter, e.old);
    if (now && before) return { type: 'MODIFIED', object: e.obj as T };
    if (now) return { type: 'ADDED', object: e.obj as T };
    if (before && e.old !== undefined) {
      const last = { ...e.old, metadata: { ...e.old.metadata, resourceVersion: String(e.rv) } } as T;
      return { type: 'DELETED', object: last };
    }
    return null;
  }

  stop(): void {
    this.done = true;
    this.pending = [];
  }
}

function rvOf(o: { metadata: { resourceVersion?: string } }): string {
  return o.metadata.resourceVersion ?? '0';
}

export function watchObjects<T extends KubeObject>(store: ObjectStore, r: ResourceName, namespace: NamespaceScope, opts: WatchOptions = {}): RestResult<WatchHandle<T>> {
  const req = parseRequest(r, namespace, opts, true);
  if (!req.ok) return req;
  const { o, info, filter } = req;
  const p = parseResourceVersion(typeof o.resourceVersion === 'string' ? o.resourceVersion : '');
  if (!p.ok) return p;
  const current = store.currentRevision();
  if (p.rv > current) return { ok: false, error: tooLargeRv(p.rv, current) };
  const legacyInitial = p.rv === 0 && o.sendInitialEvents === undefined;
  const initial = o.sendInitialEvents === true || legacyInitial;
  const startRv = initial || p.rv === 0 ? current : p.rv;
  const w = new PullWatch<T>(store, info, filter, o.allowWatchBookmarks === true, startRv, o.timeoutSeconds);
  if (!initial && p.rv !== 0 && p.rv < store.history.oldestResumableRv()) {
    w.queue(tooOld(p.rv, store.history.oldestResumableRv()));
    w.done = true;
    return { ok: true, code: 200, warnings: [], value: w };
  }
  if (initial) {
    for (const [, x] of matchingByKey(objectsOf(store, r).values(), filter)) w.queue({ type: 'ADDED', object: x as T });
    if (o.sendInitialEvents === true && o.allowWatchBookmarks === true) w.queue(w.bookmark(current, true));
    w.resourceVersion = String(current);
  }
  return { ok: true, code: 200, warnings: [], value: w };
}
