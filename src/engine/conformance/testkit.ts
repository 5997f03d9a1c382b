// The conformance cases as files, for the tests that run them (and bench/fingerprint.ts).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const CASES_DIR = join(import.meta.dirname, 'cases');

/** Every .yaml file below `dir`, depth first in directory order. */
export function yamlFiles(dir: string = CASES_DIR): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return n.endsWith('.yaml') ? [p] : [];
  });
}
