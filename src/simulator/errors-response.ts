import { ErrorContractsError } from '../errors.js';
import { type PointerTokens, setAtTokens } from '../normalize/json-pointer.js';
import type { Clock } from '../time/clock.js';
import { findCatalogEntry, type VendorId } from '../vendors/registry.js';
import { errorBodyTemplate, NO_EXTRAS, writeErrorBody } from './error-body-template.js';
import type { ErrorExtras, ShapeErrorInput, SimResponse } from './types.js';

/** A model asked for a code its vendor's catalog does not list: a bug in the model. */
export class UncataloguedCodeError extends ErrorContractsError {
  constructor(vendorId: VendorId, code: string) {
    super(
      'ERR_UNCATALOGUED_CODE',
      `${vendorId} has no catalog entry for "${code}"; a simulated error must use a catalog code.`,
    );
    this.name = 'UncataloguedCodeError';
  }
}

export interface ErrorResponseInput {
  vendorId: VendorId;
  /** Where the request id goes (the policy's pointer, parsed once per vendor); undefined for none. */
  requestIdAt: PointerTokens | undefined;
  shapeError: (input: ShapeErrorInput) => unknown;
  code: string;
  message: string | undefined;
  extras: ErrorExtras;
  requestId: string | undefined;
  /** The id is one of the runtime's own, whose JSON text is the id between quotes (request-ids.ts). */
  requestIdIsPlain?: boolean;
  /** Read only for an envelope written without a template (one that may carry a timestamp). */
  clock: Pick<Clock, 'now'>;
}

/**
 * Builds a vendor's error response from its catalog: the status always comes from the catalog
 * entry and the request id always sits at the policy's pointer, so neither can drift from the
 * data the suites check against. Only the envelope's shape comes from the vendor model.
 */
export function errorResponse(input: ErrorResponseInput): SimResponse {
  const entry = findCatalogEntry(input.vendorId, input.code);
  if (!entry) throw new UncataloguedCodeError(input.vendorId, input.code);
  const message = input.message ?? entry.description;
  const requestIdAt = input.requestId === undefined ? undefined : input.requestIdAt;
  // The same text as the slow path below, written from the envelope's compiled template (see there).
  const template =
    input.extras === NO_EXTRAS ? errorBodyTemplate(input.shapeError, entry, requestIdAt) : undefined;
  let text: string;
  if (template) {
    text = writeErrorBody(template, message, input.requestId, input.requestIdIsPlain);
  } else {
    const body = input.shapeError({ entry, message, extras: input.extras, now: input.clock.now() });
    if (requestIdAt) setAtTokens(body, requestIdAt, input.requestId);
    text = JSON.stringify(body);
  }
  const extraHeaders = input.extras.headers;
  return {
    status: entry.status,
    // Most errors carry no extra header; the spread is skipped for them, which is the same object.
    headers:
      extraHeaders === undefined
        ? { 'content-type': JSON_CONTENT_TYPE }
        : { 'content-type': JSON_CONTENT_TYPE, ...extraHeaders },
    body: text,
  };
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): SimResponse {
  return {
    status,
    headers: { 'content-type': JSON_CONTENT_TYPE, ...headers },
    body: status === 204 ? '' : JSON.stringify(body),
  };
}

export function textResponse(
  status: number,
  body: string,
  contentType = 'text/plain; charset=utf-8',
  headers: Record<string, string> = {},
): SimResponse {
  return { status, headers: { 'content-type': contentType, ...headers }, body };
}
