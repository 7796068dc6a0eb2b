import { secretHeaders } from '../vendors/authentication.js';
import { getVendor, type VendorId } from '../vendors/registry.js';
import { FAULT_HEADER } from './fault-header.js';
import type { Scenario, ScenarioRequest } from './types.js';

/**
 * Headers presenting a value as the vendor's credential (its policy's header and prefix), for a
 * scenario that sends a credential of its own instead of a role's: a key of another environment,
 * a malformed token.
 */
export function credentialSent(vendorId: VendorId, secret: string): Record<string, string> {
  return secretHeaders(getVendor(vendorId).policy.authentication, secret);
}

/** A code the implementation produces on its own, from the request alone (plus optional setup). */
export function natural(
  code: string,
  title: string,
  request: ScenarioRequest,
  more: Pick<Scenario, 'setup' | 'background' | 'schema'> = {},
): Scenario {
  return { code, how: 'natural', title, request, ...more };
}

/** A code that needs something upstream to fail: the request carries the simulator's fault header. */
export function viaFault(code: string, title: string, request: ScenarioRequest): Scenario {
  return {
    code,
    how: 'fault',
    title,
    request: { ...request, headers: { ...request.headers, [FAULT_HEADER]: `code=${code}` } },
  };
}

/** The same request sent `times` times, to use up a rate-limit window before the checked one. */
export function exhaust(request: ScenarioRequest, times: number): Pick<Scenario, 'setup'> {
  return { setup: [{ ...request, repeat: times }] };
}

/** `{{facts.<name>}}`: how scenario data names a fact. */
export const fact = (name: string): string => `{{facts.${name}}}`;
