import { describe, expect, it } from 'vitest';
import { atPointer, type DocumentedCase, withVendor } from '../kit/cases.js';
import { call, credential, credentialHeader, operationUrl, type Reply } from '../kit/client.js';
import { itAnswersDocumentedCases } from '../kit/documented-tests.js';
import type { DialectDirectory } from '../types.js';
import { bugs, type ClaimRevBugId } from './bugs.js';

async function requestToken(
  directory: DialectDirectory,
  name: string,
  change: Record<string, string> = {},
): Promise<Reply> {
  const client = credential(directory, name);
  if (client.kind !== 'oauthClient') throw new Error(`${name} is not an OAuth client`);
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: client.clientId,
    client_secret: client.clientSecret,
    scope: client.scope,
    ...change,
  });
  return call(client.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
}

async function bearerOf(directory: DialectDirectory, name: string): Promise<Record<string, string>> {
  const reply = await requestToken(directory, name);
  const token = atPointer(reply.body, '/access_token');
  if (typeof token !== 'string') throw new Error(`no token for ${name}: ${reply.text}`);
  return { authorization: `Bearer ${token}` };
}

function submitClaim(
  directory: DialectDirectory,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Reply> {
  return call(operationUrl(directory, 'submitClaim'), {
    method: 'POST',
    headers,
    json: body ?? directory.operations.submitClaim?.body,
  });
}

const oauthCode = (reply: Reply): string => `${reply.status} ${String(atPointer(reply.body, '/error'))}`;

const CASES: DocumentedCase[] = [
  {
    name: 'wrong client secret',
    expected: '401 invalid_client',
    observe: async ({ directory }) =>
      oauthCode(await requestToken(directory, 'mainClient', { client_secret: 'x' })),
  },
  {
    name: 'scope of the other environment',
    expected: '400 invalid_scope',
    observe: async ({ directory }) => {
      const production = credential(directory, 'productionClient');
      const scope = production.kind === 'oauthClient' ? production.scope : '';
      return oauthCode(await requestToken(directory, 'mainClient', { scope }));
    },
  },
  {
    name: 'unsupported grant type',
    expected: '400 invalid_grant',
    observe: async ({ directory }) =>
      oauthCode(await requestToken(directory, 'mainClient', { grant_type: 'password' })),
  },
  {
    name: 'token lifetime announced',
    expected: 'expires_in 3600',
    observe: async ({ directory }) =>
      `expires_in ${String(atPointer((await requestToken(directory, 'mainClient')).body, '/expires_in'))}`,
  },
  {
    name: 'valid token submits a claim',
    expected: '200 id number',
    observe: async ({ directory }) => {
      const reply = await submitClaim(directory, await bearerOf(directory, 'mainClient'));
      return `${reply.status} id ${typeof atPointer(reply.body, directory.operations.submitClaim?.idPointer ?? '')}`;
    },
  },
  {
    name: 'no token',
    expected: '401',
    observe: async ({ directory }) => `${(await submitClaim(directory, {})).status}`,
  },
  {
    name: 'malformed token',
    expected: '401',
    observe: async ({ directory }) =>
      `${(await submitClaim(directory, credentialHeader(directory, 'malformedToken'))).status}`,
  },
  {
    name: 'token of the production tenant',
    expected: '401',
    observe: async ({ directory }) =>
      `${(await submitClaim(directory, await bearerOf(directory, 'productionClient'))).status}`,
  },
  {
    name: 'token past its hour',
    expected: 'before 200, after 401',
    observe: async ({ directory, clock }) => {
      const headers = await bearerOf(directory, 'mainClient');
      clock.advance(3600 * 1000 - 1);
      const before = await submitClaim(directory, headers);
      clock.advance(1);
      const after = await submitClaim(directory, headers);
      return `before ${before.status}, after ${after.status}`;
    },
  },
  {
    name: 'account the client is not bound to',
    expected: '403',
    observe: async ({ directory }) => {
      const url = operationUrl(directory, 'submitClaim', {
        accountNumber: directory.facts.otherAccountNumber ?? '',
      });
      const reply = await call(url, {
        method: 'POST',
        headers: await bearerOf(directory, 'mainClient'),
        json: directory.operations.submitClaim?.body,
      });
      return `${reply.status}`;
    },
  },
  {
    name: 'client without the submit permission',
    expected: '403',
    observe: async ({ directory }) =>
      `${(await submitClaim(directory, await bearerOf(directory, 'limitedClient'))).status}`,
  },
  {
    name: 'validation names the failing field',
    expected: '400 payerId',
    observe: async ({ directory }) => {
      const body = { ...(directory.operations.submitClaim?.body as object), payerId: 'ABC' };
      const reply = await submitClaim(directory, await bearerOf(directory, 'mainClient'), body);
      return `${reply.status} ${Object.keys((atPointer(reply.body, '/errors') as object | undefined) ?? {}).join(',')}`;
    },
  },
];

const BUG_CASES: Record<ClaimRevBugId, string> = {
  'claimrev.malformed-token-accepted': 'malformed token',
  'claimrev.other-environment-token-accepted': 'token of the production tenant',
  'claimrev.token-expires-in-not-an-hour': 'token lifetime announced',
  'claimrev.expired-token-accepted': 'token past its hour',
  'claimrev.unbound-account-not-found': 'account the client is not bound to',
  'claimrev.missing-permission-unauthorized': 'client without the submit permission',
  'claimrev.validation-names-no-field': 'validation names the failing field',
  'claimrev.wrong-secret-invalid-grant': 'wrong client secret',
  'claimrev.wrong-scope-accepted': 'scope of the other environment',
};

describe('dialect B ClaimRev', () => {
  itAnswersDocumentedCases('claimrev', CASES, bugs, BUG_CASES);

  it('enforces no per-client rate limit, as its doc says', async () => {
    await withVendor('claimrev', [], async ({ directory }) => {
      const headers = await bearerOf(directory, 'mainClient');
      const statuses = new Set<number>();
      for (let sent = 0; sent < 40; sent += 1) {
        statuses.add((await call(operationUrl(directory, 'getClaim'), { headers })).status);
      }
      expect([...statuses]).toEqual([200]);
    });
  });

  it('reads, deletes and hides claims with 404 once gone or out of view', async () => {
    await withVendor('claimrev', [], async ({ directory }) => {
      const headers = await bearerOf(directory, 'mainClient');
      const status = async (method: string, claimId: string | number | undefined): Promise<number> =>
        (await call(operationUrl(directory, 'getClaim', { claimId: claimId ?? '' }), { method, headers }))
          .status;
      expect(await status('GET', directory.facts.claimId)).toBe(200);
      expect(await status('GET', directory.facts.deletedClaimId)).toBe(404);
      expect(await status('GET', directory.facts.otherAccountClaimId)).toBe(404);
      expect(await status('DELETE', directory.facts.deletedClaimId)).toBe(404);
      expect(await status('DELETE', directory.facts.claimId)).toBe(200);
      expect(await status('GET', directory.facts.claimId)).toBe(404);
      expect(await status('GET', 'abc')).toBe(400);
    });
  });

  it('fails its failing requests with 500 and accepts Basic client authentication', async () => {
    await withVendor('claimrev', [], async ({ directory }) => {
      const headers = await bearerOf(directory, 'mainClient');
      for (const failing of directory.failing) {
        const operation = directory.operations[failing.operation];
        const reply = await call(operationUrl(directory, failing.operation, failing.params), {
          method: operation?.method ?? 'GET',
          headers,
          ...(failing.body === undefined ? {} : { json: failing.body }),
        });
        expect(reply.status).toBe(failing.status);
      }
      const basic = credential(directory, 'mainClientBasic');
      if (basic.kind !== 'oauthClient') throw new Error('mainClientBasic is not an OAuth client');
      const reply = await call(basic.tokenUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${basic.clientId}:${basic.clientSecret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: basic.scope }).toString(),
      });
      expect(reply.status).toBe(200);
      expect(reply.text).not.toContain(basic.clientSecret);
      expect(
        (
          await call(operationUrl(directory, 'getClaim'), {
            headers: credentialHeader(directory, 'expiredToken'),
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await call(operationUrl(directory, 'getClaim'), {
            headers: credentialHeader(directory, 'productionToken'),
          })
        ).status,
      ).toBe(401);
    });
  });
});
