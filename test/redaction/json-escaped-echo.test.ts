import { describe, expect, it } from 'vitest';
import { redactCheck } from '../../src/conformance/redact-check.js';
import { createClient, normalizeError, type VendorApiError } from '../../src/index.js';
import { renderHtml } from '../../src/report/reporters/html.js';
import type { CheckResult, RunResult } from '../../src/report/result.js';
import { redactRecorded } from '../../src/runner/cassettes/redact-cassette.js';

/** A key with the characters servers escape: `+` as \u002B (.NET), `/` as \/ (PHP). */
const KEY = 'SENTINELkey+9Qz/4fLp';

/** The ways a server may echo the key inside a JSON string; each decodes back to KEY. */
const echoes: { title: string; body: string }[] = [
  { title: 'with + escaped as \\u002B', body: `{"message":"key ${KEY.replace('+', '\\u002B')} refused"}` },
  { title: 'with / escaped as \\/', body: `{"message":"key ${KEY.replace('/', '\\/')} refused"}` },
  {
    title: 'with every character escaped',
    body: `{"message":"key ${[...KEY].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}`,
  },
  {
    title: 'quoted inside a message',
    body: `{"message":"the key \\"${KEY.replace('/', '\\/')}\\" is unknown"}`,
  },
  {
    title: 'nested with lower-case hex escapes',
    body: `{"error":{"detail":["${KEY.replace('+', '\\u002b').replace('/', '\\u002f')}"]}}`,
  },
];

/** What a reader (JSON.parse, the HTML pretty-printer) would get back from a text. */
function decodedForms(text: string): string {
  try {
    return `${text}\n${JSON.stringify(JSON.parse(text))}\n${JSON.parse(`"${text.replace(/"/g, '\\"')}"`)}`;
  } catch {
    return text;
  }
}

function expectNoKey(text: string, where: string): void {
  expect(decodedForms(text), where).not.toContain(KEY);
  expect(
    text
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
      .replace(/\\\//g, '/'),
    where,
  ).not.toContain(KEY);
}

describe('a secret echoed JSON-escaped', () => {
  it.each(echoes)('is blanked in normalizeError().raw.body $title', ({ body }) => {
    const normalized = normalizeError('foresight', { status: 401, body }, { redact: { secrets: [KEY] } });
    expectNoKey(normalized.raw.body, 'raw.body');
    expectNoKey(JSON.stringify(normalized), 'the whole normalized error');
  });

  it.each(echoes)('is blanked in VendorApiError.supportBundle $title', async ({ body }) => {
    const client = createClient('foresight', {
      baseUrl: 'http://127.0.0.1:9',
      credentials: { apiKey: KEY },
      fetch: async () => new Response(body, { status: 401, headers: { 'content-type': 'application/json' } }),
    });
    const failure = (await client
      .request('GET', '/v1/things')
      .catch((error: unknown) => error)) as VendorApiError;
    expect(failure.status).toBe(401);
    expectNoKey(JSON.stringify(failure.supportBundle), 'supportBundle');
    expectNoKey(failure.supportBundle.responseBody, 'supportBundle.responseBody');
  });

  it.each(echoes)('is blanked in the HTML report and the cassette $title', ({ body }) => {
    const check: CheckResult = {
      id: 'auth.invalid_api_key',
      path: 'unauthenticated',
      title: 'an invalid key',
      outcome: 'fail',
      failures: [{ message: 'unexpected answer' }],
      drift: [],
      exchanges: [
        {
          atMs: 0,
          request: { method: 'GET', url: 'http://127.0.0.1:9/v1/things', headers: { 'x-api-key': KEY } },
          response: {
            status: 401,
            headers: { 'content-type': 'application/json' },
            body: { text: body, truncated: false },
          },
        },
      ],
      requests: 1,
      simulatedWaitMs: 0,
      durationMs: 1,
    } as CheckResult;
    const recorded = redactCheck('foresight', 'http://127.0.0.1:9', check, [KEY]);
    const result: RunResult = {
      schemaVersion: 1,
      tool: { name: 'error-contracts', version: '0' },
      target: 'sandbox',
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:01.000Z',
      wallTimeMs: 1,
      simulatedWaitMs: 0,
      requests: 1,
      vendors: [{ id: 'foresight', name: 'Foresight', baseUrl: 'http://127.0.0.1:9', checks: [recorded] }],
      totals: { fail: 1, drift: 0, pass: 0, skipped: 0, not_applicable: 0 },
    };
    const html = renderHtml(result);
    expectNoKey(
      html
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&'),
      'HTML report',
    );
    const cassette = redactRecorded(
      'foresight',
      'http://127.0.0.1:9',
      [
        {
          at: 0,
          request: { method: 'GET', url: 'http://127.0.0.1:9/v1/things', headers: { 'x-api-key': KEY } },
          response: { status: 401, headers: {}, body },
        },
      ],
      [KEY],
    );
    expectNoKey(JSON.stringify(cassette), 'cassette');
  });
});
