// Probes and lifecycle handlers. Mirrors core validation's validateProbe, validateHandler,
// validateLifecycle, validateLivenessProbe/validateReadinessProbe/validateStartupProbe.

import { fe, type FieldError } from '../errors';
import { isValidPortName, isValidPortNum } from './names';
import { arr, child, isObj, num, objAt, validateOneOf, type Obj } from './util';

function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => fe.invalid(path, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => fe.invalid(path, port, m));
  return isValidPortNum(0).map((m) => fe.invalid(path, 0, m));
}

const HANDLER_KINDS = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const;
const PROBE_HANDLER_KINDS = HANDLER_KINDS.filter((k) => k !== 'sleep');

function validateHandlerKind(kind: string, h: Obj, path: string, grace: number | undefined): FieldError[] {
  switch (kind) {
    case 'exec':
      return arr(h, 'command').length === 0 ? [fe.required(child(path, 'command'))] : [];
    case 'httpGet': {
      const errs: FieldError[] = [];
      if (typeof h.path !== 'string' || h.path === '') errs.push(fe.required(child(path, 'path')));
      errs.push(...validatePortNumOrName(h.port, child(path, 'port')));
      const scheme = typeof h.scheme === 'string' ? h.scheme : '';
      if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(fe.notSupported(child(path, 'scheme'), scheme, ['HTTP', 'HTTPS']));
      return errs;
    }
    case 'tcpSocket':
      return validatePortNumOrName(h.port, child(path, 'port'));
    case 'grpc':
      return validatePortNumOrName(typeof h.port === 'number' ? h.port : 0, child(path, 'port'));
    default: {
      const secs = typeof h.seconds === 'number' ? h.seconds : 0;
      if (grace !== undefined && (secs < 0 || secs > grace)) {
        return [fe.invalid(path, secs, `must be non-negative and less than terminationGracePeriodSeconds (${grace})`)];
      }
      return [];
    }
  }
}

/** validateHandler: exactly one handler type. Probes cannot use `sleep`. */
function validateHandler(h: Obj, path: string, grace: number | undefined, allowSleep: boolean): FieldError[] {
  const kinds = allowSleep ? HANDLER_KINDS : PROBE_HANDLER_KINDS;
  return validateOneOf(h, kinds, path, 'handler type', (kind, sub, p) => validateHandlerKind(kind, sub, p, grace));
}

const NONNEG_PROBE_FIELDS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

export function validateProbe(kind: ProbeKind, probe: unknown, path: string, grace: number | undefined): FieldError[] {
  if (!isObj(probe)) return [];
  const errs = validateHandler(probe, path, grace, false);
  for (const f of NONNEG_PROBE_FIELDS) {
    const v = num(probe, f) ?? 0;
    if (v < 0) errs.push(fe.invalid(child(path, f), v, 'must be greater than or equal to 0'));
  }
  const tgps = num(probe, 'terminationGracePeriodSeconds');
  if (tgps !== undefined && tgps <= 0) {
    errs.push(fe.invalid(child(path, 'terminationGracePeriodSeconds'), tgps, 'must be greater than 0'));
  }
  if (kind === 'readinessProbe') {
    if (tgps !== undefined) {
      errs.push(fe.invalid(child(path, 'terminationGracePeriodSeconds'), tgps, 'must not be set for readinessProbes'));
    }
  } else {
    const st = num(probe, 'successThreshold') ?? 0;
    if (st !== 1) errs.push(fe.invalid(child(path, 'successThreshold'), st, 'must be 1'));
  }
  return errs;
}

export function validateLifecycle(lc: unknown, path: string, grace: number | undefined): FieldError[] {
  if (!isObj(lc)) return [];
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop']) {
    const h = objAt(lc, hook);
    if (h !== undefined) errs.push(...validateHandler(h, child(path, hook), grace, true));
  }
  return errs;
}

/** Probes and lifecycle of a regular (or restartable init) container. */
export function validateProbesAndLifecycle(c: Obj, path: string, grace: number | undefined): FieldError[] {
  const errs: FieldError[] = [];
  if (c.lifecycle !== undefined) errs.push(...validateLifecycle(c.lifecycle, child(path, 'lifecycle'), grace));
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    errs.push(...validateProbe(kind, c[kind], child(path, kind), grace));
  }
  return errs;
}
