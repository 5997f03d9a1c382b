// The store keeps a key string per stored Job and pod name (keyOf) and forgets it with the
// object: a long run that creates and deletes pods must not grow the table.

import { describe, expect, it } from 'vitest';
import { ObjectStore } from './server';
import type { Pod } from './types';
import { Rng } from '../sim/random';
import { VirtualClock } from '../sim/time';
import { Trace } from '../sim/trace';

function store(): ObjectStore {
  return new ObjectStore(new VirtualClock(0), new Rng(1, 'names'), new Rng(1, 'uids'), new Trace(false));
}

function pod(name: string, ns = 'default'): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns }, spec: { containers: [{ name: 'c' }] }, status: { phase: 'Succeeded' } };
}

describe('ObjectStore keys', () => {
  it('keeps one key per stored object and drops it on removal', () => {
    const s = store();
    for (let i = 0; i < 500; i++) s.add(pod(`p${i}`, i % 2 === 0 ? 'default' : 'other'));
    expect(s.keptKeys).toBe(500);
    expect(s.getPod('other', 'p1')?.metadata.name).toBe('p1');
    expect(s.getPod('default', 'p1')).toBeUndefined();
    // Lookups of names that are not stored keep nothing.
    for (let i = 0; i < 100; i++) expect(s.getPod('default', `missing${i}`)).toBeUndefined();
    expect(s.keptKeys).toBe(500);
    for (let i = 0; i < 500; i++) {
      const p = s.getPod(i % 2 === 0 ? 'default' : 'other', `p${i}`);
      if (p === undefined) throw new Error(`p${i} missing`);
      s.remove(p);
    }
    expect(s.pods.size).toBe(0);
    expect(s.keptKeys).toBe(0);
  });

  it('keeps a name shared by a Job and a pod until both are gone', () => {
    const s = store();
    const p = s.add(pod('same'));
    s.add({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'same', namespace: 'default' }, spec: { template: { spec: { containers: [] } } } } as never);
    s.remove(p);
    expect(s.keptKeys).toBe(1);
    expect(s.getJob('default', 'same')?.metadata.name).toBe('same');
  });
});
