import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/create-client.js';
import { clientHarness } from '../helpers/client-harness.js';

/** Everything an error carries, its cause included, as a log or a serialiser would see it. */
function everything(error: unknown): string {
  const seen: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const value = current as Error & { cause?: unknown };
    seen.push(String(value.message), String(value.stack), JSON.stringify(value));
    current = value.cause;
  }
  return seen.join('\n');
}

describe('client errors about a credential or a base URL', () => {
  it('do not quote a credential holding a line break: a project error, not the runtime TypeError', async () => {
    const secret = 'SENTINEL-key-part-one\r\nx-injected: SENTINEL-key-part-two';
    const { client } = clientHarness('foresight', secret);
    const error = await client.request('GET', '/x').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ERR_INVALID_CREDENTIALS' });
    expect(everything(error)).not.toContain('SENTINEL');
  });

  it('do not keep a base URL password in the cause', async () => {
    const client = createClient('foresight', {
      baseUrl: 'https://user:SENTINEL-base-password@api.foresight.example',
      credentials: { apiKey: 'fs_test_key_1234' } as never,
      maxAttempts: 1,
      sleep: async () => {},
      fetch: async (input) => {
        throw new TypeError(
          `Request cannot be constructed from a URL that includes credentials: ${String(input)}`,
        );
      },
    });
    const error = await client.request('GET', '/x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(everything(error)).not.toContain('SENTINEL-base-password');
  });
});
