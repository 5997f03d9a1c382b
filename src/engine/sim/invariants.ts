// Invariants checked after every simulation step (in tests and by the fuzzer). Each
// returns a readable violation instead of throwing, so a failing run can be reported
// with its scenario and seed.

import type { Job, KubeObject, Pod } from '../api/types';
import { parseIndexesFromString } from '../controller/indexed_job_utils';
import { isActive, isJobFinished, isPodReady, isTerminating } from '../controller/utils';
import type { Simulation } from './simulation';

const terminalTypes = (j: Job): string[] =>
  (j.status.conditions ?? []).filter((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True').map((c) => c.type);

function intervalsOk(s: string | undefined, completions: number): string | null {
  if (s === undefined || s === '') return null;
  let last = -1;
  for (const part of s.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return `malformed interval "${part}" in "${s}"`;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a <= last || b < a) return `"${s}" is not ascending`;
    if (b >= completions) return `"${s}" has an index ≥ completions ${completions}`;
    last = b;
  }
  return null;
}

export class InvariantChecker {
  readonly violations: string[] = [];
  private lastTimeMs = 0;
  private lastJob: Job | null = null;
  private finishedAtMs: number | null = null;
  private podsCreated = 0;
  /** Completions of an Indexed Job changed (elastic scaling): succeeded may then drop. */
  private elasticSeen = false;

  constructor(private readonly sim: Simulation) {
    sim.store.watch((type, obj) => this.observe(type, obj));
  }

  private fail(msg: string): void {
    if (this.violations.length < 20) this.violations.push(`t=${this.sim.clock.nowMs}ms: ${msg}`);
  }

  private observe(type: string, obj: KubeObject): void {
    if (obj.kind === 'Pod' && type === 'ADDED') {
      this.podsCreated++;
      if (this.finishedAtMs !== null) this.fail(`pod ${obj.metadata.name} created after the Job finished`);
    }
    if (obj.kind !== 'Job' || type === 'DELETED') return;
    const prev = this.lastJob;
    this.lastJob = obj;
    const types = terminalTypes(obj);
    if (types.length > 1) this.fail(`Job has both ${types.join(' and ')}`);
    if (prev) {
      for (const t of terminalTypes(prev)) if (!types.includes(t)) this.fail(`condition ${t} was removed`);
      for (const t of ['FailureTarget', 'SuccessCriteriaMet']) {
        const had = (prev.status.conditions ?? []).some((c) => c.type === t);
        if (had && !(obj.status.conditions ?? []).some((c) => c.type === t)) this.fail(`condition ${t} was removed`);
      }
      if ((obj.status.failed ?? 0) < (prev.status.failed ?? 0)) this.fail(`status.failed decreased ${prev.status.failed} → ${obj.status.failed}`);
      if (obj.spec.completionMode === 'Indexed' && obj.spec.completions !== prev.spec.completions) this.elasticSeen = true;
      if (!this.elasticSeen && (obj.status.succeeded ?? 0) < (prev.status.succeeded ?? 0)) this.fail(`status.succeeded decreased`);
    }
    // The status is checked when it was written: after a spec update it lags until the next sync.
    if (prev && JSON.stringify(prev.status) === JSON.stringify(obj.status)) return;
    if (this.finishedAtMs === null && isJobFinished(obj)) this.finishedAtMs = this.sim.clock.nowMs;
    const s = obj.status;
    if ((s.ready ?? 0) > (s.active ?? 0)) this.fail(`status.ready ${s.ready} > status.active ${s.active}`);
    const completions = obj.spec.completions ?? 0;
    if (obj.spec.completionMode === 'Indexed') {
      if ((s.succeeded ?? 0) > completions) this.fail(`Indexed succeeded ${s.succeeded} > completions ${completions}`);
      for (const f of [s.completedIndexes, s.failedIndexes]) {
        const e = intervalsOk(f, completions);
        if (e) this.fail(e);
      }
      const done = parseIndexesFromString(s.completedIndexes, completions);
      const failed = parseIndexesFromString(s.failedIndexes, completions);
      for (const [a, b] of done) for (const [c, d] of failed) if (a <= d && c <= b) this.fail(`completedIndexes and failedIndexes overlap`);
    } else if ((s.succeeded ?? 0) + (s.failed ?? 0) > this.podsCreated) {
      this.fail(`succeeded ${s.succeeded} + failed ${s.failed} > pods created ${this.podsCreated} (a pod counted twice)`);
    }
  }

  /** After every step: time never goes back. */
  step(): void {
    if (this.sim.clock.nowMs < this.lastTimeMs) this.fail(`time went back ${this.lastTimeMs} → ${this.sim.clock.nowMs}`);
    this.lastTimeMs = this.sim.clock.nowMs;
  }

  /** Right after a sync wrote status: active/ready/terminating equal the pods' real states. */
  afterSync(job: Job, pods: Pod[]): void {
    const s = job.status;
    const active = pods.filter(isActive);
    const want = { active: active.length, ready: active.filter(isPodReady).length, terminating: pods.filter(isTerminating).length };
    const got = { active: s.active ?? 0, ready: s.ready ?? 0, terminating: s.terminating ?? 0 };
    if (isJobFinished(job)) return;
    if (want.active !== got.active || want.ready !== got.ready || want.terminating !== got.terminating) {
      this.fail(`after sync: status ${JSON.stringify(got)} but pods ${JSON.stringify(want)}`);
    }
  }
}
