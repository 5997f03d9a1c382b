// "Apply" as kubectl apply at the cursor: when the person edits the Job in the scenario
// and presses Apply with the cursor past t=0, the edit becomes an `apply:` action at the
// cursor time (an update of the live Job, which the API may refuse as kubectl shows),
// and spec.job goes back to the Job the run started with. "Restart" instead runs the
// edited text from t=0. Pure text transformation with the yaml Document API, so comments
// elsewhere survive.

import { isMap, parseDocument, type Document } from 'yaml';
import { memo } from './memo';
import { atSeconds, pushActionAt, type EditResult } from './scenarioEdit';

function specJob(doc: Document): unknown {
  const v: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (typeof v !== 'object' || v === null) return undefined;
  const spec = (v as { spec?: unknown }).spec;
  if (typeof spec !== 'object' || spec === null) return undefined;
  return (spec as { job?: unknown }).job;
}

function readJob(text: string): { ok: true; job: unknown } | { ok: false } {
  try {
    const doc = parseDocument(text);
    if (doc.errors.length > 0) return { ok: false };
    return { ok: true, job: specJob(doc) };
  } catch {
    return { ok: false };
  }
}

/**
 * True when both texts parse and their spec.job differ. Memoized: after each keystroke
 * auto-apply and the editor's hint ask it with the same two texts.
 */
export const jobChanged = memo((prevText: string, newText: string): boolean => {
  const a = readJob(prevText);
  const b = readJob(newText);
  if (!a.ok || !b.ok || b.job === undefined) return false;
  return JSON.stringify(a.job) !== JSON.stringify(b.job);
});

/**
 * The edited text with spec.job restored from `prevText` and the edited Job recorded as
 * `- at: <cursor>, apply: <Job>`; later actions are dropped (acting in the past branches).
 */
export function recordApply(prevText: string, newText: string, atMs: number): EditResult {
  const prev = readJob(prevText);
  if (!prev.ok || prev.job === undefined) return { ok: false, error: 'cannot apply: the previous run has no Job to update' };
  const doc = parseDocument(newText);
  if (doc.errors.length > 0) return { ok: false, error: `cannot apply: ${doc.errors[0]?.message ?? 'invalid YAML'}` };
  const edited = specJob(doc);
  const spec = doc.get('spec', true);
  if (!isMap(spec)) return { ok: false, error: 'cannot apply: the scenario has no spec mapping' };
  spec.set('job', doc.createNode(prev.job));
  const discarded = pushActionAt(doc, spec, atMs, () => doc.createNode({ at: atSeconds(atMs), apply: edited }));
  if (discarded === null) return { ok: false, error: 'cannot apply: spec.actions must be a list' };
  return { ok: true, text: doc.toString(), discarded };
}
