import { type HttpDateForm, parseHttpDate } from './http-date.js';

export type RetryAfterReading =
  | { ok: true; delayMs: number; form: 'delay-seconds' | HttpDateForm }
  | { ok: false; reason: string };

/** Whether text is one or more ASCII digits, as `/^\d+$/` says, without a regular expression's set-up cost. */
function isDelaySeconds(text: string): boolean {
  if (text.length === 0) return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/**
 * The time in epoch milliseconds, or a clock to read it from only when a value needs it: most
 * waits are delay-seconds, and reading a caller's clock on every error would cost more than
 * parsing them.
 */
export type Now = number | (() => number);

export function readNow(now: Now): number {
  return typeof now === 'number' ? now : now();
}

/**
 * Reads a Retry-After value (RFC 9110 section 10.2.3): delay-seconds or an HTTP-date. A date in
 * the past means "now" (0 ms). Anything else is reported, so the caller can ignore it and say why.
 */
export function parseRetryAfter(value: string, now: Now): RetryAfterReading {
  const trimmed = value.trim();
  if (isDelaySeconds(trimmed)) {
    const delayMs = Number(trimmed) * 1000;
    if (!Number.isSafeInteger(delayMs)) return { ok: false, reason: 'delay-seconds is too large' };
    return { ok: true, delayMs, form: 'delay-seconds' };
  }
  const nowMs = readNow(now);
  const date = parseHttpDate(trimmed, nowMs);
  if (date) return { ok: true, delayMs: Math.max(0, date.epochMs - nowMs), form: date.form };
  return { ok: false, reason: 'neither delay-seconds nor an HTTP-date' };
}
