// The four downloads of the Export menu, computed on demand from the app state (pure:
// tested without a browser). The run's final Job comes from the compact trace; the
// others from the scenario text, which must parse.

import { exportJobYaml, exportKubectlScript, exportScenarioFile, jobName } from '../../scenario/export';
import { exportKindKwokRecipe } from '../../scenario/exportKwok';
import { formatScenarioError, parseScenario } from '../../scenario/parse';
import type { RunData } from '../../worker/runData';

export const EXPORT_KINDS = ['job', 'scenario', 'script', 'kwok'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** A failure names its reason (a message key suffix in the UI) and the detail from the library. */
export type ExportFile = { ok: true; filename: string; text: string; type: string } | { ok: false; reason: 'noRun' | 'invalid' | 'failed'; detail: string };

function safeName(name: string): string {
  return name.replace(/[^a-z0-9.-]+/gi, '-').replace(/^-+|-+$/g, '') || 'job';
}

/** The file for `kind`, or why it cannot be made (no run yet, an invalid scenario). */
export function buildExport(kind: ExportKind, text: string, data: RunData | null): ExportFile {
  try {
    if (kind === 'job') {
      const last = data?.jobs[data.jobs.length - 1];
      if (!last) return { ok: false, reason: 'noRun', detail: '' };
      return { ok: true, filename: `${safeName(last.job.metadata.name ?? 'job')}-job.yaml`, text: exportJobYaml(last.job), type: 'application/yaml' };
    }
    const parsed = parseScenario(text);
    if (!parsed.ok) {
      const first = parsed.errors[0];
      return { ok: false, reason: 'invalid', detail: first ? formatScenarioError(first) : '' };
    }
    const s = parsed.scenario;
    const base = safeName(s.name || jobName(s));
    if (kind === 'scenario') return { ok: true, filename: `${base}.scenario.yaml`, text: exportScenarioFile(s), type: 'application/yaml' };
    if (kind === 'script') return { ok: true, filename: `${base}-replay.sh`, text: exportKubectlScript(s), type: 'text/x-shellscript' };
    return { ok: true, filename: `${base}-kind-kwok.sh`, text: exportKindKwokRecipe(s), type: 'text/x-shellscript' };
  } catch (e) {
    return { ok: false, reason: 'failed', detail: e instanceof Error ? e.message : String(e) };
  }
}
