// resource.Quantity: parsing, comparison and canonical String(), as in
// k8s.io/apimachinery/pkg/api/resource (ParseQuantity, CanonicalizeBytes).

export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** value = num * 10^e10 * 2^e2 */
  num: bigint;
  e10: number;
  e2: number;
  format: Format;
}

const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
// Guard against values whose exact arithmetic would be absurdly expensive.
const MAX_EXPONENT = 1000;

export function parseQuantity(input: string): { ok: true; q: Quantity } | { ok: false; error: string } {
  const m = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/.exec(input);
  if (m === null || input.length > 10000) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  let mant = m[1] ?? '';
  const suffix = m[2] ?? '';
  let sign = 1n;
  if (mant.startsWith('+') || mant.startsWith('-')) {
    if (mant.startsWith('-')) sign = -1n;
    mant = mant.slice(1);
  }
  const dot = mant.indexOf('.');
  if (mant.indexOf('.', dot + 1) >= 0 && dot >= 0) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  const intPart = dot >= 0 ? mant.slice(0, dot) : mant;
  const frac = dot >= 0 ? mant.slice(dot + 1) : '';
  if (intPart === '' && frac === '') return { ok: false, error: QUANTITY_FORMAT_ERROR };
  const num = sign * BigInt(`${intPart}${frac}` === '' ? '0' : `${intPart}${frac}`);
  let e10 = -frac.length;
  let e2 = 0;
  let format: Format = 'DecimalSI';
  if (suffix in DECIMAL_SUFFIX) e10 += DECIMAL_SUFFIX[suffix] ?? 0;
  else if (suffix in BINARY_SUFFIX) {
    e2 = BINARY_SUFFIX[suffix] ?? 0;
    format = 'BinarySI';
  } else {
    const em = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
    if (em === null) return { ok: false, error: QUANTITY_SUFFIX_ERROR };
    const exp = Number(em[1]);
    if (!Number.isFinite(exp) || Math.abs(exp) > MAX_EXPONENT) return { ok: false, error: QUANTITY_FORMAT_ERROR };
    e10 += exp;
    format = 'DecimalExponent';
  }
  return { ok: true, q: { num, e10, e2, format } };
}

/** The exact value as a fraction p/q (q > 0). */
function fraction(x: Quantity): [bigint, bigint] {
  let p = x.num * 2n ** BigInt(x.e2);
  let q = 1n;
  if (x.e10 >= 0) p *= 10n ** BigInt(x.e10);
  else q = 10n ** BigInt(-x.e10);
  return [p, q];
}

export function compareQuantity(a: Quantity, b: Quantity): number {
  const [pa, qa] = fraction(a);
  const [pb, qb] = fraction(b);
  const l = pa * qb;
  const r = pb * qa;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function isZeroQuantity(a: Quantity): boolean {
  return a.num === 0n;
}

/** Whether the value is a whole number. */
export function isIntegerQuantity(a: Quantity): boolean {
  const [p, q] = fraction(a);
  return p % q === 0n;
}

/** The value in nano-units, rounded up (upstream keeps at most nano precision). */
function nanos(a: Quantity): bigint {
  const [p, q] = fraction(a);
  const scaled = p * 1000000000n;
  const d = scaled / q;
  return scaled % q !== 0n && scaled > 0n ? d + 1n : d;
}

const SI_BY_EXP: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BIN_BY_EXP: Record<number, string> = { 0: '', 10: 'Ki', 20: 'Mi', 30: 'Gi', 40: 'Ti', 50: 'Pi', 60: 'Ei' };

/** Quantity.String(): canonical form ("0.5" → "500m", "2048" Ki-suffixed → "2Mi"). */
export function quantityString(a: Quantity): string {
  let format = a.format;
  if (format === 'BinarySI') {
    const [p, q] = fraction(a);
    const small = p * 1n > -1024n * q && p < 1024n * q;
    if (small || p % q !== 0n) format = 'DecimalSI';
    else {
      let v = p / q;
      let e = 0;
      while (v !== 0n && v % 1024n === 0n && e < 60) {
        v /= 1024n;
        e += 10;
      }
      return `${v}${BIN_BY_EXP[e] ?? ''}`;
    }
  }
  let v = nanos(a);
  if (v === 0n) return '0';
  let e = -9;
  while (v % 10n === 0n) {
    v /= 10n;
    e += 1;
  }
  const extra = ((e % 3) + 3) % 3;
  e -= extra;
  v *= 10n ** BigInt(extra);
  if (format === 'DecimalExponent') return e === 0 ? `${v}` : `${v}e${e}`;
  const suffix = SI_BY_EXP[e];
  return suffix !== undefined ? `${v}${suffix}` : `${v}e${e}`;
}
