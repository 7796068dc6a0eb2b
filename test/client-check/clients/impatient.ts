import type { ClientFactory } from '../../../src/client-check/types.js';

/**
 * Aborts each call after 5 s of (virtual) time and repeats an aborted call once, with the same
 * headers: no Idempotency-Key at all. The first copy is never answered, yet it was sent.
 */
export const impatientClient: ClientFactory = (context) => async (call) => {
  const send = async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 5_000);
    try {
      const init: RequestInit = {
        method: call.method,
        headers: { ...(await context.authHeaders()), ...call.headers, 'content-type': 'application/json' },
        signal: controller.signal,
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      };
      return await fetch(`${context.baseUrl}${call.path}`, init);
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    return { status: (await send()).status };
  } catch {
    return { status: (await send()).status };
  }
};
