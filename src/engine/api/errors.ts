// Field errors and Status errors, rendered exactly as the API server and kubectl do
// (apimachinery field.Error, StatusError; kubectl's printing of an Invalid error).

export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueTooMany'
  | 'FieldValueNotFound'
  | 'InternalError';

export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** Already rendered bad value (e.g. `-1`, `"Foo"`, `{"a":"b"}`); undefined when not printed. */
  value?: string;
  detail: string;
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueTooMany: 'Too many',
  FieldValueNotFound: 'Not found',
  InternalError: 'Internal error',
};

/** The rendering without the field path (a Status cause's `message`). */
export function causeMessage(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  if (e.value !== undefined) s += `: ${e.value}`;
  if (e.detail !== '') s += `: ${e.detail}`;
  return s;
}

/** `<field>: <type text>[: <value>][: <detail>]` */
export function fieldErrorText(e: FieldError): string {
  return e.field === '' ? causeMessage(e) : `${e.field}: ${causeMessage(e)}`;
}

const GO_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\' };
/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/**
 * Go's strconv.Quote (what `%q` prints): control, format, invisible and bidi characters
 * become escapes, so a hostile name cannot move the cursor or reorder a terminal line.
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const esc = GO_ESCAPES[ch];
    if (esc !== undefined) out += esc;
    else if (GO_PRINTABLE.test(ch)) out += ch;
    else {
      const cp = ch.codePointAt(0) ?? 0;
      const hex = cp.toString(16);
      out += cp < 0x80 ? `\\x${hex.padStart(2, '0')}` : cp <= 0xffff ? `\\u${hex.padStart(4, '0')}` : `\\U${hex.padStart(8, '0')}`;
    }
  }
  return `${out}"`;
}

/** Bad-value rendering (v1.34+): numbers and booleans plain, strings Go-quoted, the rest JSON. */
export function renderValue(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return goQuote(v);
  if (v === undefined) return 'null';
  return JSON.stringify(v);
}

export const fe = {
  required: (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, detail }),
  forbidden: (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, detail }),
  tooLong: (field: string, max: number): FieldError => ({
    type: 'FieldValueTooLong',
    field,
    detail: `may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}`,
  }),
  invalid: (field: string, value: unknown, detail: string): FieldError => ({
    type: 'FieldValueInvalid',
    field,
    value: renderValue(value),
    detail,
  }),
  /** An Invalid error whose bad value is deliberately not printed. */
  invalidNoValue: (field: string, detail: string): FieldError => ({ type: 'FieldValueInvalid', field, detail }),
  notSupported: (field: string, value: unknown, allowed: string[]): FieldError => ({
    type: 'FieldValueNotSupported',
    field,
    value: renderValue(value),
    detail: `supported values: ${allowed.map(goQuote).join(', ')}`,
  }),
  duplicate: (field: string, value: unknown): FieldError => ({
    type: 'FieldValueDuplicate',
    field,
    value: renderValue(value),
    detail: '',
  }),
  tooMany: (field: string, actual: number, max: number): FieldError => ({
    type: 'FieldValueTooMany',
    field,
    value: String(actual),
    detail: `must have at most ${max} ${max === 1 ? 'item' : 'items'}`,
  }),
  notFound: (field: string, value: unknown): FieldError => ({
    type: 'FieldValueNotFound',
    field,
    value: renderValue(value),
    detail: '',
  }),
};

export interface StatusCause {
  reason: string;
  message: string;
  field: string;
}

/** A metav1.Status failure, as returned by the API server. */
export interface StatusError {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
  code: number;
}

function dedupe(texts: string[]): string[] {
  return texts.filter((t, i) => texts.indexOf(t) === i);
}

/** A 422 Invalid error for a Job (or another kind in another group). */
export function invalidError(name: string, errs: FieldError[], kind = 'Job', group = 'batch'): StatusError {
  const texts = dedupe(errs.map(fieldErrorText));
  const rendered = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  const qualified = group === '' ? kind : `${kind}.${group}`;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `${qualified} ${goQuote(name)} is invalid: ${rendered}`,
    reason: 'Invalid',
    details: {
      name,
      group,
      kind,
      causes: errs.map((e) => ({ reason: e.type, message: causeMessage(e), field: e.field })),
    },
    code: 422,
  };
}

export function statusError(
  code: number,
  reason: string,
  message: string,
  details?: StatusError['details'],
): StatusError {
  const err: StatusError = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) err.details = details;
  return err;
}

export function notFound(resource: string, group: string, name: string): StatusError {
  const q = group === '' ? resource : `${resource}.${group}`;
  return statusError(404, 'NotFound', `${q} ${goQuote(name)} not found`, { name, group, kind: resource });
}

export function isStatusError(v: unknown): v is StatusError {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'Status';
}

/** How kubectl prints an API error (`The Job "x" is invalid: ...` or `Error from server (Reason): ...`). */
export function kubectlErrorText(err: StatusError): string {
  if (err.reason === 'Invalid' && err.details?.causes && err.details.causes.length > 0 && err.details.kind) {
    const lines = dedupe(err.details.causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)));
    const head = `The ${err.details.kind} ${goQuote(err.details.name ?? '')} is invalid: `;
    if (lines.length === 1) return head + lines[0];
    return head + '\n' + lines.map((l) => `* ${l}`).join('\n');
  }
  if (err.reason === '') return `Error from server: ${err.message}`;
  return `Error from server (${err.reason}): ${err.message}`;
}
