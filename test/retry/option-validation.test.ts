import { describe, expect, it } from 'vitest';
import {
  createClient,
  decideRetry,
  ErrorContractsError,
  normalizeError,
  type ResponseInput,
} from '../../src/index.js';
import { fixedNow } from '../helpers/vendor-bodies.js';

const serverError = normalizeError('collate', { status: 503 }, { now: fixedNow });

/** Options that are programming errors, each with the option the error must name. */
const badRetryOptions: { title: string; options: Record<string, unknown>; names: string }[] = [
  { title: 'attempt NaN', options: { attempt: Number.NaN }, names: 'attempt' },
  { title: 'attempt Infinity', options: { attempt: Number.POSITIVE_INFINITY }, names: 'attempt' },
  { title: 'attempt as a string', options: { attempt: '1' }, names: 'attempt' },
  { title: 'maxAttempts NaN', options: { maxAttempts: Number.NaN }, names: 'maxAttempts' },
  { title: 'maxRetryAfterMs NaN', options: { maxRetryAfterMs: Number.NaN }, names: 'maxRetryAfterMs' },
  { title: 'method missing', options: { method: undefined }, names: 'method' },
  { title: 'random not a function', options: { random: 0.5 }, names: 'random' },
  { title: 'random returning NaN', options: { random: () => Number.NaN }, names: 'random' },
];

describe('decideRetry option checks', () => {
  it.each(badRetryOptions)('throws ERR_INVALID_OPTION naming the option for $title', ({ options, names }) => {
    const call = () =>
      decideRetry('collate', serverError, { attempt: 1, method: 'GET', ...options } as never);
    expect(call).toThrow(ErrorContractsError);
    expect(call).toThrow(expect.objectContaining({ code: 'ERR_INVALID_OPTION' }));
    expect(call).toThrow(new RegExp(`\\b${names}\\b`));
  });

  it.each([
    { title: 'NaN', retryAfterMs: Number.NaN },
    { title: 'Infinity', retryAfterMs: Number.POSITIVE_INFINITY },
    { title: 'negative', retryAfterMs: -5000 },
  ])('treats a $title server wait as absent and waits by the schedule', ({ retryAfterMs }) => {
    const odd = { ...serverError, retryAfterMs, retryAfterSource: 'retry-after-seconds' };
    const options = { attempt: 1, method: 'GET', random: () => 0 };
    const decision = decideRetry('foresight', odd as typeof serverError, options);
    const plain = decideRetry('foresight', { ...serverError, retryAfterMs: null }, options);
    expect(decision.retry).toBe(true);
    expect(decision.delayMs).toBe(plain.delayMs);
    expect(Number.isFinite(decision.delayMs)).toBe(true);
  });

  it('never turns a Retry-After beyond the longest timer into a short wait, even with an unlimited ceiling', () => {
    const huge = { ...serverError, retryAfterMs: 2 ** 31 + 5_000, retryAfterSource: 'retry-after-seconds' };
    const decision = decideRetry('foresight', huge as typeof serverError, {
      attempt: 1,
      method: 'GET',
      maxRetryAfterMs: Number.POSITIVE_INFINITY,
      random: () => 0,
    });
    expect(decision.retry).toBe(false);
    expect(decision.action).toBe('escalate_to_support');
  });
});

const badClientOptions: { title: string; options: Record<string, unknown>; names: string }[] = [
  { title: 'maxAttempts NaN', options: { maxAttempts: Number.NaN }, names: 'maxAttempts' },
  { title: 'timeoutMs Infinity', options: { timeoutMs: Number.POSITIVE_INFINITY }, names: 'timeoutMs' },
  { title: 'timeoutMs 3e9, beyond the longest timer', options: { timeoutMs: 3e9 }, names: 'timeoutMs' },
  { title: 'timeoutMs 1e12', options: { timeoutMs: 1e12 }, names: 'timeoutMs' },
  { title: 'timeoutMs 1.5, not an integer', options: { timeoutMs: 1.5 }, names: 'timeoutMs' },
  { title: 'timeoutMs 0', options: { timeoutMs: 0 }, names: 'timeoutMs' },
  { title: 'now as a number', options: { now: 123 }, names: 'now' },
  { title: 'sleep as a string', options: { sleep: 'soon' }, names: 'sleep' },
  { title: 'fetch as an object', options: { fetch: {} }, names: 'fetch' },
  { title: 'baseUrl missing', options: { baseUrl: undefined }, names: 'baseUrl' },
  { title: 'phiFields as a string', options: { phiFields: 'ssn' }, names: 'phiFields' },
];

describe('createClient option checks', () => {
  it.each(badClientOptions)(
    'throws ERR_INVALID_OPTION naming the option for $title',
    ({ options, names }) => {
      const call = () =>
        createClient('collate', {
          baseUrl: 'http://127.0.0.1:9',
          credentials: { token: 'tok-123456' },
          ...options,
        } as never);
      expect(call).toThrow(expect.objectContaining({ code: 'ERR_INVALID_OPTION' }));
      expect(call).toThrow(new RegExp(`\\b${names}\\b`));
    },
  );

  it('accepts timeoutMs of the longest timer, 2^31-1 ms', () => {
    expect(() =>
      createClient('collate', {
        baseUrl: 'http://127.0.0.1:9',
        credentials: { token: 'tok-123456' },
        timeoutMs: 2 ** 31 - 1,
      }),
    ).not.toThrow();
  });

  it('refuses a clock that answers NaN instead of retrying without sleeping', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const client = createClient('foresight', {
      baseUrl: 'http://127.0.0.1:9',
      credentials: { apiKey: 'key-123456' },
      now: () => Number.NaN,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      fetch: async () => {
        calls++;
        return new Response('{}', {
          status: 503,
          headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' },
        });
      },
    });
    const failure = await client.request('GET', '/x').catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ERR_INVALID_OPTION' });
    expect(String((failure as Error).message)).toMatch(/\bnow\b/);
    expect(calls).toBeLessThanOrEqual(1);
    expect(sleeps.every((ms) => Number.isFinite(ms))).toBe(true);
  });
});

describe('normalizeError option checks and hostile responses', () => {
  it('throws ERR_INVALID_OPTION when redact.secrets is a string rather than a list', () => {
    const call = () =>
      normalizeError('collate', { status: 401, body: 'x' }, { redact: { secrets: 'abcdef' as never } });
    expect(call).toThrow(expect.objectContaining({ code: 'ERR_INVALID_OPTION' }));
    expect(call).toThrow(/redact\.secrets/);
  });

  const hostile: { title: string; response: () => unknown }[] = [
    {
      title: 'a status getter that always throws',
      response: () =>
        Object.defineProperty({}, 'status', {
          get() {
            throw new Error('boom');
          },
        }),
    },
    {
      title: 'a Proxy whose every read throws',
      response: () =>
        new Proxy(
          {},
          {
            get() {
              throw new Error('boom');
            },
            has() {
              throw new Error('boom');
            },
            ownKeys() {
              throw new Error('boom');
            },
            getPrototypeOf() {
              throw new Error('boom');
            },
          },
        ),
    },
  ];

  it.each(hostile)('never throws for a response with $title', ({ response }) => {
    const normalized = normalizeError('collate', response() as ResponseInput);
    expect(normalized.status).toBe(0);
    expect(normalized.problems.map((problem) => problem.kind)).toContain('normalizer_failure');
  });
});
