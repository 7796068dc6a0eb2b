import { InvalidOptionError } from '../errors.js';
import {
  finiteNumber,
  optionalFiniteNumber,
  optionalFunction,
  optionalString,
  optionalStringList,
} from '../options/check-options.js';
import { redactJsonText } from '../redaction/json.js';
import { scrubSecrets } from '../redaction/scrub.js';
import { toIssues } from '../validation/issues.js';
import type { CodeByVendor, VendorId } from '../vendors/registry.js';
import { classify } from './classify.js';
import { extractFieldErrors } from './field-errors.js';
import { readHeaders } from './headers.js';
import { readPointer } from './json-pointer.js';
import { readMessage, statusLine } from './message.js';
import { readBody } from './read-body.js';
import { readStatus } from './status.js';
import type { NormalizedError, NormalizeOptions, Problem, ResponseInput } from './types.js';
import { type CompiledReader, type VendorRules, vendorRules } from './vendor-rules.js';
import { readWaitHints } from './wait-hints.js';

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_MAX_RAW_BODY_CHARS = 8 * 1024;
const MAX_SCHEMA_PROBLEMS = 20;
const MAX_ID_LENGTH = 200;
const NO_SECRETS: readonly string[] = [];

/** A code or id as text, cut to MAX_ID_LENGTH after its secrets are blanked, so none is cut in part. */
function shortString(value: unknown, secrets: readonly string[]): string | null {
  if (typeof value === 'string' && value !== '') {
    const text = secrets.length === 0 ? value : scrubSecrets(value, secrets);
    return text.length > MAX_ID_LENGTH ? text.slice(0, MAX_ID_LENGTH) : text;
  }
  // Some gateways send numeric codes or ids; they are kept, as text, rather than dropped.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * The clock read at most once per call, and only when a header needs it (an HTTP-date, a reset
 * time): most error responses carry none, and reading the clock cost more than the rest of the
 * wait hints. A clock that reads NaN is the caller's bug, reported as a bad option. A function of
 * its own, so that the memo lives in this closure and not in normalize's scope, whose every
 * variable a closure there would move to the heap.
 */
function lazyClock(clock: (() => number) | undefined): () => number {
  let nowMs: number | undefined;
  return () => {
    nowMs ??= clock === undefined ? Date.now() : finiteNumber('now()', clock());
    return nowMs;
  };
}

function schemaProblems(reader: CompiledReader, notJsonReason: string | null): Problem[] {
  if (notJsonReason !== null) return [{ kind: 'body_not_json', message: notJsonReason }];
  if (reader.validate === null) return [];
  return toIssues(reader.validate.errors)
    .slice(0, MAX_SCHEMA_PROBLEMS)
    .map((issue) => ({ kind: 'schema' as const, message: issue.message, path: issue.path }));
}

function normalize(rules: VendorRules, response: ResponseInput, options: NormalizeOptions): NormalizedError {
  const now = lazyClock(options.now);
  const secrets = options.redact?.secrets ?? NO_SECRETS;
  const problems: Problem[] = [];
  const input: Partial<ResponseInput> = response !== null && typeof response === 'object' ? response : {};

  const { status, problem: statusProblem } = readStatus(input.status);
  if (statusProblem) problems.push(statusProblem);
  const sensitive =
    options.redact?.headers === undefined
      ? rules.sensitiveHeaders
      : new Set([...rules.sensitiveHeaders, ...options.redact.headers.map((name) => name.toLowerCase())]);
  const { headers, redacted, problem: headerProblem } = readHeaders(input.headers, sensitive, secrets);
  if (headerProblem) problems.push(headerProblem);

  const maxRaw = options.maxRawBodyChars ?? DEFAULT_MAX_RAW_BODY_CHARS;
  // Twice what raw.body keeps is read from a body too large to parse: it is redacted before it is
  // cut to maxRaw, so a secret across the cut is blanked whole.
  const body = readBody(input.body, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, 2 * maxRaw);
  if (body.problem) problems.push(body.problem);
  const { decoded } = body;
  const isJson = decoded.kind === 'json';
  const json = isJson ? decoded.value : undefined;

  const surface = options.surface ?? 'api';
  const reader = rules.readers.get(surface) ?? (rules.readers.get('api') as CompiledReader);
  // Text is validated too: a vendor whose schema accepts any body (ClaimRev) accepts text as well.
  const conforms = reader.validate?.(isJson ? json : decoded.text) === true;
  if (!conforms) problems.push(...schemaProblems(reader, decoded.kind === 'text' ? decoded.reason : null));

  const code = reader.code === null ? null : shortString(readPointer(json, reader.code), NO_SECRETS);
  const classification = classify(rules, surface, status, code, json, problems);

  const message = readMessage(json, reader.message, body.text, isJson, status, secrets);
  const requestId =
    reader.requestId === null ? null : shortString(readPointer(json, reader.requestId), secrets);
  if (requestId !== null && reader.requestIdForm && !reader.requestIdForm.pattern.test(requestId)) {
    // Kept, since support may still find it, but flagged: the vendor documents another form.
    problems.push({
      kind: 'malformed_request_id',
      message: `request id ${JSON.stringify(requestId.slice(0, 100))} does not have the documented form ${reader.requestIdForm.pattern.source}`,
      path: reader.requestIdForm.pointer,
    });
  }
  const found = extractFieldErrors(json, message, reader.fieldErrors, classification.category);
  const fieldErrors =
    secrets.length === 0
      ? found
      : found.map((error) => ({
          field: scrubSecrets(error.field, secrets),
          message: scrubSecrets(error.message, secrets),
        }));
  const hints = readWaitHints(headers, rules.policy.rateLimit, status, now, problems);

  // Redacted whole before it is cut: a JSON body is decoded, scrubbed and re-serialised, so an
  // echo the server escaped (`\u002B`, `\/`) cannot come back when a reader parses raw.body.
  const safeText = secrets.length === 0 ? body.text : redactJsonText(body.text, { secrets });
  const rawText = safeText.length > maxRaw ? safeText.slice(0, maxRaw) : safeText;
  // One object literal with every member in one order: every result then has the same shape,
  // and nothing is spread or copied on the way.
  const entry = classification.entry;
  return {
    vendor: rules.vendor.id,
    status,
    // A catalogued code is the catalog's own spelling of it, which is what the type promises.
    documented: entry !== null,
    code: entry === null ? code : (entry.code as CodeByVendor[VendorId]),
    category: classification.category,
    action: classification.action,
    retryable: classification.retryable,
    retryAfterMs: hints.retryAfterMs,
    retryAfterSource: hints.retryAfterSource,
    rateLimit: hints.rateLimit,
    requestId,
    message,
    fieldErrors,
    conforms,
    problems,
    raw: {
      status,
      headers: redacted,
      body: rawText,
      bodyTruncated: safeText.length > maxRaw || body.problem !== null,
    },
  } as NormalizedError;
}

/** The result when normalizing itself failed: the status class and nothing from the body. */
function normalizerFailure(rules: VendorRules, response: unknown, error: unknown): NormalizedError {
  let status = 0;
  try {
    ({ status } = readStatus((response as Partial<ResponseInput> | null)?.status));
  } catch {
    // A getter or Proxy that threw the first time may throw again; the status stays unknown.
  }
  return {
    vendor: rules.vendor.id,
    status,
    documented: false,
    code: null,
    category: 'unknown',
    action: 'escalate_to_support',
    retryable: false,
    retryAfterMs: null,
    retryAfterSource: null,
    rateLimit: { remaining: null, resetMs: null, resetReading: null },
    requestId: null,
    message: statusLine(status),
    fieldErrors: [],
    conforms: false,
    problems: [
      {
        kind: 'normalizer_failure',
        message: `the response could not be read (${error instanceof Error ? error.name : typeof error})`,
      },
    ],
    raw: { status, headers: {}, body: '', bodyTruncated: true },
  };
}

function checkNormalizeOptions(options: NormalizeOptions): void {
  if (options === null || typeof options !== 'object')
    throw new InvalidOptionError('options', 'an object', options);
  optionalFunction('now', options.now);
  optionalString('surface', options.surface);
  optionalFiniteNumber('maxBodyBytes', options.maxBodyBytes, 0);
  optionalFiniteNumber('maxRawBodyChars', options.maxRawBodyChars, 0);
  const { redact } = options;
  if (redact === undefined) return;
  if (redact === null || typeof redact !== 'object')
    throw new InvalidOptionError('redact', 'an object', redact);
  optionalStringList('redact.secrets', redact.secrets);
  optionalStringList('redact.headers', redact.headers);
}

/**
 * Turns any vendor error response into one NormalizedError. It never throws for what the server
 * sent (HTML from a proxy, broken JSON, bytes that are not UTF-8, huge or hostile bodies); the
 * only exception is an unknown vendor id, which is a programming error.
 */
export function normalizeError<V extends VendorId>(
  vendorId: V,
  response: ResponseInput,
  options: NormalizeOptions = {},
): NormalizedError<V> {
  const rules = vendorRules(vendorId);
  checkNormalizeOptions(options);
  try {
    // The rules are the named vendor's, so the vendor and catalogued code are V's.
    return normalize(rules, response, options) as NormalizedError<V>;
  } catch (error) {
    // A clock that reads NaN is the caller's bug, not the server's, and is reported as one.
    if (error instanceof InvalidOptionError) throw error;
    // A last line of defence: the property tests show this is not reached, but a caller in the
    // middle of handling an error must never get a second one from the handler.
    return normalizerFailure(rules, response, error) as NormalizedError<V>;
  }
}
