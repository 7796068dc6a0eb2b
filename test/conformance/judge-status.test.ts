import { describe, expect, it } from 'vitest';
import { judgeStatus } from '../../src/conformance/assertions.js';
import { checklistFor, type StatusCheck } from '../../src/conformance/index.js';
import { getVendor, vendorIds } from '../../src/index.js';

// Every codeless status check of every vendor, judged against answers made up here.
const statusChecks = vendorIds.flatMap((vendorId) =>
  checklistFor(vendorId).flatMap((check) =>
    check.kind === 'status' ? [[vendorId, check.id, check] as const] : [],
  ),
);

/** Bodies of shapes no vendor documents: the check must keep them, not fail on them. */
const OPAQUE_BODIES = [
  '',
  'Bad Request',
  '<html><body><h1>Oops</h1></body></html>',
  '{"unexpected":{"nested":[1,2,3]}}',
  '{"broken json',
];

const answer = (status: number, body: string) => ({
  status,
  headers: { 'content-type': body.startsWith('<') ? 'text/html' : 'text/plain' },
  body,
});

// A vendor that promises a request id would rightly fail id-less bodies; only the others apply.
const withoutPromisedIds = statusChecks.filter(
  ([vendorId]) => !getVendor(vendorId).policy.requestId.promised,
);

describe.each(withoutPromisedIds)('the %s codeless status check %s', (vendorId, _id, check: StatusCheck) => {
  it.each(OPAQUE_BODIES)('accepts the documented status with the body %j kept as is', (body) => {
    expect(judgeStatus(vendorId, check, answer(check.status, body)).failures).toEqual([]);
  });
});

describe.each(statusChecks)('the %s codeless status check %s', (vendorId, _id, check: StatusCheck) => {
  it('fails another status, once, saying which status was expected', () => {
    const other = check.status === 500 ? 502 : 500;
    const { failures } = judgeStatus(vendorId, check, answer(other, 'Bad Gateway'));
    expect(failures).toEqual([
      { message: 'The status is not the documented one.', expected: check.status, actual: other },
    ]);
  });
});

describe('the codeless status checks', () => {
  it('exist for at least one vendor, so the cases above are not empty', () => {
    expect(statusChecks.length).toBeGreaterThan(0);
  });
});
