import { describe, expect, it } from 'vitest';
import { findDrift } from '../../scripts/generate.js';

describe('generated code', () => {
  it('matches what the generator produces from schemas/ today', async () => {
    // On failure the list names each stale file; `npm run generate` fixes it.
    expect(await findDrift()).toEqual([]);
  }, 60_000);
});
