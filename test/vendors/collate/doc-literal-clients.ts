import type { LiteralBehaviour, VendorClientCases } from '../../client-check/doc-literal/literal-client.js';

/**
 * Collate documents little a client must do: "Retry later." for workflow_backend_unavailable and
 * "Use a new create idempotency key or resend the exact original body." Its schedule, jitter, limit
 * and key header are the project's readings, so departing from them is advice.
 */
const plainFetch: LiteralBehaviour = {
  retryOn: [],
  delays: [0],
  jitterMs: 0,
  maxCalls: 1,
  serverWait: 'ignore',
  keyedWrites: false,
  retryWrites: false,
  onKeyRefusal: 'stop',
};
const quickRetries: LiteralBehaviour = {
  retryOn: [503],
  delays: [300, 600],
  jitterMs: 0,
  maxCalls: 3,
  serverWait: 'ignore',
  keyedWrites: true,
  retryWrites: true,
  onKeyRefusal: 'same-key',
};

export const clientCases: VendorClientCases = {
  literal: [
    { name: 'plain fetch: never retries anything, a bare 500 included', behaviour: plainFetch },
    {
      name: 'retries a 503 twice, fast and without jitter, and resends a refused key with the exact original body',
      behaviour: quickRetries,
    },
    {
      name: 'repeats a 401, 403 and 404 once (no line says not to)',
      behaviour: { ...plainFetch, maxCalls: 2, repeats: { 401: 1, 403: 1, 404: 1 } },
    },
  ],
  breaking: [
    {
      name: 'resends a refused key with another body',
      breaks: ['idempotency.fresh_key'],
      behaviour: { ...quickRetries, onKeyRefusal: 'same-key-other-body' },
    },
  ],
};
