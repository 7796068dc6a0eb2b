import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, getVendor, VendorApiError, type VendorId, vendorIds } from '../../src/index.js';
import { credentialsFor } from '../helpers/client-harness.js';

const SECRET = 'SENTINEL-redirected-7f3a91';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A loopback server that records every request and answers with `reply`. */
async function recordingServer(
  reply: (path: string) => { status: number; headers?: Record<string, string> },
) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
      const { status, headers = {} } = reply(req.url ?? '');
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(status < 300 ? '{"access_token":"tok-after-redirect","expires_in":3600}' : '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { received, origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let elsewhere: Awaited<ReturnType<typeof recordingServer>>;
let redirecting: Awaited<ReturnType<typeof recordingServer>>;

beforeAll(async () => {
  elsewhere = await recordingServer(() => ({ status: 200 }));
  redirecting = await recordingServer((path) => ({
    status: 307,
    headers: { location: `${elsewhere.origin}${path}` },
  }));
});
afterAll(async () => {
  await elsewhere.close();
  await redirecting.close();
});

const authenticationOf = (vendorId: VendorId) => getVendor(vendorId).policy.authentication;
const OAUTH = 'oauth2_client_credentials';

/** Vendors whose client sends its credential with every request, and what that credential is. */
const cases = vendorIds
  .filter((vendorId) => authenticationOf(vendorId).scheme !== OAUTH)
  .map((vendorId) => {
    const { scheme, header } = authenticationOf(vendorId);
    return { vendorId, what: `its ${scheme.replaceAll('_', ' ')} (${header})` };
  });

/** Vendors whose client first fetches a token with a client secret. */
const tokenVendors = vendorIds.filter((vendorId) => authenticationOf(vendorId).scheme === OAUTH);

describe('createClient and redirects', () => {
  it.each(cases)(
    '$vendorId: a 307 to another origin never re-sends $what there and fails with a typed redirect error',
    async ({ vendorId }) => {
      elsewhere.received.length = 0;
      const client = createClient(vendorId, {
        baseUrl: redirecting.origin,
        credentials: credentialsFor(vendorId, SECRET),
        sleep: async () => {},
      });
      const failure = await client.request('GET', '/things/1').catch((error: unknown) => error);
      expect(elsewhere.received).toEqual([]);
      expect(failure).toBeInstanceOf(VendorApiError);
      expect((failure as VendorApiError).code).toBe('ERR_VENDOR_REDIRECT');
      expect((failure as VendorApiError).status).toBe(307);
      expect(JSON.stringify(failure)).not.toContain(SECRET);
    },
  );

  it.each(tokenVendors)(
    '%s: a 307 from the token URL never re-posts the client secret to the other origin',
    async (vendorId) => {
      elsewhere.received.length = 0;
      const client = createClient(vendorId, {
        baseUrl: elsewhere.origin,
        credentials: {
          tokenUrl: `${redirecting.origin}/oauth2/token`,
          clientId: 'client-1',
          clientSecret: SECRET,
        },
        sleep: async () => {},
      });
      const failure = await client.request('GET', '/claims/1').catch((error: unknown) => error);
      expect(elsewhere.received.map((request) => request.body).join('')).not.toContain(SECRET);
      expect(elsewhere.received).toEqual([]);
      expect((failure as VendorApiError).code).toBe('ERR_VENDOR_REDIRECT');
    },
  );
});
