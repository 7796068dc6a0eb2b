import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { getVendor, type VendorId, vendorIds } from '../../src/index.js';
import { resolveRequest } from '../../src/scenarios/resolve.js';
import { sendScenarioRequest } from '../../src/scenarios/runner.js';
import type { IdempotentCreate, ScenarioRequest } from '../../src/scenarios/types.js';
import { vendorScenarios } from '../../src/scenarios/vendors/index.js';
import { type RunningSimulator, startSimulator, VirtualClock } from '../../src/simulator/index.js';
import { atPointer, codeOf, eventually, parseJson } from './helpers.js';

/** A vendor that honours an idempotency key, and its scenario data's create. */
interface WriteCase {
  vendorId: VendorId;
  create: IdempotentCreate;
  header: string;
}

const writes: WriteCase[] = vendorIds.flatMap((vendorId) => {
  const { idempotency } = getVendor(vendorId).policy;
  const { create } = vendorScenarios[vendorId].behaviour;
  return idempotency.supported && idempotency.header
    ? [{ vendorId, create, header: idempotency.header }]
    : [];
});

const CONCURRENCY = 200;
let sim: RunningSimulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const target = (running: RunningSimulator, write: WriteCase) => ({
  baseUrl: running.url(write.vendorId),
  credentials: running.credentials(write.vendorId),
});

/** A fresh key; a UUID suits a vendor that asks for one and one that takes any opaque string. */
const freshKey = () => randomUUID();

/**
 * The create under `key`. Variant 0 is the create as the scenario data writes it; any other
 * variant gives the field the data changes for a mismatched retry a value of its own, so every
 * variant is a distinct body.
 */
function keyedCreate(
  running: RunningSimulator,
  write: WriteCase,
  key: string,
  variant: number,
): ScenarioRequest {
  const { request, other } = write.create;
  const keyed = { ...request, headers: { ...request.headers, [write.header]: key } };
  if (variant === 0) return keyed;
  const binding = running.credentials(write.vendorId);
  const field = other === undefined ? undefined : resolveRequest(binding, other).fields?.[0];
  if (field === undefined) throw new Error(`${write.vendorId}'s create names no field to change`);
  const original = atPointer(resolveRequest(binding, request).json, `/${field.replaceAll('.', '/')}`);
  const value = typeof original === 'number' ? original + variant : `${String(original)} ${variant}`;
  return { ...keyed, body: { ...request.body, set: { ...request.body?.set, [field]: value } } };
}

/** Sends the create; one key sends the same fresh values in every body, as a client's retry would. */
async function send(running: RunningSimulator, write: WriteCase, key: string, variant = 0) {
  const unique = key.replace(/-/g, '').slice(0, 16);
  const answer = await sendScenarioRequest(
    target(running, write),
    keyedCreate(running, write, key, variant),
    unique,
  );
  return { status: answer.status, body: parseJson(answer.body) };
}

/** The resources the vendor's model holds, seeded and created. */
function created(running: RunningSimulator, write: WriteCase): number {
  const count = running.stats(write.vendorId).resources;
  if (count === undefined) throw new Error(`${write.vendorId}'s model does not count its resources`);
  return count;
}

/** The path the create is sent to, for a fault that holds it in flight. */
const createPath = (running: RunningSimulator, write: WriteCase) =>
  resolveRequest(running.credentials(write.vendorId), write.create.request).path;

describe.each(writes)('$vendorId idempotent creates over real HTTP', (write) => {
  const policy = getVendor(write.vendorId).policy.idempotency;
  const inFlightCode = policy.inFlight?.code;

  it(`${CONCURRENCY} concurrent writes with one key and one body create exactly one resource`, async () => {
    sim = await startSimulator({ vendors: [write.vendorId] });
    const running = sim;
    const before = created(running, write);
    const key = freshKey();
    const answers = await Promise.all(
      Array.from({ length: CONCURRENCY }, () => send(running, write, key, 0)),
    );

    expect(created(running, write)).toBe(before + 1);
    const successes = answers.filter((a) => a.status === 201);
    expect(new Set(successes.map((a) => JSON.stringify(a.body))).size).toBe(1);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer.status).toBe(policy.inFlight?.status);
      expect(codeOf(write.vendorId, answer.body)).toBe(inFlightCode);
    }
  });

  it('refuses a write with an empty Idempotency-Key and creates nothing', async () => {
    sim = await startSimulator({ vendors: [write.vendorId] });
    const running = sim;
    const before = created(running, write);
    const unique = freshKey().replace(/-/g, '').slice(0, 16);
    const answer = await sendScenarioRequest(
      target(running, write),
      keyedCreate(running, write, '', 0),
      unique,
    );
    expect(answer.status).toBe(400);
    expect(created(running, write)).toBe(before);
  });

  it(`${CONCURRENCY} writes arriving while the first is held in flight replay it or get the in-flight answer`, async () => {
    const clock = new VirtualClock();
    sim = await startSimulator({ vendors: [write.vendorId], clock });
    const running = sim;
    const before = created(running, write);
    const key = freshKey();
    running.faults.inject(write.vendorId, {
      route: createPath(running, write),
      method: 'POST',
      count: 1,
      delayMs: 5_000,
    });
    const first = send(running, write, key, 0);
    await eventually(() => running.stats(write.vendorId).idempotencyInFlight === 1);
    const rest = Array.from({ length: CONCURRENCY - 1 }, () => send(running, write, key, 0));
    if (inFlightCode) {
      // The vendor answers at once while the key is held, so every answer arrives before time moves.
      const answers = await Promise.all(rest);
      for (const answer of answers) expect(codeOf(write.vendorId, answer.body)).toBe(inFlightCode);
      clock.advance(5_000);
      expect((await first).status).toBe(201);
    } else {
      clock.advance(5_000);
      const original = await first;
      expect(original.status).toBe(201);
      for (const answer of await Promise.all(rest)) expect(answer).toEqual(original);
    }
    expect(created(running, write)).toBe(before + 1);
  });

  it(`${CONCURRENCY} concurrent writes with one key and different bodies: one wins, the rest get the documented conflict`, async () => {
    sim = await startSimulator({ vendors: [write.vendorId] });
    const running = sim;
    const before = created(running, write);
    const key = freshKey();
    const answers = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, i) => send(running, write, key, i)),
    );

    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer.status).toBe(policy.mismatch?.status);
      expect(codeOf(write.vendorId, answer.body)).toBe(policy.mismatch?.code);
    }
    expect(created(running, write)).toBe(before + 1);
  });

  it('replays the original answer for the same key and body, and creates nothing new', async () => {
    sim = await startSimulator({ vendors: [write.vendorId] });
    const key = freshKey();
    const first = await send(sim, write, key, 0);
    const before = created(sim, write);
    const again = await send(sim, write, key, 0);
    expect(again).toEqual(first);
    expect(created(sim, write)).toBe(before);
  });
});

/** Vendors whose policy gives the idempotency window a length. */
const windowed = writes.flatMap((write) => {
  const seconds = getVendor(write.vendorId).policy.idempotency.windowSeconds;
  return typeof seconds === 'number' ? [{ ...write, windowMs: seconds * 1000 }] : [];
});

describe.each(windowed)('the $vendorId idempotency window', (write) => {
  it('forgets a key once the window has passed, so the same key then creates again', async () => {
    const clock = new VirtualClock();
    sim = await startSimulator({ vendors: [write.vendorId], clock });
    const key = freshKey();
    const first = await send(sim, write, key);
    clock.advance(write.windowMs - 1);
    expect(await send(sim, write, key)).toEqual(first);
    clock.advance(1);
    const later = await send(sim, write, key);
    expect(later.status).toBe(201);
    expect(later.body).not.toEqual(first.body);
  });
});
