import type { VendorPolicy } from '../generated/meta-types.js';
import { setAtPointer } from '../normalize/json-pointer.js';
import { findCatalogEntry, getVendor } from '../vendors/registry.js';
import type { InteractionSpec } from './interactions.js';
import type { PactModule } from './load-pact.js';
import { HEADER_FIELD, standIn } from './placeholders.js';

type Matchers = PactModule['MatchersV3'];

/** Every envelope in the package is JSON, plain or with a structured suffix, any parameters. */
const JSON_MEDIA = '^application/(?:[\\w.+-]+\\+)?json(?:\\s*;.*)?$';
/**
 * RFC 9110: delay-seconds, or an HTTP-date in any of the three forms a recipient must accept
 * (IMF-fixdate, RFC 850, asctime).
 */
const RETRY_AFTER =
  '^(?:\\d+|[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT' +
  '|[A-Z][a-z]+, \\d{2}-[A-Z][a-z]{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} GMT' +
  '|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4})$';
const DIGITS = '^\\d+$';
/** One fixed instant for every example, so contracts do not change from run to run. */
const EXAMPLE_INSTANT = Date.UTC(2026, 0, 1);
/**
 * RFC 3339 date-time, the schemas' `format: date-time`: fractional seconds optional and of any
 * length, Z or a numeric offset. A fixed Java-style format would refuse valid timestamps.
 */
export const RFC3339 = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:\\d{2})$';

export interface ResponseExpectation {
  headers: Record<string, unknown>;
  body?: Record<string, unknown>;
}

/**
 * What a client relies on in one error response, as Pact matchers: the code exactly (it branches
 * on it), the request id by the vendor's documented pattern, the message by type only (it is for
 * people), timestamps as date-times, the retry flag exactly, the rate-limit headers by form, and
 * a JSON content type. Members no client reads are left out, so a vendor may add to them.
 * A codeless status (an opaque body) promises its status alone.
 */
export function responseExpectation(spec: InteractionSpec, m: Matchers): ResponseExpectation {
  if (spec.code === undefined) return { headers: {} };
  const { policy, schemas } = getVendor(spec.vendorId);
  const entry = findCatalogEntry(spec.vendorId, spec.code);
  const surface = entry?.surface ?? 'api';
  const reader = policy.envelopes.find((candidate) => candidate.surface === surface);
  const body: Record<string, unknown> = {};
  if (reader?.code) setAtPointer(body, reader.code, spec.code);
  const message = reader?.message[0];
  if (message) setAtPointer(body, message, m.string(entry?.description ?? 'An error message.'));
  const idPointer = policy.requestId.promised ? (reader?.requestId ?? policy.requestId.pointer) : undefined;
  if (idPointer) setAtPointer(body, idPointer, requestIdMatcher(policy, m));
  if (policy.retry.bodyFlag && surface === 'api' && entry)
    setAtPointer(body, policy.retry.bodyFlag, entry.retryable);
  const schema = schemas[(reader?.schema ?? 'envelope') as keyof typeof schemas] as Schema | undefined;
  for (const pointer of requiredDateTimes(schema)) {
    setAtPointer(body, pointer, m.regex(RFC3339, new Date(EXAMPLE_INSTANT).toISOString()));
  }
  const headers: Record<string, unknown> = {
    'Content-Type': m.regex(JSON_MEDIA, 'application/json; charset=utf-8'),
  };
  for (const name of entry?.headers ?? []) headers[name] = headerMatcher(name, policy, m);
  return { headers, body };
}

function requestIdMatcher(policy: VendorPolicy, m: Matchers): unknown {
  const { pattern, example } = policy.requestId;
  return pattern ? m.regex(pattern, example ?? 'req_0') : m.string(example ?? 'req_0');
}

/** A documented header by its form: Retry-After per RFC 9110, a reset header per its unit. */
function headerMatcher(name: string, policy: VendorPolicy, m: Matchers): unknown {
  if (name.toLowerCase() === 'retry-after') return m.regex(RETRY_AFTER, '60');
  const reset = policy.rateLimit.resetHeader;
  if (reset && reset.name.toLowerCase() === name.toLowerCase()) {
    const seconds = EXAMPLE_INSTANT / 1000 + 60;
    const example =
      reset.unit === 'delta_seconds' ? 60 : reset.unit === 'epoch_milliseconds' ? seconds * 1000 : seconds;
    return m.regex(DIGITS, String(example));
  }
  return m.regex('.+', 'example');
}

type Schema = Readonly<Record<string, unknown>>;

/** JSON Pointers of required members whose schema says format date-time, at any depth. */
function requiredDateTimes(schema: Schema | undefined, pointer = ''): string[] {
  const properties = schema?.properties as Record<string, Schema> | undefined;
  if (!properties) return [];
  const required = new Set((schema?.required as string[] | undefined) ?? []);
  return Object.entries(properties).flatMap(([name, member]) => {
    if (!required.has(name)) return [];
    const here = `${pointer}/${name}`;
    return member.format === 'date-time' ? [here] : requiredDateTimes(member, here);
  });
}

/** The credential header as the contract has it: the scheme kept, a stand-in for the secret. */
export function credentialMatcher(spec: InteractionSpec, m: Matchers): Record<string, unknown> {
  const credential = spec.request.credential;
  if (!credential) return {};
  const escaped = credential.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    [credential.header]: m.regex(
      `^${escaped}\\S+$`,
      `${credential.prefix}${standIn(credential.role, HEADER_FIELD)}`,
    ),
  };
}
