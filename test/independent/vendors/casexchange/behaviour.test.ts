import { describe, expect, it } from 'vitest';
import { call } from '../../call.js';
import { withVendor } from '../../with-vendor.js';

describe('bodies', () => {
  it('answers a declared body larger than anything it reads at once, without waiting for the bytes', async () => {
    await withVendor('casexchange', async (directory) => {
      const answer = await call(directory, { operation: 'createCase', json: {}, declaredLength: 10_000_000 });
      expect(answer.status).toBe(413);
    });
  });
});
