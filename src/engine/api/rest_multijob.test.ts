import { describe, expect, it } from 'vitest';
import { JobController } from '../controller/job_controller';
import { manifest, must, setup } from './rest_testkit';

/** Store + Job controller on a tiny time-ordered queue (no kubelet: pods stay Pending). */
function cluster(): ReturnType<typeof setup> & { drain: (untilMs: number) => void } {
  const s = setup();
  const queue: { at: number; seq: number; fn: () => void }[] = [];
  let seq = 0;
  const controller = new JobController({
    store: s.store,
    nowMs: () => s.store.clock.nowMs,
    schedule: (delayMs, fn) => queue.push({ at: s.store.clock.nowMs + Math.max(0, delayMs), seq: seq++, fn }),
    syncDelayMs: 0,
  });
  s.store.watch((t, o, old) => controller.onChange(t, o, old));
  const drain = (untilMs: number): void => {
    for (let i = 0; i < 10_000 && queue.length > 0; i++) {
      queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = queue[0]!;
      if (next.at > untilMs) break;
      queue.shift();
      s.store.clock.nowMs = next.at;
      next.fn();
    }
    s.store.clock.nowMs = untilMs;
  };
  return { ...s, drain };
}

describe('several Jobs in two namespaces through the facade and the controller', () => {
  it.each([
    ['same name in two namespaces', [['work', 'default', 2], ['work', 'team', 3]]],
    ['three Jobs', [['a', 'default', 1], ['b', 'default', 2], ['a', 'team', 2]]],
  ] as const)('%s: each Job gets its own pods and status', (_n, jobs) => {
    const { api, store, drain } = cluster();
    for (const [name, ns, parallelism] of jobs) {
      const m = manifest(name, ns);
      (m.spec as Record<string, unknown>).parallelism = parallelism;
      (m.spec as Record<string, unknown>).completions = parallelism;
      must(api.jobs.create(ns, m));
    }
    drain(5_000);
    for (const [name, ns, parallelism] of jobs) {
      const job = must(api.jobs.get(ns, name));
      const pods = must(api.pods.list(ns, { labelSelector: `batch.kubernetes.io/controller-uid=${job.metadata.uid}` })).items;
      expect(pods).toHaveLength(parallelism);
      expect(pods.every((p) => p.metadata.ownerReferences?.[0]?.uid === job.metadata.uid)).toBe(true);
      expect(job.status.active).toBe(parallelism);
    }
    // Deleting one Job (Background) leaves the other namespace alone.
    const [first] = jobs;
    must(api.jobs.delete(first[1], first[0], { propagationPolicy: 'Background' }));
    drain(10_000);
    const others = jobs.filter((j) => j !== first);
    for (const [name, ns, parallelism] of others) expect(must(api.jobs.get(ns, name)).status.active).toBe(parallelism);
    expect(store.getJob(first[1], first[0])).toBeUndefined();
  });

  it('a watch across all namespaces sees every Job status write, in revision order', () => {
    const { api, drain } = cluster();
    const w = must(api.jobs.watch(null, { resourceVersion: '1' }));
    must(api.jobs.create('default', manifest('a')));
    must(api.jobs.create('team', manifest('a', 'team')));
    drain(5_000);
    const ev = w.poll();
    const rvs = ev.map((e) => Number(e.object.metadata.resourceVersion));
    expect([...rvs].sort((x, y) => x - y)).toEqual(rvs);
    const modified = ev.flatMap((e) => (e.type === 'MODIFIED' ? [e.object.metadata.namespace] : []));
    expect(new Set(modified)).toEqual(new Set(['default', 'team']));
  });
});
