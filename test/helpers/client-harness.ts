import nock from 'nock';
import {
  type ClientCredentials,
  type ClientOptions,
  createClient,
  getVendor,
  type RetryEvent,
  type VendorId,
  vendorIds,
} from '../../src/index.js';
import {
  clientCredentialsFor,
  credentialSourceOf,
  exchangesToken,
  headerCredentialOf,
} from '../../src/vendors/authentication.js';
import { FIXED_NOW } from './vendor-bodies.js';

export const BASE_URL = 'https://api.vendor.test';
export const TOKEN_ORIGIN = 'https://login.vendor.test';
export const TOKEN_URL = `${TOKEN_ORIGIN}/oauth2/token`;

/** The secret a handed-over credential holds: the value itself, or a session's cookie named `session`. */
export function handedSecret(vendorId: VendorId, secret: string): string {
  const auth = getVendor(vendorId).policy.authentication;
  return credentialSourceOf(auth) === 'session_sign_in' ? `session=${secret}` : secret;
}

/**
 * Credentials of the shape the vendor's scheme needs, built from the given secret value: an OAuth
 * client with that secret where the policy exchanges a token, otherwise the secret as the policy's
 * credential (a session's cookie named `session`).
 */
export function credentialsFor(vendorId: VendorId, secret: string): ClientCredentials {
  const auth = getVendor(vendorId).policy.authentication;
  if (exchangesToken(auth)) return { tokenUrl: TOKEN_URL, clientId: 'client-id-1', clientSecret: secret };
  const credentials = clientCredentialsFor(auth, headerCredentialOf(auth, handedSecret(vendorId, secret)));
  if (!credentials) throw new Error(`${vendorId}: no client credentials for a ${auth.scheme} secret`);
  return credentials;
}

/** Answers the token endpoint `times` times with tokens named token-1, token-2, … */
export function mockTokenEndpoint(times = 1, expiresIn = 3600): string[] {
  const tokens: string[] = [];
  for (let index = 1; index <= times; index++) {
    const token = `token-${index}-opaque`;
    tokens.push(token);
    nock(TOKEN_ORIGIN)
      .post('/oauth2/token')
      .reply(200, { access_token: token, token_type: 'Bearer', expires_in: expiresIn });
  }
  return tokens;
}

export interface LogLine {
  level: string;
  message: string;
  data: unknown;
}

/** A client on a virtual clock: sleeping only records the wait and moves the clock on. */
export function clientHarness(vendorId: VendorId, secret: string, overrides: Partial<ClientOptions> = {}) {
  const sleeps: number[] = [];
  const logs: LogLine[] = [];
  const retries: RetryEvent[] = [];
  const clock = { now: FIXED_NOW };
  let keyCount = 0;
  const record = (level: string) => (message: string, data?: unknown) => logs.push({ level, message, data });
  const client = createClient(vendorId, {
    baseUrl: BASE_URL,
    credentials: credentialsFor(vendorId, secret),
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.now += ms;
    },
    now: () => clock.now,
    random: () => 0,
    generateIdempotencyKey: () => `key-${++keyCount}`,
    logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') },
    onRetry: (event) => retries.push(event),
    ...overrides,
  });
  return { client, sleeps, logs, retries, clock };
}

/** Vendors whose policy honours an Idempotency-Key on POST. */
export const vendorsKeyingPost: VendorId[] = vendorIds.filter((id) => {
  const { idempotency } = getVendor(id).policy;
  return idempotency.supported && (idempotency.methods ?? []).includes('POST');
});

/** The OAuth vendor needs its token endpoint answered before any API call; others need nothing. */
export function mockAuthFor(vendorId: VendorId): void {
  if (getVendor(vendorId).policy.authentication.scheme === 'oauth2_client_credentials') mockTokenEndpoint();
}
