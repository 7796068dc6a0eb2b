import { parsePointer, readPointer } from '../normalize/json-pointer.js';
import { normalizeError } from '../normalize/normalize-error.js';
import type { ChecklistPathId } from '../report/paths.js';
import type { CheckFailure, DriftNote, JsonValue } from '../report/result.js';
import type { HttpAnswer } from '../scenarios/runner.js';
import type { Scenario } from '../scenarios/types.js';
import { parseJsonQuietly } from '../text/parse-json.js';
import { validateError } from '../validation/validate-error.js';
import { differenceFrom, type Judgement, judgeCatalogStatus } from '../vendors/readings.js';
import { getVendor, type VendorId } from '../vendors/registry.js';
import { judgePromises } from './promises.js';
import type { StatusCheck } from './types.js';
import { unknownFields } from './unknown-fields.js';

export interface Verdict {
  failures: CheckFailure[];
  drift: DriftNote[];
  /** Other honest readings the answer took, for the check's reason (a pass may say why it counts). */
  readings?: string[];
}

export const parseJson = parseJsonQuietly;

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
  const id = readPointer(body, parsePointer(pointer));
  if (id === undefined && (requestId.optionalOnStatuses ?? []).includes(status)) return;
  if (typeof id !== 'string' || id.length === 0)
    verdict.fail(
      `No request id at ${pointer}.`,
      'a non-empty string',
      id === undefined ? `no member at ${pointer}` : (id as JsonValue),
    );
  else if (requestId.pattern && !new RegExp(requestId.pattern).test(id)) {
    verdict.drift('The request id has another form than the documented example.', requestId.pattern, id);
  }
}

/** How much of a body a failure quotes: enough to recognise an HTML error page or a proxy's text. */
const ANSWER_EXCERPT_CHARS = 160;

/** "413 text/html: <html><head><title>413 Request Entity Too Large…": what came back, briefly. */
function describeAnswer(status: number, contentType: string, body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  const excerpt =
    text === ''
      ? 'an empty body'
      : text.length > ANSWER_EXCERPT_CHARS
        ? `${text.slice(0, ANSWER_EXCERPT_CHARS)}…`
        : text;
  return `${status} ${contentType || '(no Content-Type)'}: ${excerpt}`;
}

/**
 * Everything the vendor's documentation promises about the answer to one catalog code, checked
 * against what actually came back. Each broken promise is its own failure, so a report says which;
 * where the catalog's fact is an inferred reading, a different answer is drift with the reading
 * expected, and a status the catalog also accepts is no difference at all.
 */
export function judge(vendorId: VendorId, check: JudgedCode, response: HttpAnswer): Verdict {
  const vendor = getVendor(vendorId);
  const entry = vendor.catalog.find((candidate) => candidate.code === check.code);
  const verdict = verdictBuilder();
  const { fail } = verdict;
  const readings: string[] = [];
  const surface = entry?.surface ?? 'api';
  const normalized = normalizeError(
    vendorId,
    { status: response.status, headers: response.headers, body: response.body },
    { surface },
  );
  // Another answer the docs allow for this situation (a shared row, a second listed cause).
  const alternative = entry?.acceptedCodes?.find(
    (candidate) =>
      candidate.code === normalized.code &&
      candidate.status === response.status &&
      (candidate.path === undefined || candidate.path === check.path),
  );

  // The catalog says which part of the vendor answers (API or token endpoint); the policy's reader
  // for that surface names the envelope to validate against and where its request id sits.
  const reader = vendor.policy.envelopes.find((candidate) => candidate.surface === surface);
  const envelope = reader?.schema ?? check.scenario.schema ?? 'envelope';
  const contentType = response.headers['content-type'] ?? '';
  const body = parseJson(response.body);
  // A body that is not JSON at all (a proxy's HTML page, an empty answer) is one root cause: the
  // schema, the code, the request id and the members cannot be judged on it, so it is one failure
  // that names what came back instead of five that each say "not there".
  if (body === undefined) {
    fail(
      'The answer is not a JSON error body.',
      `a JSON ${envelope} body with code ${check.code}${entry ? `, status ${entry.status}` : ''}`,
      describeAnswer(response.status, contentType, response.body),
    );
    return verdict.verdict();
  }

  if (!entry)
    fail('The check names a code that is not in the catalog.', 'a code from the catalog', check.code);
  else if (alternative) {
    readings.push(
      `answered ${alternative.status} ${alternative.code}, an honest reading: ${alternative.reading}`,
    );
  } else {
    record(
      verdict,
      judgeCatalogStatus(entry, response.status),
      'The status is not the catalog’s.',
      entry.acceptedStatuses ? [entry.status, ...entry.acceptedStatuses] : entry.status,
      response.status,
    );
    if (response.status !== entry.status && entry.acceptedStatuses?.includes(response.status))
      readings.push(
        `answered ${response.status} for ${entry.code}, a status the catalog accepts beside ${entry.status} (${entry.source.reasoning ?? 'the docs give none'})`,
      );
  }

  // Every envelope in the package is JSON; a JSON body under another content type is a broken promise.
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
    fail('The content type is not JSON.', 'application/json', contentType || 'no Content-Type header');
  }
  const validation = validateError(vendorId, body, { schema: envelope as never });
  if (!validation.valid) {
    fail(
      `The body does not pass the ${envelope} schema.`,
      `a body the ${envelope} schema accepts`,
      validation.errors.map((issue) => `${issue.path || '/'}: ${issue.message}`),
    );
  }

  // A code the docs do not name (one the project chose for a documented status) is a reading too.
  const codeJudgement = differenceFrom(entry?.source.code);
  if (normalized.code !== check.code && !alternative) {
    record(verdict, codeJudgement, 'The body names another code.', check.code, normalized.code ?? 'no code');
  }
  const named = vendor.catalog.find((candidate) => candidate.code === normalized.code);
  if (alternative) {
    // Judged above; a code from outside the catalog (a standard's) is the alternative itself.
  } else if (!named && normalized.code !== null) {
    // A body with no code at all was reported just above; "not in the catalog" would say it twice.
    record(
      verdict,
      codeJudgement,
      'The code in the body is not in the catalog.',
      'a code from the catalog',
      normalized.code,
    );
  } else if (named && named !== entry) {
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
      fail(`The ${header} header is missing.`, `a ${header} header`, 'no such header');
  }

  judgePromises(vendorId, check.scenario.promises ?? [], response, fail);

  const schema = vendor.schemas[envelope as keyof typeof vendor.schemas] as
    | Readonly<Record<string, unknown>>
    | undefined;
  if (schema) verdict.addDrift(unknownFields(schema, body));
  return { ...verdict.verdict(), readings };
}

/**
 * What an answer to a catalog code is judged by: the code, and from its scenario the envelope it
 * follows and the promises its doc lines add (filled with the deployment's facts). A code check
 * passes its own; a sequence that meets a code on its way (a 429) passes the code alone.
 */
export interface JudgedCode {
  code: string;
  /** The matrix row being checked: an alternative answer may be accepted for one row only. */
  path?: ChecklistPathId;
  scenario: Pick<Scenario, 'schema' | 'promises'>;
}

/**
 * What a vendor promises about a documented status that carries no code: the status, and nothing
 * about the body. So the status is checked, the normalizer must keep that status, classify it by
 * the policy's status table and keep the raw body unchanged for support; a request id is demanded
 * only where the policy promises one. A body of an unfamiliar shape is no failure, only a note.
 */
export function judgeStatus(vendorId: VendorId, check: StatusCheck, response: HttpAnswer): Verdict {
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
    verdict.drift(
      'The body does not follow the vendor’s envelope; it is kept as opaque text.',
      'a body in the vendor’s envelope',
      describeAnswer(response.status, response.headers['content-type'] ?? '', response.body),
    );
  judgePromises(vendorId, check.scenario.promises ?? [], response, fail);
  return verdict.verdict();
}
