import { type HttpDateForm, parseHttpDate } from './http-date.js';

export type RetryAfterReading =
  | { ok: true; delayMs: number; form: 'delay-seconds' | HttpDateForm }
  | { ok: false; reason: string };

const DELAY_SECONDS = /^\d+$/;

/**
 * Reads a Retry-After value (RFC 9110 section 10.2.3): delay-seconds or an HTTP-date. A date in
 * the past means "now" (0 ms). Anything else is reported, so the caller can ignore it and say why.
 */
export function parseRetryAfter(value: string, nowMs: number): RetryAfterReading {
  const trimmed = value.trim();
  if (DELAY_SECONDS.test(trimmed)) {
    const delayMs = Number(trimmed) * 1000;
    if (!Number.isSafeInteger(delayMs)) return { ok: false, reason: 'delay-seconds is too large' };
    return { ok: true, delayMs, form: 'delay-seconds' };
  }
  const date = parseHttpDate(trimmed, nowMs);
  if (date) return { ok: true, delayMs: Math.max(0, date.epochMs - nowMs), form: date.form };
  return { ok: false, reason: 'neither delay-seconds nor an HTTP-date' };
}
