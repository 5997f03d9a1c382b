// The pod index against a plain recomputation: random writes and removals of pods in every
// state, then each class must list exactly the pods a filter over all pods gives, in
// creation order, with the same counts.
import { describe, expect, it } from 'vitest';
import { PodIndex } from './pod_index';
import { JOB_COMPLETION_INDEX, JOB_TRACKING_FINALIZER, type Pod } from './types';
import { RandomSource } from '../sim/random';

const OWNER = 'owner-uid';

function pod(name: string, r: () => number): Pod {
  const phases = ['Pending', 'Running', 'Succeeded', 'Failed'] as const;
  const phase = phases[Math.floor(r() * 4)] ?? 'Pending';
  const metadata: Pod['metadata'] = {
    name,
    namespace: 'default',
    annotations: { [JOB_COMPLETION_INDEX]: String(Math.floor(r() * 8)) },
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'j', uid: OWNER, controller: true }],
  };
  if (r() < 0.7) metadata.finalizers = [JOB_TRACKING_FINALIZER];
  if (r() < 0.2) metadata.deletionTimestamp = '2026-01-01T00:00:00Z';
  const ready = r() < 0.5 ? 'True' : 'False';
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: [{ name: 'c' }] }, status: { phase, conditions: [{ type: 'Ready', status: ready }] } };
}

const terminal = (p: Pod): boolean => p.status.phase === 'Succeeded' || p.status.phase === 'Failed';
const deleting = (p: Pod): boolean => p.metadata.deletionTimestamp !== undefined;
const tracked = (p: Pod): boolean => (p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
const active = (p: Pod): boolean => !terminal(p) && !deleting(p);

describe('PodIndex', () => {
  // Few keys read often, and many keys read rarely (stale members then pile up past the
  // compaction threshold between two reads).
  it.each([
    { keys: 300, steps: 20_000, every: 97 },
    { keys: 4000, steps: 40_000, every: 9_973 },
  ])('keeps every class equal to a filter over all pods, in creation order ($keys keys)', ({ keys, steps, every }) => {
    const rng = new RandomSource(7).stream('pod-index');
    const r = (): number => rng.nextUint32() / 2 ** 32;
    const index = new PodIndex();
    // The reference: key → pod, in creation order (a key removed and written again is new).
    let all = new Map<string, Pod>();
    for (let step = 0; step < steps; step++) {
      const key = `default/p${Math.floor(r() * keys)}`;
      if (r() < 0.1) {
        const cur = all.get(key);
        if (cur !== undefined) {
          index.remove(key, cur);
          all.delete(key);
        }
      } else {
        const next = pod(key.slice(8), r);
        index.upsert(key, next, all.get(key));
        all.set(key, next);
      }
      if (step % every !== every - 1) continue;
      const owned = index.owned(OWNER);
      const pods = [...all.values()];
      expect(owned.all()).toEqual(pods);
      expect(owned.active()).toEqual(pods.filter(active));
      expect(owned.tracked()).toEqual(pods.filter(tracked));
      expect(owned.trackedInactive()).toEqual(pods.filter((p) => tracked(p) && !active(p)));
      expect(owned.nonTerminal()).toEqual(pods.filter((p) => !terminal(p)));
      expect(owned.failing()).toEqual(pods.filter((p) => p.status.phase === 'Failed' || deleting(p)));
      expect(owned.activeCount).toBe(pods.filter(active).length);
      expect(owned.terminatingCount).toBe(pods.filter((p) => deleting(p) && !terminal(p)).length);
      expect(owned.readyActiveCount).toBe(pods.filter((p) => active(p) && p.status.conditions?.[0]?.status === 'True').length);
      for (let ix = 0; ix < 8; ix++) {
        const has = pods.some((p) => active(p) && p.metadata.annotations?.[JOB_COMPLETION_INDEX] === String(ix));
        expect(owned.hasActiveIndex(ix)).toBe(has);
      }
      all = new Map(all);
    }
  });
});
