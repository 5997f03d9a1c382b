// updateJob/patchJob: a body that names another uid fails the registry's UID precondition.

import { describe, expect, it } from 'vitest';
import { createJob, patchJob } from './jobs';
import { ObjectStore } from './server';
import { Rng } from '../sim/random';
import { VirtualClock } from '../sim/time';
import { Trace } from '../sim/trace';

function store(): ObjectStore {
  return new ObjectStore(new VirtualClock(0), new Rng(1, 'names'), new Rng(1, 'uids'), new Trace());
}

const job = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'demo' },
  spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] } } },
};

describe('uid precondition', () => {
  it('a merge patch that changes metadata.uid is a 409 Conflict', () => {
    const s = store();
    const created = createJob(s, job, 'default');
    expect(created.ok).toBe(true);
    const res = patchJob(s, 'default', 'demo', 'merge', { metadata: { uid: 'other' } });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe(409);
      expect(res.error.message).toContain('Precondition failed: UID in precondition: other, UID in object meta: ');
    }
  });
  it('a patch with the same uid is fine', () => {
    const s = store();
    const created = createJob(s, job, 'default');
    if (!created.ok) throw new Error('create failed');
    const res = patchJob(s, 'default', 'demo', 'merge', { metadata: { uid: created.value.metadata.uid, labels: { a: 'b' } } });
    expect(res.ok).toBe(true);
  });
});
