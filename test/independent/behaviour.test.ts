import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { VendorId } from '../../src/vendors/registry.js';
import { bodyOf, codeOf } from './answers.js';
import { type Answer, call, requestToken, send } from './call.js';
import { type IndependentOptions, startIndependentVendors } from './index.js';
import type { VendorDirectory } from './types.js';

/** Runs `body` against fresh servers of one vendor and always closes them. */
async function withVendor<T>(
  vendorId: VendorId,
  body: (directory: VendorDirectory) => Promise<T>,
  options: IndependentOptions = {},
): Promise<T> {
  const started = await startIndependentVendors({ ...options, vendors: [vendorId] });
  try {
    return await body(started.directory[vendorId] as VendorDirectory);
  } finally {
    await started.close();
  }
}

const idOf = (answer: Answer) => (bodyOf(answer) as { id?: string } | undefined)?.id;
const RATE_HEADERS = ['retry-after', 'x-ratelimit-reset', 'x-ratelimit-remaining', 'x-ratelimit-limit'];

describe.concurrent('rate limits of the independent vendors', () => {
  const limited = [
    { vendorId: 'casexchange', operation: 'getFirm', header: 'x-ratelimit-reset' },
    { vendorId: 'foresight', operation: 'listClaims', header: 'retry-after' },
    { vendorId: 'denialbase', operation: 'listDenials', header: 'retry-after' },
  ] as const;

  it.each(limited)(
    '$vendorId refuses a burst with 429 and $header, lifts the limit by the advertised time, and sends no rate headers otherwise',
    async ({ vendorId, operation, header }) => {
      await withVendor(
        vendorId,
        async (directory) => {
          const read = () => call(directory, { operation, role: 'rateLimited' });
          let answer = await read();
          for (let sent = 1; sent < 5 && answer.status !== 429; sent++) {
            expect(RATE_HEADERS.filter((name) => answer.headers[name] !== undefined)).toEqual([]);
            answer = await read();
          }
          expect(answer.status).toBe(429);
          const advertisedSeconds = Number(answer.headers[header]);
          // Seconds from now, whichever header: CaseXchange's reset is read as a delta here.
          expect(advertisedSeconds).toBeGreaterThanOrEqual(1);
          expect(advertisedSeconds).toBeLessThanOrEqual(2);
          expect((await read()).status).toBe(429);
          await sleep(advertisedSeconds * 1000);
          expect((await read()).status).toBe(200);
        },
        { rateLimitRefillMs: 800 },
      );
    },
  );

  const early = [
    // Retry-After rounds the wait for the next token up to whole seconds.
    {
      vendorId: 'foresight',
      operation: 'listClaims',
      header: 'retry-after',
      refillMs: 900,
      advertised: '1',
      waitMs: 950,
    },
    // X-RateLimit-Reset counts until the bucket is full, the next token comes sooner.
    {
      vendorId: 'casexchange',
      operation: 'getFirm',
      header: 'x-ratelimit-reset',
      refillMs: 1000,
      advertised: '2',
      waitMs: 1100,
    },
  ] as const;

  it.each(early)(
    '$vendorId lets a request through as soon as one token is back, before the $advertised s its $header advertises',
    async ({ vendorId, operation, header, refillMs, advertised, waitMs }) => {
      await withVendor(
        vendorId,
        async (directory) => {
          const read = () => call(directory, { operation, role: 'rateLimited' });
          for (let i = 0; i < 2; i++) expect((await read()).status).toBe(200);
          const refused = await read();
          expect(refused.headers[header]).toBe(advertised);
          await sleep(waitMs);
          expect((await read()).status).toBe(200);
        },
        { rateLimitRefillMs: refillMs },
      );
    },
  );
});

describe('ClaimRev credentials', () => {
  it('issues one-hour tokens: accepted just before the hour, refused with 401 after it, and a new token works', async () => {
    let now = Date.UTC(2026, 5, 1, 9, 0, 0);
    await withVendor(
      'claimrev',
      async (directory) => {
        const valid = directory.credentials.valid;
        if (valid?.kind !== 'oauthClient') throw new Error('the valid ClaimRev role is an OAuth client');
        const issued = await requestToken(valid);
        expect(issued.status).toBe(200);
        expect((bodyOf(issued) as { expires_in: number }).expires_in).toBe(3600);
        const readWith = (token: string) =>
          call(directory, {
            operation: 'getClaim',
            role: 'none',
            headers: { Authorization: `Bearer ${token}` },
            query: { accountNumber: '{{facts.accountNumber}}' },
          });
        const token = (bodyOf(issued) as { access_token: string }).access_token;
        now += 3_599_000;
        expect((await readWith(token)).status).toBe(200);
        now += 1_000;
        const lapsed = await readWith(token);
        expect(lapsed.status).toBe(401);
        expect(lapsed.headers['www-authenticate']).toMatch(/^Bearer /);
        const renewed = (bodyOf(await requestToken(valid)) as { access_token: string }).access_token;
        expect((await readWith(renewed)).status).toBe(200);
      },
      { now: () => now },
    );
  });

  it('answers invalid_client with 400 for form credentials and 401 with a challenge for HTTP Basic', async () => {
    await withVendor('claimrev', async (directory) => {
      const valid = directory.credentials.valid;
      if (valid?.kind !== 'oauthClient') throw new Error('the valid ClaimRev role is an OAuth client');
      const inForm = await requestToken(valid, { client_secret: 'not-it' });
      expect([inForm.status, codeOf(inForm)]).toEqual([400, 'invalid_client']);
      const basic = Buffer.from(`${valid.clientId}:not-it`).toString('base64');
      const form = `grant_type=client_credentials&scope=${encodeURIComponent(valid.scope)}`;
      const viaBasic = await send(
        valid.tokenUrl,
        'POST',
        { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        Buffer.from(form),
      );
      expect([viaBasic.status, codeOf(viaBasic)]).toEqual([401, 'invalid_client']);
      expect(viaBasic.headers['www-authenticate']).toMatch(/^Basic /);
    });
  });
});

describe('Denialbase sessions', () => {
  const cookieOf = (answer: Answer) => answer.headers['set-cookie']?.split(';')[0] ?? '';

  it('signs in with e-mail and password and serves the new session', async () => {
    await withVendor('denialbase', async (directory) => {
      const signedIn = await call(directory, {
        operation: 'signIn',
        role: 'none',
        json: { email: '{{facts.email}}', password: '{{facts.password}}' },
      });
      expect(signedIn.status).toBe(200);
      expect(cookieOf(signedIn)).toMatch(/^_dnb_sid=/);
      const read = await call(directory, {
        operation: 'listDenials',
        role: 'none',
        headers: { Cookie: cookieOf(signedIn) },
      });
      expect(read.status).toBe(200);
    });
  });

  it('holds a two-factor sign-in at 402 until the one-time code is given', async () => {
    await withVendor('denialbase', async (directory) => {
      const pending = await call(directory, {
        operation: 'signIn',
        role: 'none',
        json: { email: '{{facts.twoFactorEmail}}', password: '{{facts.twoFactorPassword}}' },
      });
      expect([pending.status, codeOf(pending)]).toEqual([402, 'two_factor_required']);
      const held = { Cookie: cookieOf(pending) };
      expect((await call(directory, { operation: 'listDenials', role: 'none', headers: held })).status).toBe(
        402,
      );
      const submit = (code: string) =>
        call(directory, {
          operation: 'completeSecondFactor',
          role: 'none',
          headers: held,
          json: { otp_attempt: code },
        });
      expect((await submit('000000')).status).toBe(402);
      const done = await submit('{{facts.oneTimeCode}}');
      expect(done.status).toBe(200);
      const read = await call(directory, {
        operation: 'listDenials',
        role: 'none',
        headers: { Cookie: cookieOf(done) },
      });
      expect(read.status).toBe(200);
    });
  });
});

describe('idempotency keys', () => {
  const denial = { claim_number: 'CN-3001', denial_type: 'coding', amount_cents: 1_200 };
  const countDenials = async (directory: VendorDirectory) =>
    (bodyOf(await call(directory, { operation: 'listDenials' })) as { claim_denials: unknown[] })
      .claim_denials.length;

  it('Denialbase answers a key reused with another body with the original result and creates nothing', async () => {
    await withVendor('denialbase', async (directory) => {
      const key = { 'Idempotency-Key': '1d1c5a1e-9b0e-4d55-8f0b-77a6c1e2d3f4' };
      const first = await call(directory, { operation: 'createDenial', headers: key, json: denial });
      const before = await countDenials(directory);
      const reused = await call(directory, {
        operation: 'createDenial',
        headers: key,
        json: { ...denial, amount_cents: 7 },
      });
      expect(reused.status).toBe(first.status);
      expect(idOf(reused)).toBe(idOf(first));
      expect(await countDenials(directory)).toBe(before);
    });
  });

  it('Denialbase with the duplicate bug creates a second denial for a repeated key', async () => {
    await withVendor(
      'denialbase',
      async (directory) => {
        const key = { 'Idempotency-Key': '0e0f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b' };
        const first = await call(directory, { operation: 'createDenial', headers: key, json: denial });
        const again = await call(directory, { operation: 'createDenial', headers: key, json: denial });
        expect(idOf(again)).not.toBe(idOf(first));
      },
      { bugs: ['denialbase.replay-creates-duplicate'] },
    );
  });

  it('Collate replays an exact repeat as the same authorization with 200, and adds none', async () => {
    await withVendor('collate', async (directory) => {
      const create = {
        providerNpi: '{{facts.providerNpi}}',
        payerId: '{{facts.payerId}}',
        serviceCode: '{{facts.serviceCode}}',
        patient: { firstName: 'Kim', lastName: 'Sato', birthDate: '1990-01-01' },
        policy: { finalSubmission: 'auto' },
      };
      const keyed = {
        operation: 'createAuthorization',
        headers: { 'Idempotency-Key': 'collate-create-1' },
        json: create,
      };
      const count = async () =>
        (bodyOf(await call(directory, { operation: 'listAuthorizations' })) as { data: unknown[] }).data
          .length;
      const first = await call(directory, keyed);
      const before = await count();
      const replay = await call(directory, keyed);
      expect([first.status, replay.status]).toEqual([201, 200]);
      expect(idOf(replay)).toBe(idOf(first));
      expect(await count()).toBe(before);
    });
  });

  it('Foresight refuses a key whose first write is still running, then replays the finished write', async () => {
    await withVendor('foresight', async (directory) => {
      const keyed = {
        operation: 'createClaim',
        headers: { 'Idempotency-Key': 'fs-slow-1' },
        json: {
          patientId: '{{facts.patientId}}',
          payerId: '{{facts.slowPayerId}}',
          claimType: 'professional',
          totalChargeCents: 500,
        },
      };
      const held = call(directory, keyed);
      await sleep(200);
      const inUse = await call(directory, keyed);
      expect([inUse.status, codeOf(inUse)]).toEqual([409, 'idempotency_key_in_use']);
      const first = await held;
      expect(first.status).toBe(201);
      const replay = await call(directory, keyed);
      expect([replay.status, replay.body]).toEqual([first.status, first.body]);
    });
  });
});

describe('startIndependentVendors', () => {
  it('starts all five with directories of their own and leaves nothing listening after close', async () => {
    const started = await startIndependentVendors();
    const directories = Object.values(started.directory);
    expect(Object.keys(started.directory).sort()).toEqual([
      'casexchange',
      'claimrev',
      'collate',
      'denialbase',
      'foresight',
    ]);
    for (const directory of directories) {
      expect(directory.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(Object.keys(directory.operations).length).toBeGreaterThan(3);
      expect(directory.credentials.valid).toBeDefined();
    }
    await started.close();
    for (const directory of directories)
      await expect(send(`${directory.baseUrl}/`, 'GET', {})).rejects.toThrow(/ECONNREFUSED/);
  });

  it('answers a declared body larger than anything it reads at once, without waiting for the bytes', async () => {
    await withVendor('casexchange', async (directory) => {
      const answer = await call(directory, { operation: 'createCase', json: {}, declaredLength: 10_000_000 });
      expect(answer.status).toBe(413);
    });
  });

  it('gives every start its own ids and credentials, so nothing can be hard-coded against it', async () => {
    const [one, two] = [
      await startIndependentVendors({ vendors: ['collate'] }),
      await startIndependentVendors({ vendors: ['collate'] }),
    ];
    try {
      expect(one.directory.collate?.facts.authorizationId).not.toBe(
        two.directory.collate?.facts.authorizationId,
      );
      expect(one.directory.collate?.credentials.valid).not.toEqual(two.directory.collate?.credentials.valid);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
