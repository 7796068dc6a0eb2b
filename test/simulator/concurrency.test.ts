import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { getVendor, type VendorId } from '../../src/index.js';
import { type RunningSimulator, startSimulator, VirtualClock } from '../../src/simulator/index.js';
import { codeOf, eventually, parseJson } from './helpers.js';

/** A create per vendor that honours Idempotency-Key, and how to count what it created. */
interface WriteCase {
  vendorId: VendorId;
  path: string;
  body: (variant: number) => unknown;
  listPath: string;
  count: (listBody: unknown) => number;
  key: () => string;
}

const writes: WriteCase[] = [
  {
    vendorId: 'collate',
    path: '/v1/prior-authorizations',
    body: (variant) => ({
      providerNpi: '1234567893',
      payerId: 'payer_northwind',
      state: 'CA',
      serviceType: 'imaging',
      serviceCode: '70551',
      patient: { firstName: 'Test', lastName: `Patient ${variant}`, birthDate: '1980-04-03' },
      policy: { finalSubmission: 'review' },
    }),
    listPath: '/v1/prior-authorizations',
    count: (list) => (list as { data: unknown[] }).data.length,
    key: () => `create-${randomUUID()}`,
  },
  {
    vendorId: 'foresight',
    path: '/v1/claims',
    body: (variant) => ({
      patientId: '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5',
      payerId: 'PAYER_ACME',
      claimType: 'professional',
      totalChargeCents: 10_000 + variant,
    }),
    listPath: '/v1/claims',
    count: (list) => (list as { data: unknown[] }).data.length,
    key: () => `claim-${randomUUID()}`,
  },
  {
    vendorId: 'denialbase',
    path: '/api/v1/denials',
    body: (variant) => ({
      claim_number: `CLM-${variant}`,
      denial_type: 'coding',
      amount_cents: 100 + variant,
    }),
    listPath: '/api/v1/denials',
    count: (list) => (list as { denials: unknown[] }).denials.length,
    key: () => randomUUID(),
  },
];

const CONCURRENCY = 200;
let sim: RunningSimulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function call(
  running: RunningSimulator,
  write: WriteCase,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
) {
  const credential = running.credentials(write.vendorId).roles.valid;
  if (credential?.kind !== 'header') throw new Error('expected a header credential');
  const response = await fetch(`${running.url(write.vendorId)}${path}`, {
    method,
    headers: { [credential.header]: credential.value, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: parseJson(await response.text()) };
}

async function created(running: RunningSimulator, write: WriteCase): Promise<number> {
  const list = await call(running, write, 'GET', write.listPath);
  return write.count(list.body);
}

describe.each(writes)('$vendorId idempotent creates over real HTTP', (write) => {
  const policy = getVendor(write.vendorId).policy.idempotency;
  const inFlightCode = policy.inFlight?.code;

  it(`${CONCURRENCY} concurrent writes with one key and one body create exactly one resource`, async () => {
    sim = await startSimulator({ vendors: [write.vendorId] });
    const running = sim;
    const before = await created(running, write);
    const key = write.key();
    const answers = await Promise.all(
      Array.from({ length: CONCURRENCY }, () =>
        call(running, write, 'POST', write.path, { 'Idempotency-Key': key }, write.body(1)),
      ),
    );

    expect(await created(running, write)).toBe(before + 1);
    const successes = answers.filter((a) => a.status === 201);
    expect(new Set(successes.map((a) => JSON.stringify(a.body))).size).toBe(1);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer.status).toBe(policy.inFlight?.status);
      expect(codeOf(answer.body)).toBe(inFlightCode);
    }
  });

  it('refuses a write with an empty Idempotency-Key and creates nothing', async () => {
    sim = await startSimulator({ vendors: [write.vendorId] });
    const running = sim;
    const before = await created(running, write);
    const answer = await call(running, write, 'POST', write.path, { 'Idempotency-Key': '' }, write.body(1));
    expect(answer.status).toBe(400);
    expect(await created(running, write)).toBe(before);
  });

  it(`${CONCURRENCY} writes arriving while the first is held in flight replay it or get the in-flight answer`, async () => {
    const clock = new VirtualClock();
    sim = await startSimulator({ vendors: [write.vendorId], clock });
    const running = sim;
    const before = await created(running, write);
    const key = write.key();
    running.faults.inject(write.vendorId, { route: write.path, method: 'POST', count: 1, delayMs: 5_000 });
    const first = call(running, write, 'POST', write.path, { 'Idempotency-Key': key }, write.body(1));
    await eventually(() => running.stats(write.vendorId).idempotencyInFlight === 1);
    const rest = Array.from({ length: CONCURRENCY - 1 }, () =>
      call(running, write, 'POST', write.path, { 'Idempotency-Key': key }, write.body(1)),
    );
    if (inFlightCode) {
      // The vendor answers at once while the key is held, so every answer arrives before time moves.
      const answers = await Promise.all(rest);
      for (const answer of answers) expect(codeOf(answer.body)).toBe(inFlightCode);
      clock.advance(5_000);
      expect((await first).status).toBe(201);
    } else {
      clock.advance(5_000);
      const original = await first;
      expect(original.status).toBe(201);
      for (const answer of await Promise.all(rest)) expect(answer).toEqual(original);
    }
    expect(await created(running, write)).toBe(before + 1);
  });

  it(`${CONCURRENCY} concurrent writes with one key and different bodies: one wins, the rest get the documented conflict`, async () => {
    sim = await startSimulator({ vendors: [write.vendorId] });
    const running = sim;
    const before = await created(running, write);
    const key = write.key();
    const answers = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, i) =>
        call(running, write, 'POST', write.path, { 'Idempotency-Key': key }, write.body(i)),
      ),
    );

    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer.status).toBe(policy.mismatch?.status);
      expect(codeOf(answer.body)).toBe(policy.mismatch?.code);
    }
    expect(await created(running, write)).toBe(before + 1);
  });

  it('replays the original answer for the same key and body, and creates nothing new', async () => {
    sim = await startSimulator({ vendors: [write.vendorId] });
    const key = write.key();
    const first = await call(sim, write, 'POST', write.path, { 'Idempotency-Key': key }, write.body(7));
    const before = await created(sim, write);
    const again = await call(sim, write, 'POST', write.path, { 'Idempotency-Key': key }, write.body(7));
    expect(again).toEqual(first);
    expect(await created(sim, write)).toBe(before);
  });
});

describe('the idempotency window', () => {
  it('Denialbase forgets a key after 24 hours, so the same key then creates again', async () => {
    const clock = new VirtualClock();
    sim = await startSimulator({ vendors: ['denialbase'], clock });
    const write = writes[2] as WriteCase;
    const key = write.key();
    const first = await call(sim, write, 'POST', write.path, { 'Idempotency-Key': key }, write.body(1));
    clock.advance(24 * 60 * 60 * 1000 - 1);
    expect(await call(sim, write, 'POST', write.path, { 'Idempotency-Key': key }, write.body(1))).toEqual(
      first,
    );
    clock.advance(1);
    const later = await call(sim, write, 'POST', write.path, { 'Idempotency-Key': key }, write.body(1));
    expect(later.status).toBe(201);
    expect(later.body).not.toEqual(first.body);
  });
});
