// JobStatus as the API serializes it: upstream field order, counters omitted when 0
// (int32 omitempty), ready/terminating/failedIndexes kept when set (pointers).

import type { JobStatus } from '../api/types';

export function buildStatus(s: JobStatus): JobStatus {
  const out: JobStatus = {};
  if (s.conditions && s.conditions.length > 0) out.conditions = s.conditions;
  if (s.startTime !== undefined) out.startTime = s.startTime;
  if (s.completionTime !== undefined) out.completionTime = s.completionTime;
  if (s.active) out.active = s.active;
  if (s.succeeded) out.succeeded = s.succeeded;
  if (s.failed) out.failed = s.failed;
  if (s.terminating !== undefined) out.terminating = s.terminating;
  if (s.completedIndexes) out.completedIndexes = s.completedIndexes;
  if (s.failedIndexes !== undefined) out.failedIndexes = s.failedIndexes;
  if (s.uncountedTerminatedPods !== undefined || s.startTime !== undefined || s.active !== undefined) {
    out.uncountedTerminatedPods = {};
  }
  if (s.ready !== undefined) out.ready = s.ready;
  return out;
}
