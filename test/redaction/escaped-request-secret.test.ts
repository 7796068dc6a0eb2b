import { describe, expect, it } from 'vitest';
import { collectSecrets, redactExchange } from '../../src/redaction/exchange.js';
import type { Exchange } from '../../src/report/result.js';

/** A secret sent JSON-escaped in a request body, and the plain spelling a server echoes back. */
const cases: { title: string; sent: string; echoed: string }[] = [
  { title: 'with / escaped as \\/', sent: 'sk\\/live+Ab123', echoed: 'sk/live+Ab123' },
  { title: 'with + escaped as \\u002B', sent: 'sk_live\\u002BAb123', echoed: 'sk_live+Ab123' },
  { title: 'with a quote escaped as \\"', sent: 'sk\\"live9Ab', echoed: 'sk"live9Ab' },
];

function exchangeOf(sent: string, echoed: string): Exchange {
  return {
    atMs: 0,
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:9/v1/session',
      headers: { 'content-type': 'application/json' },
      body: { text: `{"apiKey":"${sent}"}`, truncated: false },
    },
    response: {
      status: 401,
      headers: { 'content-type': 'text/plain' },
      body: { text: `key ${echoed} refused`, truncated: false },
    },
  } as Exchange;
}

describe('a secret sent JSON-escaped in a request body', () => {
  it.each(cases)('is blanked where the answer echoes it plainly, $title', ({ sent, echoed }) => {
    const exchange = exchangeOf(sent, echoed);
    const secrets = collectSecrets([exchange]);
    expect(secrets).toContain(echoed);
    const redacted = redactExchange(exchange, secrets);
    expect(redacted.response?.body?.text).toBe('key [REDACTED] refused');
    expect(JSON.stringify(redacted)).not.toContain(echoed.replace(/"/g, '\\"'));
  });
});
