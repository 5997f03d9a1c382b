// A light JSON schema of the scenario file for editor completion and hover. It only
// checks the outer shape; the authoritative validation (with exact messages and
// positions) is src/scenario/parse.ts, run in the worker.

import type { JSONSchema } from 'monaco-yaml';

const seconds: JSONSchema = { anyOf: [{ type: 'number', minimum: 0 }, { type: 'string' }] };
const podTarget: JSONSchema & { properties: Record<string, JSONSchema> } = { type: 'object', properties: { index: { type: 'integer', minimum: 0 }, name: { type: 'string' } } };

export const scenarioSchema: JSONSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['spec'],
  properties: {
    apiVersion: { type: 'string', enum: ['job-playground/v1'] },
    kind: { type: 'string', enum: ['Scenario'] },
    metadata: {
      type: 'object',
      properties: { name: { type: 'string' }, title: { type: 'string' }, description: { type: 'string' } },
    },
    expect: { type: 'object' },
    spec: {
      type: 'object',
      properties: {
        clock: { type: 'object', properties: { start: { type: 'string', description: 'RFC 3339 wall-clock time of t=0' } } },
        seed: { type: 'integer', description: 'Seeds every random choice' },
        controller: { type: 'object', properties: { syncDelaySeconds: { type: 'number', minimum: 0 } } },
        job: { type: 'object', description: 'A batch/v1 Job manifest, as for kubectl apply' },
        workload: {
          type: 'object',
          properties: {
            defaults: { type: 'object', description: 'startupSeconds, readySeconds, durationSeconds, exitCode, terminationSeconds' },
            rules: { type: 'array', items: { type: 'object' } },
            random: { type: 'object' },
          },
        },
        actions: {
          type: 'array',
          items: {
            type: 'object',
            required: ['at'],
            properties: {
              at: { ...seconds, description: 'Seconds since t=0 (a number or "1m30s")' },
              failPod: { ...podTarget, properties: { ...podTarget.properties, exitCode: { type: 'integer' } } },
              disruptPod: { ...podTarget, properties: { ...podTarget.properties, reason: { type: 'string' } } },
              deletePod: podTarget,
              setPodCondition: { type: 'object' },
              suspend: { type: 'boolean' },
              scale: { type: 'object', properties: { parallelism: { type: 'integer' }, completions: { type: 'integer' } } },
              patchJob: { type: 'object' },
              kubectl: { type: 'string' },
              deleteJob: { type: 'object' },
            },
          },
        },
        until: seconds,
      },
    },
  },
};
