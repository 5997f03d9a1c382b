import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../api/types';
import { describeJob, capIndexesListOrNone } from './describe';
import { eventsTable } from './getEvents';
import { jobCompletionsText, jobStatusText, jobsTable } from './getJobs';
import { podRow, podStatusText, podsTable } from './getPods';
import { CLOCK_START, at, makeEvent, makeJob, makePod } from './testdata/fixtures';

const NOW = 125_000;

const cs = (state: ContainerStatus['state'], extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name: 'main',
  image: 'busybox',
  ready: false,
  restartCount: 0,
  state,
  ...extra,
});

describe('kubectl get jobs', () => {
  it.each([
    ['complete', { conditions: [{ type: 'Complete', status: 'True' }] }, false, 'Complete'],
    ['failed beats terminating', { conditions: [{ type: 'Failed', status: 'True' }] }, true, 'Failed'],
    ['terminating', {}, true, 'Terminating'],
    ['suspended', { conditions: [{ type: 'Suspended', status: 'True' }] }, false, 'Suspended'],
    ['failure target', { conditions: [{ type: 'FailureTarget', status: 'True' }] }, false, 'FailureTarget'],
    ['success criteria met alone', { conditions: [{ type: 'SuccessCriteriaMet', status: 'True' }] }, false, 'Running'],
    ['false condition ignored', { conditions: [{ type: 'Complete', status: 'False' }] }, false, 'Running'],
  ])('STATUS %s', (_n, status, deleting, want) => {
    const job = makeJob({}, status);
    if (deleting) job.metadata.deletionTimestamp = at(5);
    expect(jobStatusText(job)).toBe(want);
  });

  it.each([
    ['completions set', { completions: 3, parallelism: 2 }, 1, '1/3'],
    ['nil completions, parallel', { completions: undefined, parallelism: 3 }, 0, '0/1 of 3'],
    ['nil completions, serial', { completions: undefined, parallelism: 1 }, 0, '0/1'],
  ])('COMPLETIONS %s', (_n, spec, succeeded, want) => {
    expect(jobCompletionsText(makeJob(spec, { succeeded }))).toBe(want);
  });

  it('renders the table (durations from startTime, AGE from creation)', () => {
    const jobs = [
      makeJob({}, { startTime: at(1), completionTime: at(12), succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] }),
      makeJob({ completions: undefined, parallelism: 3 }, { startTime: at(2), active: 3 }, 'work'),
      makeJob({}, {}, 'pending'),
    ];
    expect(jobsTable(jobs, NOW, CLOCK_START)).toBe(
      'NAME      STATUS     COMPLETIONS   DURATION   AGE\n' +
        'pi        Complete   1/1           11s        2m5s\n' +
        'work      Running    0/1 of 3      2m3s       2m5s\n' +
        'pending   Running    0/1                      2m5s\n',
    );
    expect(jobsTable(jobs.slice(0, 1), NOW, CLOCK_START, { allNamespaces: true, noHeaders: true, wide: true })).toBe(
      'default   pi    Complete   1/1   11s   2m5s   main   busybox   batch.kubernetes.io/controller-uid=a1b2c3d4-0000-4000-8000-000000000001\n',
    );
    expect(jobsTable([], NOW, CLOCK_START)).toBe('');
  });
});

describe('kubectl get pods STATUS column (printPod)', () => {
  const pod = (status: Pod['status'], meta: Partial<Pod['metadata']> = {}) => makePod('p', status, meta);
  it.each([
    ['pending, no statuses', pod({ phase: 'Pending' }), 'Pending'],
    ['container creating', pod({ phase: 'Pending', containerStatuses: [cs({ waiting: { reason: 'ContainerCreating' } })] }), 'ContainerCreating'],
    ['running', pod({ phase: 'Running', containerStatuses: [cs({ running: {} }, { ready: true })] }), 'Running'],
    ['completed', pod({ phase: 'Succeeded', containerStatuses: [cs({ terminated: { exitCode: 0, reason: 'Completed' } })] }), 'Completed'],
    ['error', pod({ phase: 'Failed', containerStatuses: [cs({ terminated: { exitCode: 1, reason: 'Error' } })] }), 'Error'],
    ['exit code without reason', pod({ phase: 'Failed', containerStatuses: [cs({ terminated: { exitCode: 3 } })] }), 'ExitCode:3'],
    ['crash loop', pod({ phase: 'Running', containerStatuses: [cs({ waiting: { reason: 'CrashLoopBackOff' } })] }), 'CrashLoopBackOff'],
    ['terminating', pod({ phase: 'Running', containerStatuses: [cs({ running: {} }, { ready: true })] }, { deletionTimestamp: at(9) }), 'Terminating'],
    ['terminal pods never show Terminating', pod({ phase: 'Failed', containerStatuses: [cs({ terminated: { exitCode: 1, reason: 'Error' } })] }, { deletionTimestamp: at(9) }), 'Error'],
    ['pod reason wins over phase', pod({ phase: 'Failed', reason: 'DeadlineExceeded' }), 'DeadlineExceeded'],
  ])('%s', (_n, p, want) => {
    expect(podStatusText(p)).toBe(want);
  });

  it('shows Init:N/M and Init:<reason>', () => {
    const p = pod({
      phase: 'Pending',
      initContainerStatuses: [cs({ terminated: { exitCode: 0 } }, { name: 'a' }), cs({ running: {} }, { name: 'b' })],
    });
    p.spec.initContainers = [{ name: 'a' }, { name: 'b' }];
    expect(podStatusText(p)).toBe('Init:1/2');
    p.status.initContainerStatuses = [cs({ terminated: { exitCode: 2, reason: 'Error' } }, { name: 'a' })];
    expect(podStatusText(p)).toBe('Init:Error');
  });

  it('prints restarts with "(Xs ago)" and the wide columns', () => {
    const p = pod({
      phase: 'Running',
      containerStatuses: [cs({ running: {} }, { ready: true, restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: at(49) } } })],
    });
    expect(podRow(p, NOW, CLOCK_START, true).cells).toEqual(['1/1', 'Running', '2 (76s ago)', '2m4s', '<none>', 'node-1', '<none>', '<none>']);
    expect(podsTable([p], NOW, CLOCK_START)).toBe('NAME   READY   STATUS    RESTARTS      AGE\np      1/1     Running   2 (76s ago)   2m4s\n');
  });
});

describe('kubectl get events', () => {
  it('prints LAST SEEN TYPE REASON OBJECT MESSAGE, oldest first', () => {
    const events = [
      makeEvent('b', 'Completed', 'Job completed', 12),
      makeEvent('a', 'SuccessfulCreate', 'Created pod: pi-x', 1),
      makeEvent('c', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 20),
    ];
    expect(eventsTable(events, NOW, CLOCK_START)).toBe(
      'LAST SEEN   TYPE      REASON                 OBJECT   MESSAGE\n' +
        '2m4s        Normal    SuccessfulCreate       job/pi   Created pod: pi-x\n' +
        '113s        Normal    Completed              job/pi   Job completed\n' +
        '105s        Warning   BackoffLimitExceeded   job/pi   Job has reached the specified backoff limit\n',
    );
  });
});

describe('kubectl describe job', () => {
  it('caps long completed-index lists at the first comma after 50 chars', () => {
    const long = Array.from({ length: 30 }, (_, i) => String(i * 2)).join(',');
    expect(capIndexesListOrNone(long, 50)).toBe(long.slice(0, long.indexOf(',', 50) + 1) + '...');
    expect(capIndexesListOrNone('', 50)).toBe('<none>');
    expect(capIndexesListOrNone('0-2,5', 50)).toBe('0-2,5');
  });

  it('matches kubectl describe output', () => {
    const job = makeJob(
      { completionMode: 'Indexed', completions: 3, parallelism: 3, activeDeadlineSeconds: 60, ttlSecondsAfterFinished: 100 },
      { startTime: at(1), active: 1, ready: 1, succeeded: 2, failed: 0, completedIndexes: '0,2' },
    );
    job.metadata.annotations = { 'kubectl.kubernetes.io/last-applied-configuration': '{}', team: 'a' };
    const events = [makeEvent('e1', 'SuccessfulCreate', 'Created pod: pi-0-x', 1), makeEvent('e2', 'SuccessfulCreate', 'Created pod: pi-1-y', 5, 'Job', 'pi', 2)];
    expect(describeJob(job, [], events, NOW, CLOCK_START)).toBe(
      [
        'Name:                        pi',
        'Namespace:                   default',
        'Selector:                    batch.kubernetes.io/controller-uid=a1b2c3d4-0000-4000-8000-000000000001',
        'Labels:                      batch.kubernetes.io/controller-uid=a1b2c3d4-0000-4000-8000-000000000001',
        '                             batch.kubernetes.io/job-name=pi',
        '                             controller-uid=a1b2c3d4-0000-4000-8000-000000000001',
        '                             job-name=pi',
        'Annotations:                 team: a',
        'Parallelism:                 3',
        'Completions:                 3',
        'Completion Mode:             Indexed',
        'Suspend:                     false',
        'Backoff Limit:               6',
        'TTL Seconds After Finished:  100',
        'Start Time:                  Wed, 01 Jan 2025 00:00:01 +0000',
        'Active Deadline Seconds:     60s',
        'Pods Statuses:               1 Active (1 Ready) / 2 Succeeded / 0 Failed',
        'Completed Indexes:           0,2',
        'Pod Template:',
        '  Labels:  batch.kubernetes.io/controller-uid=a1b2c3d4-0000-4000-8000-000000000001',
        '           batch.kubernetes.io/job-name=pi',
        '           controller-uid=a1b2c3d4-0000-4000-8000-000000000001',
        '           job-name=pi',
        '  Containers:',
        '   main:',
        '    Image:      busybox',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Command:',
        '      sh',
        '      -c',
        '      sleep 5',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:',
        '  Type    Reason            Age              From            Message',
        '  ----    ------            ----             ----            -------',
        '  Normal  SuccessfulCreate  2m4s             job-controller  Created pod: pi-0-x',
        '  Normal  SuccessfulCreate  2m (x2 over 2m)  job-controller  Created pod: pi-1-y',
        '',
      ].join('\n'),
    );
  });

  it('omits Ready when status.ready is unset and shows Events: <none>', () => {
    const out = describeJob(makeJob({ completions: undefined }, {}), [], [], NOW, CLOCK_START);
    expect(out).toContain('Completions:      <unset>\n');
    expect(out).toContain('Pods Statuses:    0 Active / 0 Succeeded / 0 Failed\n');
    expect(out.endsWith('  Tolerations:     <none>\nEvents:            <none>\n')).toBe(true);
  });
});
