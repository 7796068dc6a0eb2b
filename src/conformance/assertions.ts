import { normalizeError } from '../normalize/normalize-error.js';
import type { CheckFailure, DriftNote, JsonValue } from '../report/result.js';
import type { Exchange as SimExchange } from '../scenarios/runner.js';
import type { Scenario } from '../scenarios/types.js';
import { validateError } from '../validation/validate-error.js';
import { differenceFrom, type Judgement, judgeCatalogStatus } from '../vendors/readings.js';
import { getVendor, type VendorId } from '../vendors/registry.js';
import { judgePromises } from './promises.js';
import type { StatusCheck } from './types.js';
import { unknownFields } from './unknown-fields.js';

export interface Verdict {
  failures: CheckFailure[];
  drift: DriftNote[];
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function atPointer(value: unknown, pointer: string): unknown {
  let node = value;
  for (const part of pointer.split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

type Note = (message: string, expected?: JsonValue, actual?: JsonValue) => void;

interface VerdictBuilder {
  fail: Note;
  drift: Note;
  /** Adds drift notes found elsewhere (unknown members). */
  addDrift(notes: readonly DriftNote[]): void;
  verdict(): Verdict;
}

/** The failures and drift of one check, and the functions that add to each. */
export function verdictBuilder(): VerdictBuilder {
  const failures: CheckFailure[] = [];
  const drift: DriftNote[] = [];
  const adder =
    (into: (CheckFailure | DriftNote)[]): Note =>
    (message, expected, actual) => {
      into.push({
        message,
        ...(expected === undefined ? {} : { expected }),
        ...(actual === undefined ? {} : { actual }),
      });
    };
  return {
    fail: adder(failures),
    drift: adder(drift),
    addDrift: (notes) => drift.push(...notes),
    verdict: () => ({ failures, drift }),
  };
}

/** Records a difference as the judgement says: a failure, drift, or nothing. */
function record(
  verdict: VerdictBuilder,
  judgement: Judgement,
  message: string,
  expected?: JsonValue,
  actual?: JsonValue,
): void {
  if (judgement === 'fail') verdict.fail(message, expected, actual);
  else if (judgement === 'drift')
    verdict.drift(`${message} (an inferred reading, not a promise)`, expected, actual);
}

/**
 * The request id where the vendor promises one: a non-empty string is the promise. Its form comes
 * from a single example in every vendor's docs, so another form is drift; a status the policy
 * lists as "if present" may come without one. Where no id is promised nothing is demanded.
 */
function checkRequestId(
  vendorId: VendorId,
  pointer: string | undefined,
  status: number,
  body: unknown,
  verdict: VerdictBuilder,
): void {
  const { requestId } = getVendor(vendorId).policy;
  if (!requestId.promised || !pointer) return;
  const id = atPointer(body, pointer);
  if (id === undefined && (requestId.optionalOnStatuses ?? []).includes(status)) return;
  if (typeof id !== 'string' || id.length === 0)
    verdict.fail(
      `No request id at ${pointer}.`,
      'a non-empty string',
      id === undefined ? null : (id as JsonValue),
    );
  else if (requestId.pattern && !new RegExp(requestId.pattern).test(id)) {
    verdict.drift('The request id has another form than the documented example.', requestId.pattern, id);
  }
}

/**
 * Everything the vendor's documentation promises about the answer to one catalog code, checked
 * against what actually came back. Each broken promise is its own failure, so a report says which;
 * where the catalog's fact is an inferred reading, a different answer is drift with the reading
 * expected, and a status the catalog also accepts is no difference at all.
 */
export function judge(vendorId: VendorId, check: JudgedCode, response: SimExchange): Verdict {
  const vendor = getVendor(vendorId);
  const entry = vendor.catalog.find((candidate) => candidate.code === check.code);
  const verdict = verdictBuilder();
  const { fail } = verdict;

  if (!entry) fail('The code is not in the catalog.', check.code, null);
  else {
    record(
      verdict,
      judgeCatalogStatus(entry, response.status),
      'The status is not the catalog’s.',
      entry.acceptedStatuses ? [entry.status, ...entry.acceptedStatuses] : entry.status,
      response.status,
    );
  }

  // Every envelope in the package is JSON; a proxy's HTML page in its place is a broken promise.
  const contentType = response.headers['content-type'] ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
    fail('The content type is not JSON.', 'application/json', contentType);
  }

  // The catalog says which part of the vendor answers (API or token endpoint); the policy's reader
  // for that surface names the envelope to validate against and where its request id sits.
  const surface = entry?.surface ?? 'api';
  const reader = vendor.policy.envelopes.find((candidate) => candidate.surface === surface);
  const envelope = reader?.schema ?? check.scenario.schema ?? 'envelope';
  const body = parseJson(response.body);
  const validation = validateError(vendorId, body ?? response.body, { schema: envelope as never });
  if (!validation.valid) {
    fail(
      `The body does not pass the ${envelope} schema.`,
      null,
      validation.errors.map((issue) => `${issue.path || '/'}: ${issue.message}`),
    );
  }

  const normalized = normalizeError(
    vendorId,
    { status: response.status, headers: response.headers, body: response.body },
    { surface },
  );
  // A code the docs do not name (one the project chose for a documented status) is a reading too.
  const codeJudgement = differenceFrom(entry?.source.code);
  if (normalized.code !== check.code) {
    record(verdict, codeJudgement, 'The body names another code.', check.code, normalized.code);
  }
  const named = vendor.catalog.find((candidate) => candidate.code === normalized.code);
  if (!named) {
    record(verdict, codeJudgement, 'The code in the body is not in the catalog.', null, normalized.code);
  } else if (named !== entry) {
    record(
      verdict,
      judgeCatalogStatus(named, response.status),
      `The catalog gives ${named.code} another status.`,
      named.status,
      response.status,
    );
  }

  checkRequestId(
    vendorId,
    reader?.requestId ?? vendor.policy.requestId.pointer,
    response.status,
    body,
    verdict,
  );

  for (const header of entry?.headers ?? []) {
    if (response.headers[header.toLowerCase()] === undefined)
      fail(`The ${header} header is missing.`, header, null);
  }

  judgePromises(vendorId, check.scenario.promises ?? [], response, fail);

  const schema = vendor.schemas[envelope as keyof typeof vendor.schemas] as
    | Readonly<Record<string, unknown>>
    | undefined;
  if (schema && body !== undefined) verdict.addDrift(unknownFields(schema, body));
  return verdict.verdict();
}

/**
 * What an answer to a catalog code is judged by: the code, and from its scenario the envelope it
 * follows and the promises its doc lines add (filled with the deployment's facts). A code check
 * passes its own; a sequence that meets a code on its way (a 429) passes the code alone.
 */
export interface JudgedCode {
  code: string;
  scenario: Pick<Scenario, 'schema' | 'promises'>;
}

/**
 * What a vendor promises about a documented status that carries no code: the status, and nothing
 * about the body. So the status is checked, the normalizer must keep that status, classify it by
 * the policy's status table and keep the raw body unchanged for support; a request id is demanded
 * only where the policy promises one. A body of an unfamiliar shape is no failure, only a note.
 */
export function judgeStatus(vendorId: VendorId, check: StatusCheck, response: SimExchange): Verdict {
  const { policy } = getVendor(vendorId);
  const verdict = verdictBuilder();
  const { fail } = verdict;
  if (response.status !== check.status) {
    fail('The status is not the documented one.', check.status, response.status);
  }
  const normalized = normalizeError(
    vendorId,
    { status: response.status, headers: response.headers, body: response.body },
    // Room for the whole body, so "kept as is" can be checked byte for byte.
    { surface: 'api', maxRawBodyChars: Math.max(1, response.body.length) },
  );
  if (normalized.status !== response.status) {
    fail('The normalized error does not keep the status.', response.status, normalized.status);
  }
  // Judged against the status that came back, so a wrong status is reported once, above.
  const rule = policy.statuses.find((candidate) => candidate.status === response.status);
  if (rule && (normalized.category !== rule.category || normalized.action !== rule.action)) {
    fail(
      `The normalized error is not classified by the status table's row for ${response.status}.`,
      { category: rule.category, action: rule.action },
      { category: normalized.category, action: normalized.action },
    );
  }
  if (normalized.raw.body !== response.body) {
    fail('The raw body does not survive normalization.', response.body, normalized.raw.body);
  }
  const api = policy.envelopes.find((candidate) => candidate.surface === 'api');
  checkRequestId(
    vendorId,
    api?.requestId ?? policy.requestId.pointer,
    response.status,
    parseJson(response.body),
    verdict,
  );
  if (!normalized.conforms)
    verdict.drift('The body does not follow the vendor’s envelope; it is kept as opaque text.');
  judgePromises(vendorId, check.scenario.promises ?? [], response, fail);
  return verdict.verdict();
}
