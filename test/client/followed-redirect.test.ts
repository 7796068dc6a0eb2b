import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/create-client.js';
import { RedirectError } from '../../src/client/errors.js';
import type { FetchResponse } from '../../src/http-types.js';

/**
 * The client asks fetch not to follow redirects; a custom fetch function that follows one anyway
 * (or hides it behind an opaque answer) has carried the credentials elsewhere, so the client fails
 * closed with RedirectError rather than using the answer.
 */
function answer(fields: Partial<FetchResponse>): FetchResponse {
  return {
    ok: true,
    status: 200,
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => '{}',
    arrayBuffer: async () => new ArrayBuffer(0),
    ...fields,
  };
}

function clientAnswering(response: FetchResponse) {
  return createClient('foresight', {
    baseUrl: 'https://api.foresight.example',
    credentials: { apiKey: 'fs_test_key_1234' } as never,
    maxAttempts: 1,
    sleep: async () => {},
    fetch: async () => response,
  });
}

describe('a fetch function that handles redirects itself', () => {
  it.each([
    [
      'followed a redirect',
      answer({ redirected: true, url: 'https://elsewhere.example/x' }),
      /followed a redirect to elsewhere\.example/,
    ],
    [
      'returned an opaque redirect',
      answer({ ok: false, status: 0, type: 'opaqueredirect' }),
      /opaque redirect/,
    ],
  ])('that %s makes the call fail with RedirectError', async (_label, response, reason) => {
    const error = await clientAnswering(response)
      .request('GET', '/x')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as Error).message).toMatch(reason);
  });

  it('a 3xx answer is named with its reason phrase', async () => {
    const error = await clientAnswering(answer({ ok: false, status: 307 }))
      .request('GET', '/x')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as Error).message).toContain('307 Temporary Redirect');
  });
});
