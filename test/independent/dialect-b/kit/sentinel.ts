import { expect } from 'vitest';
import { withVendor } from './cases.js';
import { call, credentialHeader, operationUrl } from './client.js';

/** A credential value no answer may contain, whatever it is sent as (the secrets tests send it). */
export const SENTINEL = 'sentinel0123456789abcdef01234567';

/**
 * For an API-key vendor: an unknown key (its format's `prefix` and the sentinel) is refused with
 * 401 without echoing it, and the answer to a known key's `read` does not carry the key either.
 */
export async function expectApiKeysKeptOut(vendor: string, prefix: string, read: string): Promise<void> {
  await withVendor(vendor, [], async ({ directory }) => {
    const url = operationUrl(directory, read);
    const unknown = await call(url, { headers: { 'x-api-key': `${prefix}${SENTINEL}` } });
    expect(unknown.status).toBe(401);
    expect(unknown.text).not.toContain(SENTINEL);
    const known = await call(url, { headers: credentialHeader(directory, 'readOnlyKey') });
    expect(known.text).not.toContain(Object.values(credentialHeader(directory, 'readOnlyKey'))[0]);
  });
}
