import { describe, expect, expectTypeOf, it } from 'vitest';
import type { RecordedAttempt } from '../../src/vitest/index.js';
import '../../src/vitest/index.js';

const response = { status: 409, body: '{}' };

describe('the error-contracts/vitest matchers on expect', () => {
  it("take a vendor id and one of that vendor's codes", () => {
    expect(response).toBeDocumentedError('collate', 'version_conflict');
    expect(response).not.toBeDocumentedError('denialbase');
    // @ts-expect-error: invalid_client is ClaimRev's code, not Collate's
    expect(response).toBeDocumentedError('collate', 'invalid_client');
    // @ts-expect-error: not a vendor
    expect(response).toBeDocumentedError('acme');
  });

  it('take recorded attempts and an optional method', () => {
    const attempts: RecordedAttempt[] = [
      { at: 0, status: 503 },
      { at: 1000, status: 200 },
    ];
    expect(attempts).toFollowRetryPolicy('foresight');
    expect(attempts).toFollowRetryPolicy('collate', { method: 'POST' });
    expect(attempts).toFollowRetryPolicy('collate', { method: 'patch' });
    // @ts-expect-error: options are an object
    expect(attempts).toFollowRetryPolicy('collate', 'POST');
    // @ts-expect-error: not an HTTP method
    expect(attempts).toFollowRetryPolicy('collate', { method: 'FETCH' });
    expectTypeOf<RecordedAttempt['at']>().toBeNumber();
  });
});
