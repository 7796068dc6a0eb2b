import { describe, expect, it } from 'vitest';
import { outgoingHeaders } from '../../src/client/request-headers.js';
import { ErrorContractsError } from '../../src/errors.js';

const base = { contentType: null, key: null, vendorName: 'Collate' } as const;

describe('outgoingHeaders', () => {
  it('gives a call without headers or key of its own what the Headers merge gives', () => {
    for (const contentType of [null, 'application/json']) {
      const auth = { Authorization: '  Bearer tok_1234  ', 'X-Org': 'org_1' };
      const fast = outgoingHeaders({ ...base, contentType, user: undefined, auth });
      // An empty header object of the caller's takes the merging path.
      const merged = outgoingHeaders({ ...base, contentType, user: {}, auth });
      expect(fast).toEqual(merged);
      expect(fast.authorization).toBe('Bearer tok_1234');
    }
  });

  it("lets the caller's content type and accept stand and the credential override theirs", () => {
    const headers = outgoingHeaders({
      ...base,
      contentType: 'application/json',
      user: { 'Content-Type': 'text/csv', Accept: 'text/csv', authorization: 'Bearer mine' },
      auth: { Authorization: 'Bearer tok_1234' },
      key: ['Idempotency-Key', 'key-1'],
    });
    expect(headers).toEqual({
      'content-type': 'text/csv',
      accept: 'text/csv',
      authorization: 'Bearer tok_1234',
      'idempotency-key': 'key-1',
    });
  });

  it('refuses a credential no header can carry on both paths, without quoting it', () => {
    const secret = 'tok_SENTINEL_\r\nX-Injected: 1';
    for (const user of [undefined, {}]) {
      // A fresh object each time, so no earlier check of it is reused.
      const attempt = () => outgoingHeaders({ ...base, user, auth: { authorization: `Bearer ${secret}` } });
      expect(attempt).toThrow(ErrorContractsError);
      try {
        attempt();
      } catch (error) {
        expect((error as ErrorContractsError).code).toBe('ERR_INVALID_CREDENTIALS');
        expect((error as Error).message).not.toContain('SENTINEL');
      }
    }
  });
});
