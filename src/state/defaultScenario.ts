// The scenario shown on a first visit: small, and something happens within a minute —
// one pod fails, the controller retries after the 10 s pod failure backoff, the Job
// completes.

export const DEFAULT_SCENARIO = `apiVersion: job-playground/v1
kind: Scenario
metadata:
  name: retry-after-failure
  title: "One pod fails, the Job retries it and completes"
spec:
  job:
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: demo
    spec:
      completions: 3
      parallelism: 2
      backoffLimit: 2
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: main
              image: busybox:1.36
              command: ["sh", "-c", "sleep 10"]
  workload:
    defaults:
      startupSeconds: 1
      durationSeconds: 10
    rules:
      # The second pod created exits with code 1 after 5 s: the Job controller
      # creates a replacement after the pod failure backoff (10 s for the first failure).
      - attempt: 1
        durationSeconds: 5
        exitCode: 1
  actions: []
`;
