import { describe, expect, it } from 'vitest';
import { startDialectB } from './index.js';
import { atPointer } from './kit/cases.js';
import { call, credential, credentialHeader, operationUrl } from './kit/client.js';
import type { DialectDirectory, VendorId } from './types.js';

/** The vendors these tests know how to authenticate with. */
const OWN_VENDORS: VendorId[] = ['claimrev', 'casexchange', 'foresight', 'denialbase'];

/** How each vendor's main credential becomes request headers. */
const AUTHENTICATE: Partial<
  Record<VendorId, (directory: DialectDirectory) => Promise<Record<string, string>>>
> = {
  claimrev: async (directory) => {
    const client = credential(directory, 'mainClient');
    if (client.kind !== 'oauthClient') throw new Error('mainClient is not an OAuth client');
    const reply = await call(client.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        scope: client.scope,
      }).toString(),
    });
    return { authorization: `Bearer ${String(atPointer(reply.body, '/access_token'))}` };
  },
  casexchange: async (directory) => credentialHeader(directory, 'fullKey'),
  foresight: async (directory) => credentialHeader(directory, 'fullKey'),
  denialbase: async (directory) => {
    const signIn = credential(directory, 'analyst');
    if (signIn.kind !== 'signIn') throw new Error('analyst is not a sign-in');
    const reply = await call(operationUrl(directory, signIn.operation), {
      method: 'POST',
      json: signIn.body,
    });
    return { cookie: (reply.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
  },
};

/** Path values the facts do not name directly, and operations a plain session cannot play. */
const PARAMS: Record<string, Record<string, string>> = {
  'casexchange.getReferral': { referralId: 'pendingReferralId' },
  'casexchange.updateReferral': { referralId: 'pendingReferralId' },
  'casexchange.reReferral': { referralId: 'declinedReferralId' },
};
const NOT_PLAYED = new Set(['denialbase.signIn', 'denialbase.completeSecondFactor', 'denialbase.signOut']);

describe('dialect B start', () => {
  it('starts every vendor it has on loopback, fresh each time, and closes them all', async () => {
    const first = await startDialectB();
    const second = await startDialectB();
    try {
      const vendors = Object.keys(first.directory) as VendorId[];
      expect(vendors).toEqual(expect.arrayContaining(OWN_VENDORS));
      for (const vendor of vendors) {
        const one = first.directory[vendor];
        const other = second.directory[vendor];
        expect(one?.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(JSON.stringify(one?.credentials)).not.toBe(JSON.stringify(other?.credentials));
        expect(JSON.stringify(one?.facts)).not.toBe(JSON.stringify(other?.facts));
      }
    } finally {
      await second.close();
      await first.close();
    }
    const baseUrl = first.directory.foresight?.baseUrl ?? '';
    await expect(fetch(`${baseUrl}/v1/claims/1`)).rejects.toThrow();
  });

  it('refuses a seeded bug that names no vendor, or that its vendor does not define', async () => {
    await expect(startDialectB({ bugs: ['nobody.some-bug'] })).rejects.toThrow(/names no vendor/);
    await expect(startDialectB({ vendors: ['foresight'], bugs: ['foresight.no-such-bug'] })).rejects.toThrow(
      /unknown seeded bug/,
    );
  });

  it('succeeds with every example body of every operation', async () => {
    const dialect = await startDialectB({ vendors: OWN_VENDORS });
    try {
      for (const [vendor, directory] of Object.entries(dialect.directory) as [VendorId, DialectDirectory][]) {
        const headers = await (AUTHENTICATE[vendor]?.(directory) ?? Promise.resolve({}));
        const names = Object.keys(directory.operations).filter(
          (name) => !NOT_PLAYED.has(`${vendor}.${name}`),
        );
        // Deletes go last so that the records the other examples use are still there.
        names.sort(
          (a, b) =>
            Number(directory.operations[a]?.method === 'DELETE') -
            Number(directory.operations[b]?.method === 'DELETE'),
        );
        for (const name of names) {
          const operation = directory.operations[name];
          if (operation === undefined) continue;
          const params = Object.fromEntries(
            Object.entries(PARAMS[`${vendor}.${name}`] ?? {}).map(([param, fact]) => [
              param,
              directory.facts[fact] ?? '',
            ]),
          );
          const body = operation.body;
          const reply = await call(operationUrl(directory, name, params), {
            method: operation.method,
            headers: {
              ...headers,
              ...(operation.contentType ? { 'content-type': operation.contentType } : {}),
            },
            ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
          });
          expect(reply.status, `${vendor}.${name}: ${reply.text}`).toBeLessThan(300);
          if (operation.idPointer !== undefined) {
            expect(typeof atPointer(reply.body, operation.idPointer), `${vendor}.${name}`).toBe('number');
          }
        }
      }
    } finally {
      await dialect.close();
    }
  });
});
