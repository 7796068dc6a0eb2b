import { ErrorContractsError } from '../errors.js';
import type { CatalogEntry } from '../generated/meta-types.js';
import { parsePointer } from '../normalize/json-pointer.js';
import { findCatalogEntry, getVendor, type VendorId } from '../vendors/registry.js';
import type { SimResponse } from './types.js';

/**
 * Drift variants: a simulator that breaks exactly one documented rule, so the suites can show that
 * the matching check, and only it, notices. Each mutation is derived from the vendor's data (its
 * catalog, policy and envelope readers), never from knowledge of one vendor, and is applied to the
 * runtime's answers, so it reaches a client over HTTP and through nock alike.
 */
export type DriftKind =
  | 'wrong_status'
  | 'missing_request_id'
  | 'uncatalogued_code'
  | 'missing_header'
  | 'wrong_envelope'
  | 'understated_wait';

export const DRIFT_KINDS: readonly DriftKind[] = [
  'wrong_status',
  'missing_request_id',
  'uncatalogued_code',
  'missing_header',
  'wrong_envelope',
  'understated_wait',
];

/**
 * How much shorter than the real window an `understated_wait` answer says to wait. The simulator's
 * windows last a minute, so waiting what is advertised still ends well inside the real window.
 */
export const UNDERSTATED_WAIT_SECONDS = 30;

/** Every answer built for this catalog code is broken in one way. */
export interface CodeDrift {
  kind: DriftKind;
  vendorId: VendorId;
  code: string;
  /** For `missing_header`: which of the entry's headers goes; the first one when absent. */
  header?: string;
}

/** Every codeless answer with this status (a documented status without a code) gets another status. */
export interface StatusDrift {
  kind: 'wrong_status';
  vendorId: VendorId;
  status: number;
}

export type DriftVariant = CodeDrift | StatusDrift;

/** A variant that cannot break anything the vendor documents: a mistake in the test that asked for it. */
export class InapplicableDriftError extends ErrorContractsError {
  constructor(variant: DriftVariant, reason: string) {
    super('ERR_INAPPLICABLE_DRIFT', `Drift ${describeDrift(variant)} cannot apply: ${reason}`);
    this.name = 'InapplicableDriftError';
  }
}

export function describeDrift(variant: DriftVariant): string {
  const target = 'code' in variant ? variant.code : `HTTP ${variant.status}`;
  return `${variant.kind} on ${variant.vendorId} ${target}`;
}

/** The envelope reader of the part of the API (API or token endpoint) that answers with this code. */
function readerFor(vendorId: VendorId, entry: CatalogEntry) {
  const { policy } = getVendor(vendorId);
  const surface = entry.surface ?? 'api';
  return policy.envelopes.find((candidate) => candidate.surface === surface);
}

/** Where the request id of this code's answer sits, if the vendor promises one at all. */
function requestIdPointer(vendorId: VendorId, entry: CatalogEntry): string | undefined {
  const { requestId } = getVendor(vendorId).policy;
  return requestId.promised ? (readerFor(vendorId, entry)?.requestId ?? requestId.pointer) : undefined;
}

/**
 * Why a variant cannot break a documented rule of its vendor, or undefined when it can: a request
 * id only where one is promised, a codeless status only where the status table has it, a code only where the envelope has a place for it, a header only
 * where the catalog lists one for the code.
 */
export function driftProblem(variant: DriftVariant): string | undefined {
  if (!('code' in variant)) {
    const documented = getVendor(variant.vendorId).policy.statuses.some(
      (rule) => rule.status === variant.status,
    );
    return documented ? undefined : `HTTP ${variant.status} is not in the status table`;
  }
  const entry = findCatalogEntry(variant.vendorId, variant.code);
  if (!entry) return `${variant.code} is not in the catalog`;
  switch (variant.kind) {
    case 'wrong_status':
      return undefined;
    case 'missing_request_id':
      return requestIdPointer(variant.vendorId, entry) ? undefined : 'no request id is promised';
    case 'uncatalogued_code':
    case 'wrong_envelope':
      return readerFor(variant.vendorId, entry)?.code ? undefined : 'the envelope has no place for a code';
    case 'understated_wait':
      return entry.headers?.length ? undefined : 'the catalog lists no wait header for this code';
    case 'missing_header':
      if (!entry.headers?.length) return 'the catalog lists no header for this code';
      return variant.header === undefined || entry.headers.includes(variant.header)
        ? undefined
        : `${variant.header} is not one of the catalog's headers for this code`;
  }
}

/**
 * A status the vendor documents, other than this one and any the catalog also accepts for the
 * code: the answer a drifted vendor gives instead.
 */
export function wrongStatusFor(vendorId: VendorId, status: number, accepted: readonly number[] = []): number {
  const { policy, catalog } = getVendor(vendorId);
  const documented = [...policy.statuses.map((rule) => rule.status), ...catalog.map((entry) => entry.status)];
  const fits = (candidate: number) => candidate !== status && !accepted.includes(candidate);
  return documented.find(fits) ?? [500, 502, 418].find(fits) ?? 500;
}

/** A code string the catalog does not hold, recognisably derived from the real one. */
export function uncataloguedCodeFor(vendorId: VendorId, code: string): string {
  let fresh = `${code}_undocumented`;
  while (findCatalogEntry(vendorId, fresh)) fresh = `${fresh}_x`;
  return fresh;
}

/** The answer to a catalog code, broken by one variant. */
export function applyCodeDrift(variant: CodeDrift, response: SimResponse): SimResponse {
  const entry = findCatalogEntry(variant.vendorId, variant.code);
  if (!entry) return response;
  switch (variant.kind) {
    case 'wrong_status':
      return {
        ...response,
        status: wrongStatusFor(variant.vendorId, response.status, entry.acceptedStatuses),
      };
    case 'missing_header': {
      const name = (variant.header ?? entry.headers?.[0] ?? '').toLowerCase();
      const headers = Object.fromEntries(
        Object.entries(response.headers).filter(([header]) => header.toLowerCase() !== name),
      );
      return { ...response, headers };
    }
    case 'missing_request_id':
      return editBody(response, requestIdPointer(variant.vendorId, entry), () => undefined);
    case 'uncatalogued_code':
      return editBody(response, readerFor(variant.vendorId, entry)?.code, () =>
        uncataloguedCodeFor(variant.vendorId, variant.code),
      );
    case 'wrong_envelope':
      // The code nested one level deeper than documented: the value is all there, in the wrong place.
      return editBody(response, readerFor(variant.vendorId, entry)?.code, (code) => ({ code }));
    case 'understated_wait': {
      // Every wait header the catalog lists (delay-seconds or epoch seconds alike) says sooner
      // than the truth: the header is present and well formed, only its promise is false.
      const named = new Set((entry.headers ?? []).map((header) => header.toLowerCase()));
      const headers = Object.fromEntries(
        Object.entries(response.headers).map(([header, value]) =>
          named.has(header.toLowerCase()) && /^\d+$/.test(value.trim())
            ? [header, String(Math.max(0, Number(value) - UNDERSTATED_WAIT_SECONDS))]
            : [header, value],
        ),
      );
      return { ...response, headers };
    }
  }
}

/** A codeless answer, broken by one variant. */
export function applyStatusDrift(variant: StatusDrift, response: SimResponse): SimResponse {
  return { ...response, status: wrongStatusFor(variant.vendorId, response.status) };
}

/**
 * Replaces the member at a pointer of a JSON body (removes it when `replace` gives undefined). A
 * body that is not JSON, or has nothing at the pointer, is returned unchanged.
 */
function editBody(
  response: SimResponse,
  pointer: string | null | undefined,
  replace: (value: unknown) => unknown,
): SimResponse {
  if (!pointer) return response;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return response;
  }
  const tokens = parsePointer(pointer);
  const last = tokens.at(-1);
  let parent = body;
  for (const token of tokens.slice(0, -1)) {
    parent =
      typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[token] : undefined;
  }
  if (last === undefined || typeof parent !== 'object' || parent === null || !Object.hasOwn(parent, last)) {
    return response;
  }
  const members = parent as Record<string, unknown>;
  const value = replace(members[last]);
  if (value === undefined) delete members[last];
  else members[last] = value;
  return { ...response, body: JSON.stringify(body) };
}
