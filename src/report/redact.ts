/**
 * The reporters' last line of defence against leaking credentials. The runner redacts what it
 * records, but a report is written to disk and uploaded as a CI artifact, so every reporter passes
 * the result through here again: a missed header or an echoed token must not reach a file.
 */
import { BODY_TEXT_LIMIT, collectSecrets, redactExchange } from '../redaction/exchange.js';
import { redactJson as walkJson } from '../redaction/json.js';
import { scrubText } from '../redaction/scrub.js';
import { secretSet, withSecrets } from '../redaction/secret-set.js';
import { CREDENTIAL_FIELDS, CREDENTIAL_HEADERS, REDACTED } from '../redaction/vocabulary.js';
import type { CheckFailure, CheckResult, DriftNote, JsonValue, RunResult, TimelineEvent } from './result.js';

export { REDACTED };

/** Headers whose whole value is a credential. Compared without regard to case. */
export const SECRET_HEADERS = CREDENTIAL_HEADERS;

/** Body members, query parameters and form fields that hold credentials. */
export const SECRET_MEMBERS = CREDENTIAL_FIELDS;

export { BODY_TEXT_LIMIT };

/** Blanks secret members, form fields, URL credentials, scheme credentials and every known secret value. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  return scrubText(text, secrets);
}

/** A copy of a JSON value with secret members blanked and every string redacted. */
export function redactJson(value: JsonValue, secrets: readonly string[] = []): JsonValue {
  return walkJson(value, { secrets }) as JsonValue;
}

function redactEvent(event: TimelineEvent, secrets: readonly string[]): TimelineEvent {
  return event.label === undefined ? event : { ...event, label: redactText(event.label, secrets) };
}

/** A failure or drift note: its message and its expected and actual values, which may quote a body. */
function redactNote<Note extends CheckFailure | DriftNote>(note: Note, secrets: readonly string[]): Note {
  return {
    ...note,
    message: redactText(note.message, secrets),
    ...(note.expected === undefined ? {} : { expected: redactJson(note.expected, secrets) }),
    ...(note.actual === undefined ? {} : { actual: redactJson(note.actual, secrets) }),
  };
}

function redactCheck(check: CheckResult, secrets: readonly string[]): CheckResult {
  const text = (value: string) => redactText(value, secrets);
  return {
    ...check,
    title: text(check.title),
    ...(check.reason === undefined ? {} : { reason: text(check.reason) }),
    failures: check.failures.map((failure) => redactNote(failure, secrets)),
    drift: check.drift.map((note) => redactNote(note, secrets)),
    exchanges: check.exchanges.map((exchange) => redactExchange(exchange, secrets)),
    ...(check.timeline ? { timeline: check.timeline.map((event) => redactEvent(event, secrets)) } : {}),
  } as CheckResult;
}

/**
 * Results this module made. Every reporter redacts what it is given; a run hands all of them the
 * result it redacted once, and a result made here is taken as it is (with no further secrets to
 * add), instead of being scanned again per report. Its vendors and checks are frozen, so a result
 * cannot gain an unredacted check after it was made.
 */
const redactedResults = new WeakSet<RunResult>();

/**
 * Checks redactCheckResult made, with the prepared secrets each was redacted with. A check is
 * recorded redacted as it ends and its result then joins the run's result, which is redacted again
 * with the secrets of the whole run. Redaction is idempotent (a scrubbed text, scrubbed again with
 * the same or fewer secrets, comes back as it is: test/redaction/run-redaction.test.ts compares
 * both ways on a whole run), so such a check is taken as it is when the run's secrets are among its
 * own, instead of walking its exchanges again. The check is frozen whole (freezeDeep), so it cannot
 * change after.
 */
const redactedChecks = new WeakMap<CheckResult, readonly string[]>();
/**
 * Freezes a redacted check and everything in it (exchanges, failures, drift, their members), so
 * the check taken as it is by redactRunResult is the one that was redacted: a shallow freeze left
 * its lists open to a pushed, unredacted failure that the run's redaction would then not see.
 */
function freezeDeep<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) freezeDeep(member);
  }
  return value;
}

/** A prepared secret list as a set, made when first asked: many checks share one list. */
const secretLookups = new WeakMap<readonly string[], ReadonlySet<string>>();

function redactedWithAll(check: CheckResult, secrets: readonly string[]): boolean {
  const own = redactedChecks.get(check);
  if (own === undefined) return false;
  if (secrets.length === 0) return true;
  let lookup = secretLookups.get(own);
  if (lookup === undefined) {
    lookup = new Set(own);
    secretLookups.set(own, lookup);
  }
  const have = lookup;
  return secrets.every((secret) => have.has(secret));
}

/**
 * A copy of the result with credentials blanked everywhere: credential headers, secret members and
 * query parameters, URL user info, and any credential value found in an exchange wherever else it
 * appears (a token echoed into a failure message, say). Bodies are also cut to BODY_TEXT_LIMIT.
 */
export function redactRunResult(result: RunResult, knownSecrets: readonly string[] = []): RunResult {
  if (knownSecrets.length === 0 && redactedResults.has(result)) return result;
  const exchanges = result.vendors.flatMap((vendor) => vendor.checks.flatMap((check) => check.exchanges));
  const baseUrls = result.vendors.flatMap((vendor) => (vendor.baseUrl ? [vendor.baseUrl] : []));
  const secrets = secretSet([...knownSecrets, ...collectSecrets(exchanges, baseUrls)]);
  const redacted: RunResult = Object.freeze({
    ...result,
    vendors: Object.freeze(
      result.vendors.map((vendor) =>
        Object.freeze({
          ...vendor,
          ...(vendor.baseUrl === undefined ? {} : { baseUrl: redactText(vendor.baseUrl, secrets) }),
          checks: Object.freeze(
            vendor.checks.map((check) =>
              redactedWithAll(check, secrets) ? check : Object.freeze(redactCheck(check, secrets)),
            ),
          ),
        }),
      ),
    ),
  }) as RunResult;
  redactedResults.add(redacted);
  return redacted;
}

/** One check redacted as redactRunResult would inside a result: for checks recorded one at a time. */
export function redactCheckResult(
  check: CheckResult,
  knownSecrets: readonly string[] = [],
  texts: readonly string[] = [],
): CheckResult {
  const secrets = withSecrets(knownSecrets, collectSecrets(check.exchanges, texts));
  const redacted = freezeDeep(redactCheck(check, secrets));
  redactedChecks.set(redacted, secrets);
  return redacted;
}
