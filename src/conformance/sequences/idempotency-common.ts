import { randomUUID } from 'node:crypto';
import type { IdempotencyAnswer } from '../../generated/meta-types.js';
import { normalizeError } from '../../normalize/normalize-error.js';
import type { HttpAnswer } from '../../scenarios/runner.js';
import type { IdempotentCreate, ResolvedRequest } from '../../scenarios/types.js';
import type { VendorFacts } from './definition.js';
import type { SequenceRecorder } from './recorder.js';
import { isSuccess, outgoing, roleHeaders } from './requests.js';

/** Not applicable where the vendor honours no key, in the policy's own words when it has them. */
export function withoutKeys({ policy }: VendorFacts): string | undefined {
  if (policy.idempotency.supported) return undefined;
  return policy.idempotency.note ?? 'No idempotency key is documented.';
}

export function withoutCreate({ behaviour, policy }: VendorFacts): string | undefined {
  const create = behaviour?.create;
  if (!create) return 'The vendor’s simulator module names no create to send an idempotency key with.';
  if (!policy.idempotency.header) return 'The policy names no idempotency key header.';
  return undefined;
}

/** A key every vendor accepts: a UUID suits both opaque keys and those that must be UUIDs. */
export const newKey = (): string => randomUUID();

/**
 * Sends the vendor's create with an idempotency key, as the valid role (or the role the data
 * names): its own request, or the same create with one value changed (`other`).
 */
export async function sendKeyed(
  { policy, behaviour }: VendorFacts,
  recorder: SequenceRecorder,
  key: string,
  other?: ResolvedRequest,
): Promise<HttpAnswer | undefined> {
  const create = behaviour?.create as IdempotentCreate<ResolvedRequest>;
  const request = other ?? create.request;
  const role = request.role === 'none' ? undefined : (request.role ?? 'valid');
  const auth = role === undefined ? {} : await roleHeaders(recorder, role, policy.authentication);
  if (!auth) return undefined;
  // One key, one body: the same fresh values for every send under this key.
  return recorder.send(
    outgoing(
      recorder.baseUrl,
      request,
      { ...auth, [policy.idempotency.header as string]: key },
      uniqueFor(key),
    ),
  );
}

/** The fresh value a key's body carries: derived from the key, so a replay sends the same body. */
function uniqueFor(key: string): string {
  return key.replace(/-/g, '').slice(0, 16);
}

/** Resources the simulator holds now; undefined on a target that cannot count them. */
export function resourcesNow(recorder: SequenceRecorder): number | undefined {
  return recorder.target.simulator?.stats(recorder.vendorId).resources;
}

/**
 * Whether the key's header name is the docs' (a vendor that does not read a name the project
 * inferred is drift, not a failure): every judgement that rests on the key being honoured uses it.
 */
export function keyHeaderSource({ policy }: VendorFacts): 'documented' | 'inferred' {
  return policy.idempotency.headerSource ?? 'documented';
}

/**
 * Fails unless exactly `expected` resources were added since `before`, where they can be counted;
 * drift instead where the key's header name is only the project's reading.
 */
export function expectCreated(
  recorder: SequenceRecorder,
  before: number | undefined,
  expected: number,
  message: string,
  headerSource: 'documented' | 'inferred' = 'documented',
): void {
  const after = resourcesNow(recorder);
  if (before === undefined || after === undefined) {
    recorder.note('resources cannot be counted on this target; the answers alone are judged');
    return;
  }
  recorder.judge(after - before === expected, headerSource, message, expected, after - before);
}

/** The first create with a fresh key; undefined (the failure recorded) when it does not succeed. */
export async function firstCreate(
  facts: VendorFacts,
  recorder: SequenceRecorder,
): Promise<{ key: string; answer: HttpAnswer } | undefined> {
  const key = newKey();
  const answer = await sendKeyed(facts, recorder, key);
  if (!answer) return undefined;
  if (!recorder.expect(isSuccess(answer.status), 'The first create did not succeed.', '2xx', answer.status)) {
    return undefined;
  }
  return { key, answer };
}

/**
 * Judges a refusal against the answer the policy gives for it: the status (or one the policy also
 * accepts) and the code. Where the answer is the project's reading rather than the docs', a
 * different one is drift, never a failure.
 */
export function expectDocumented(
  recorder: SequenceRecorder,
  answer: HttpAnswer,
  documented: IdempotencyAnswer,
  subject: string,
): void {
  const { status, code, source } = documented;
  const accepted: readonly number[] = [status, ...(documented.acceptedStatuses ?? [])];
  recorder.judge(
    accepted.includes(answer.status),
    source,
    `${subject} did not get the documented status.`,
    accepted.length === 1 ? status : [...accepted],
    answer.status,
  );
  // An alternative status the policy accepts carries a code of its own, not this one.
  const alternative: readonly number[] = documented.acceptedStatuses ?? [];
  if (alternative.includes(answer.status)) return;
  const actual = normalizeError(recorder.vendorId, answer).code;
  recorder.judge(actual === code, source, `${subject} did not get the documented code.`, code, actual);
}
