import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

/**
 * Every client test talks to nock only: real connections are refused, and each test must use
 * exactly the mocks it set up (`strict`), so a missing or extra call fails the test that made it.
 */
export function isolateNetwork({ strict }: { strict: boolean }): void {
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    if (strict) expect(pending).toEqual([]);
  });
}
