import { describe, expect, it } from 'vitest';
import { bodyOf } from '../../answers.js';
import { call } from '../../call.js';
import { idOf, withVendor } from '../../with-vendor.js';

describe('idempotency keys', () => {
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
});
