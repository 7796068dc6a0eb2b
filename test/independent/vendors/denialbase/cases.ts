/**
 * What Denialbase's page promises, as cases this implementation is played against (see
 * `../../cases.ts`); each names the seeded bugs that change its answer.
 */
import type { DocumentedCase, RateLimitCase, RequestIdOn } from '../../cases.js';
import type { BugId } from './bugs.js';

const denialKey = '6b1f9f7e-3c1a-4e58-9a52-0d4b8e2f7a10';
const newDenial = { claim_number: 'CN-8812', denial_type: '{{facts.denialType}}', amount_cents: 9_900 };
const multipart = (content: string) => ({
  contentType: 'multipart/form-data; boundary=xindependent',
  text: `--xindependent\r\nContent-Disposition: form-data; name="file"; filename="eob.txt"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n--xindependent--\r\n`,
});
const DENIALBASE_ID_BUG: BugId[] = ['denialbase.request-id-missing'];

export const cases: readonly DocumentedCase<BugId>[] = [
  {
    title: 'a body that is not JSON is a 400',
    call: { operation: 'createDenial', raw: { contentType: 'application/json', text: '{"claim_number": ' } },
    expect: { status: 400 },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'an expired session',
    call: { operation: 'listDenials', role: 'expired' },
    expect: { status: 401, code: 'not_authenticated' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'a signed-out session',
    call: { operation: 'listDenials', role: 'revoked' },
    expect: { status: 401, code: 'not_authenticated' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'a session waiting for its one-time code',
    call: { operation: 'listDenials', role: 'secondFactorPending' },
    expect: { status: 402, code: 'two_factor_required' },
    bugs: [...DENIALBASE_ID_BUG, 'denialbase.two-factor-as-401'],
  },
  {
    title: 'a viewer cannot record a denial',
    call: { operation: 'createDenial', role: 'readOnly', json: newDenial },
    expect: { status: 403, code: 'not_authorized' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'a stale denial id',
    call: { operation: 'getDenial', params: { denialId: '{{facts.unknownDenialId}}' } },
    expect: { status: 404, code: 'not_found' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: "another organization's denial is not visible",
    call: { operation: 'getDenial', params: { denialId: '{{facts.otherOrganizationDenialId}}' } },
    expect: { status: 404, code: 'not_found' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'an update against an old lock_version',
    call: { operation: 'updateDenial', json: { lock_version: 0, amount_cents: 100 } },
    expect: { status: 409, code: 'conflict' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'an upload declared larger than 50 MB',
    call: { operation: 'uploadDocument', raw: multipart('small'), declaredLength: 50_000_001 },
    expect: { status: 413, code: 'file_too_large' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'a denial with an unknown type and no claim number',
    call: { operation: 'createDenial', json: { denial_type: 'weather', amount_cents: 5 } },
    expect: { status: 422, code: 'validation_failed' },
    bugs: [...DENIALBASE_ID_BUG, 'denialbase.validation-details-empty'],
  },
  {
    title: 'an upload carrying the anti-virus test file',
    call: { operation: 'uploadDocument', raw: multipart('{{facts.eicarTestString}}') },
    expect: { status: 422, code: 'virus_detected' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'a session over its quota, with Retry-After',
    before: [{ call: { operation: 'listDenials', role: 'rateLimited' }, times: 2 }],
    call: { operation: 'listDenials', role: 'rateLimited' },
    expect: { status: 429, code: 'rate_limited' },
    headers: ['retry-after'],
    bugs: [
      'denialbase.rate-limit-request-id-missing',
      ...DENIALBASE_ID_BUG,
      'denialbase.rate-limit-without-retry-after',
    ],
  },
  {
    title: 'the always-failing denial',
    call: { operation: 'getDenial', params: { denialId: '{{facts.failingDenialId}}' } },
    expect: { status: 500, code: 'internal_error' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'a create repeated with its key is the original result again',
    before: [
      { call: { operation: 'createDenial', headers: { 'Idempotency-Key': denialKey }, json: newDenial } },
    ],
    call: { operation: 'createDenial', headers: { 'Idempotency-Key': denialKey }, json: newDenial },
    expect: { status: 201 },
    headers: ['idempotent-replayed'],
    bugs: ['denialbase.replay-creates-duplicate'],
  },
];

/** Which error answers carry a request id here: every error answer carries a request id. */
export const requestIdOn: RequestIdOn = 'every error';

/** Its quota, played by the rate-limit tests. */
export const rateLimit: RateLimitCase = { operation: 'listDenials', header: 'retry-after' };
