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
  const extraHeaders = input.extras.headers;
  // Most errors carry no extra header; the spread is skipped for them, which is the same object.
  const headers =
    extraHeaders === undefined
      ? { 'content-type': JSON_CONTENT_TYPE }
      : { 'content-type': JSON_CONTENT_TYPE, ...extraHeaders };
  if (template) {
    const written = writeErrorBody(template, message, input.requestId, input.requestIdIsPlain);
    return new MeasuredResponse(entry.status, headers, written.text, written.bytes);
  }
  const body = input.shapeError({ entry, message, extras: input.extras, now: input.clock.now() });
  if (requestIdAt) setAtTokens(body, requestIdAt, input.requestId);
  return { status: entry.status, headers, body: JSON.stringify(body) };
}

/**
 * An answer whose body's UTF-8 length is known from how it was written, so the HTTP transport
 * sends it as Content-Length without measuring the text again (that walk, and the flattening of
 * the body it forces, showed on every simulated error). The length is kept beside the very body
 * it was measured for: an answer given another body, or copied into a new object (drift variants
 * spread answers), has none and is measured as any other.
 */
class MeasuredResponse implements SimResponse {
  readonly #measured: string;
  readonly #bytes: number;

  constructor(
    public status: number,
    public headers: Record<string, string>,
    public body: string,
    bytes: number,
  ) {
    this.#measured = body;
    this.#bytes = bytes;
  }

  static byteLengthOf(response: SimResponse): number | undefined {
    return #measured in response && response.#measured === response.body ? response.#bytes : undefined;
  }
}

/** The body's UTF-8 length when the answer already knows it (see MeasuredResponse), else undefined. */
export function knownByteLength(response: SimResponse): number | undefined {
  return MeasuredResponse.byteLengthOf(response);
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
