// The examples gallery: scenario files that each teach one behaviour of the Job controller,
// with an `expect:` block stating the outcome (checked by examples.test.ts). The YAML texts
// are bundled with Vite's `?raw`, so the UI, the worker and vitest import the same list.

import { parse } from 'yaml';
import { readMetadata } from '../serialize';
import backoffLimitRetries from './backoff-limit-retries.yaml?raw';
import onfailureRestartsInPlace from './onfailure-restarts-in-place.yaml?raw';
import backoffDelays from './backoff-delays.yaml?raw';
import failureTargetBeforeFailed from './failure-target-before-failed.yaml?raw';
import deadlineBeatsBackoffLimit from './deadline-beats-backoff-limit.yaml?raw';
import pendingNeverFails from './pending-never-fails.yaml?raw';
import suspendResetsDeadline from './suspend-resets-deadline.yaml?raw';
import replacementPolicyTerminating from './replacement-policy-terminating.yaml?raw';
import replacementPolicyFailed from './replacement-policy-failed.yaml?raw';
import podFailurePolicyExit42 from './pod-failure-policy-exit-42.yaml?raw';
import ignoreDisruptions from './ignore-disruptions.yaml?raw';
import indexedCompletedIndexes from './indexed-completed-indexes.yaml?raw';
import backoffLimitPerIndex from './backoff-limit-per-index.yaml?raw';
import successPolicyLeader from './success-policy-leader.yaml?raw';
import elasticIndexedScaling from './elastic-indexed-scaling.yaml?raw';
import workQueue from './work-queue.yaml?raw';
import ttlAfterFinished from './ttl-after-finished.yaml?raw';

export interface Example {
  /** metadata.name: a DNS-1123 label, used in URLs. */
  id: string;
  title: string;
  titleZh: string;
  description: string;
  descriptionZh: string;
  /** The outcome to watch for, in English and in Simplified Chinese. */
  whatToWatch: { en: string; zh: string };
  /** The scenario file as written (with its expect: block). */
  text: string;
}

/** In gallery order: retries and backoff first, then time limits, policies, Indexed Jobs. */
const FILES: ReadonlyArray<readonly [string, string]> = [
  ['backoff-limit-retries', backoffLimitRetries],
  ['onfailure-restarts-in-place', onfailureRestartsInPlace],
  ['backoff-delays', backoffDelays],
  ['failure-target-before-failed', failureTargetBeforeFailed],
  ['deadline-beats-backoff-limit', deadlineBeatsBackoffLimit],
  ['pending-never-fails', pendingNeverFails],
  ['suspend-resets-deadline', suspendResetsDeadline],
  ['replacement-policy-terminating', replacementPolicyTerminating],
  ['replacement-policy-failed', replacementPolicyFailed],
  ['pod-failure-policy-exit-42', podFailurePolicyExit42],
  ['ignore-disruptions', ignoreDisruptions],
  ['indexed-completed-indexes', indexedCompletedIndexes],
  ['backoff-limit-per-index', backoffLimitPerIndex],
  ['success-policy-leader', successPolicyLeader],
  ['elastic-indexed-scaling', elasticIndexedScaling],
  ['work-queue', workQueue],
  ['ttl-after-finished', ttlAfterFinished],
];

type Texts = Omit<Example, 'id' | 'text'>;

function readTexts(text: string): Texts {
  const meta = readMetadata(parse(text));
  const zh = meta.i18n?.['zh-CN'] ?? {};
  const clean = (s: string | undefined): string => (s ?? '').trim();
  return {
    title: clean(meta.title),
    titleZh: clean(zh.title ?? meta.title),
    description: clean(meta.description),
    descriptionZh: clean(zh.description ?? meta.description),
    whatToWatch: { en: clean(meta.whatToWatch), zh: clean(zh.whatToWatch ?? meta.whatToWatch) },
  };
}

/**
 * The texts are parsed on first read, not at module load: parsing all 17 files took
 * ~220 ms of a throttled phone's startup (Lighthouse mobile). The id is the file name,
 * which is each file's metadata.name (every bundled file is named after it).
 */
function toExample(file: string, text: string): Example {
  let texts: Texts | undefined;
  const read = (): Texts => (texts ??= readTexts(text));
  return {
    id: file,
    text,
    get title() {
      return read().title;
    },
    get titleZh() {
      return read().titleZh;
    },
    get description() {
      return read().description;
    },
    get descriptionZh() {
      return read().descriptionZh;
    },
    get whatToWatch() {
      return read().whatToWatch;
    },
  };
}

export const EXAMPLES: readonly Example[] = FILES.map(([file, text]) => toExample(file, text));

export function findExample(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}
