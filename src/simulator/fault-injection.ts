import { InvalidArgumentError } from '../errors.js';
import type { FaultSpec } from '../scenarios/simulator-controls.js';
import type { VendorId } from '../vendors/registry.js';

export interface Fault {
  code?: string;
  status?: number;
  delayMs?: number;
  headers?: Readonly<Record<string, string>>;
}

import { FAULT_HEADER } from '../scenarios/fault-header.js';

export { FAULT_HEADER };

const MAX_ARMED_PER_VENDOR = 1_000;
const MAX_DELAY_MS = 10 * 60 * 1000;

interface ArmedFault extends Fault {
  route: string | undefined;
  method: string | undefined;
  remaining: number;
}

export class FaultInjector {
  readonly #armed = new Map<VendorId, ArmedFault[]>();

  inject(vendorId: VendorId, spec: FaultSpec): void {
    const count = spec.count ?? 1;
    if (!Number.isInteger(count) || count < 1)
      throw new InvalidArgumentError('A fault count is a positive integer.');
    if (spec.code === undefined && spec.status === undefined && spec.delayMs === undefined) {
      throw new InvalidArgumentError('A fault needs a code, a status or a delay.');
    }
    const list = this.#armed.get(vendorId) ?? [];
    if (list.length >= MAX_ARMED_PER_VENDOR) list.shift();
    list.push({
      route: spec.route,
      method: spec.method?.toUpperCase(),
      remaining: count,
      ...pickFault(spec),
    });
    this.#armed.set(vendorId, list);
  }

  /** The fault for this request, if one is armed; consumes one of its count. */
  take(vendorId: VendorId, method: string, path: string): Fault | undefined {
    const list = this.#armed.get(vendorId);
    if (!list) return undefined;
    const index = list.findIndex(
      (fault) => (fault.method === undefined || fault.method === method) && routeMatches(fault.route, path),
    );
    const fault = list[index];
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) list.splice(index, 1);
    return pickFault(fault);
  }

  clear(vendorId?: VendorId): void {
    if (vendorId) this.#armed.delete(vendorId);
    else this.#armed.clear();
  }

  armed(vendorId: VendorId): number {
    return this.#armed.get(vendorId)?.length ?? 0;
  }
}

function pickFault(spec: Fault): Fault {
  const fault: Fault = {};
  if (spec.code !== undefined) fault.code = spec.code;
  if (spec.status !== undefined) fault.status = spec.status;
  if (spec.delayMs !== undefined) fault.delayMs = Math.min(Math.max(0, spec.delayMs), MAX_DELAY_MS);
  if (spec.headers !== undefined) fault.headers = { ...spec.headers };
  return fault;
}

function routeMatches(route: string | undefined, path: string): boolean {
  if (route === undefined) return true;
  return route.endsWith('*') ? path.startsWith(route.slice(0, -1)) : path === route;
}

/**
 * Parses `code=payer_unavailable; count=2; delay=500; status=502`. Returns undefined for a header
 * that names nothing usable, so a typo is ignored rather than failing the request for the wrong
 * reason.
 */
export function parseFaultHeader(value: string): FaultSpec | undefined {
  const spec: FaultSpec = {};
  for (const part of value.split(';')) {
    const [rawName, ...rest] = part.split('=');
    const name = rawName?.trim().toLowerCase();
    const text = rest.join('=').trim();
    if (!name || !text) continue;
    if (name === 'code' && /^[a-z0-9_]+$/i.test(text)) spec.code = text;
    else if (name === 'status' && /^[1-5]\d\d$/.test(text)) spec.status = Number(text);
    else if (name === 'count' && /^\d{1,6}$/.test(text) && Number(text) >= 1) spec.count = Number(text);
    else if (name === 'delay' && /^\d{1,9}$/.test(text)) spec.delayMs = Number(text);
  }
  return spec.code === undefined && spec.status === undefined && spec.delayMs === undefined
    ? undefined
    : spec;
}
