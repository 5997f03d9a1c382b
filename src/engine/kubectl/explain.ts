// `kubectl explain job[.field…]` rendered like kubectl's plaintext template
// (k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl), with our own docs.

import { JOB_DOC, type FieldDoc } from './explainDocs';

export type ExplainLang = 'en' | 'zh';

export type ExplainResult = { ok: true; text: string } | { ok: false; error: string };

const JOB_ALIASES = new Set(['job', 'jobs', 'job.batch', 'jobs.batch']);

/** Resolve `job.spec.x` to its doc; undefined path segments report kubectl's error. */
function lookup(path: string): { doc: FieldDoc; name: string; fieldPath: string[] } | string {
  const parts = path.split('.');
  let head = parts.shift() ?? '';
  if (parts[0] === 'batch') {
    head += '.batch';
    parts.shift();
  }
  if (!JOB_ALIASES.has(head.toLowerCase())) return `error: the server doesn't have a resource type "${head}"`;
  let doc = JOB_DOC;
  for (const p of parts) {
    const next = doc.fields?.[p];
    if (!next) return `error: field "${p}" does not exist`;
    doc = next;
  }
  return { doc, name: parts[parts.length - 1] ?? 'Job', fieldPath: parts };
}

/** Word-wrap to 80 columns with the given indent, as the template's `wrap` does. */
function wrap(text: string, indent: number): string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && indent + line.length + 1 + w.length > 80) {
      lines.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}

/** The explanation of one field path (e.g. `job.spec.parallelism`) in English or Chinese. */
export function explainField(path: string, lang: ExplainLang = 'en'): ExplainResult {
  const found = lookup(path.trim());
  if (typeof found === 'string') return { ok: false, error: found };
  const { doc, name, fieldPath } = found;
  const desc = lang === 'zh' ? doc.zh : doc.en;
  let out = 'GROUP:      batch\nKIND:       Job\nVERSION:    v1\n\n';
  if (fieldPath.length > 0) out += `FIELD: ${name} <${doc.type}>\n\n`;
  out += `DESCRIPTION:\n${lang === 'zh' ? '    ' + desc : wrap(desc, 4)}\n    \n`;
  if (doc.fields) {
    out += 'FIELDS:\n';
    for (const key of Object.keys(doc.fields).sort()) {
      const fd = doc.fields[key];
      if (!fd) continue;
      out += `  ${key}\t<${fd.type}>${fd.required ? ' -required-' : ''}\n`;
      out += (lang === 'zh' ? '    ' + fd.zh : wrap(fd.en, 4)) + '\n\n';
    }
  }
  return { ok: true, text: out };
}
