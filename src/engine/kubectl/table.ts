// Shared decoration of kubectl's human-readable tables (cli-runtime HumanReadablePrinter):
// the NAMESPACE column for -A, the LABELS column for --show-labels, the `kind/` name
// prefix when several resource types are printed, and --no-headers.

import { formatLabels } from './format';
import { renderTable } from './tabwriter';

export interface TableOptions {
  wide?: boolean;
  allNamespaces?: boolean;
  noHeaders?: boolean;
  showLabels?: boolean;
  /** e.g. `job.batch` — names print as `job.batch/<name>` (several resource types in one get). */
  kindPrefix?: string;
}

export interface TableRow {
  namespace: string;
  name: string;
  /** The cells after NAME. */
  cells: string[];
  labels?: Record<string, string>;
}

/** headers excludes NAME (it is always first after NAMESPACE). */
export function printTable(headers: string[], rows: TableRow[], opts: TableOptions, nameHeader = 'NAME'): string {
  const out: string[][] = [];
  if (!opts.noHeaders) {
    const h = [nameHeader, ...headers];
    if (opts.allNamespaces) h.unshift('NAMESPACE');
    if (opts.showLabels) h.push('LABELS');
    out.push(h);
  }
  for (const r of rows) {
    const name = opts.kindPrefix ? `${opts.kindPrefix}/${r.name}` : r.name;
    const line = [name, ...r.cells];
    if (opts.allNamespaces) line.unshift(r.namespace);
    if (opts.showLabels) line.push(formatLabels(r.labels));
    out.push(line);
  }
  return renderTable(out);
}
