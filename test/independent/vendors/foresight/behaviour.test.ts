import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { codeOf } from '../../answers.js';
import { call } from '../../call.js';
import { withVendor } from '../../with-vendor.js';

describe('idempotency keys', () => {
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
      expect([inUse.status, codeOf('foresight', inUse)]).toEqual([409, 'idempotency_key_in_use']);
      const first = await held;
      expect(first.status).toBe(201);
      const replay = await call(directory, keyed);
      expect([replay.status, replay.body]).toEqual([first.status, first.body]);
    });
  });
});
