import { type Now, readNow } from './retry-after.js';
import type { ResetReading } from './types.js';

/**
 * Thresholds for telling the units of an X-RateLimit-Reset value apart by size, as the
 * casexchange-reset-unit ambiguity records: below 1e9 no plausible epoch time (2001-09-09) is
 * possible, so the value counts seconds from now; above 1e11 epoch seconds would be in the year
 * 5138, so the value is epoch milliseconds.
 */
const EPOCH_SECONDS_FROM = 1_000_000_000;
const EPOCH_MILLISECONDS_FROM = 100_000_000_000;

const NUMBER = /^\d{1,16}(?:\.\d{1,6})?$/;

export type ResetHeaderReading =
  | { ok: true; delayMs: number; reading: ResetReading }
  | { ok: false; reason: string };

/** Which unit a reset value of this size must be in, whatever unit was expected. */
export function resetReadingFor(value: number): ResetReading {
  if (value < EPOCH_SECONDS_FROM) return 'delta_seconds';
  if (value < EPOCH_MILLISECONDS_FROM) return 'epoch_seconds';
  return 'epoch_milliseconds';
}

/** Reads an X-RateLimit-Reset style value into milliseconds from now (never negative). */
export function parseResetHeader(value: string, now: Now): ResetHeaderReading {
  const trimmed = value.trim();
  if (!NUMBER.test(trimmed)) return { ok: false, reason: 'not a non-negative number' };
  const number = Number(trimmed);
  const reading = resetReadingFor(number);
  const nowMs = readNow(now);
  const resetAtMs =
    reading === 'delta_seconds'
      ? nowMs + number * 1000
      : reading === 'epoch_seconds'
        ? number * 1000
        : number;
  return { ok: true, delayMs: Math.max(0, Math.ceil(resetAtMs - nowMs)), reading };
}

export interface RateLimitFields {
  remaining: number | null;
  /** Seconds until the window of the tightest limit resets. */
  resetSeconds: number | null;
}

const SF_INTEGER = /^-?\d{1,15}$/;

/** Splits a structured-field list at commas outside quoted strings. */
function splitMembers(value: string): string[] {
  const members: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < value.length; index++) {
    const char = value[index];
    if (char === '\\' && quoted) {
      current += char + (value[index + 1] ?? '');
      index++;
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === ',' && !quoted) {
      members.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  members.push(current.trim());
  return members.filter((member) => member !== '');
}

function integerOrNull(text: string | undefined): number | null {
  if (text === undefined) return null;
  const trimmed = text.trim();
  return SF_INTEGER.test(trimmed) ? Number(trimmed) : null;
}

/**
 * Reads the IETF `RateLimit` field (draft-ietf-httpapi-ratelimit-headers). The current drafts
 * send a list of named limits with parameters `r` (remaining) and `t` (seconds to reset); earlier
 * drafts sent a dictionary `limit=…, remaining=…, reset=…`. Both are accepted. Where several
 * limits are listed, the one with the fewest requests left is the one that binds.
 */
export function parseRateLimitField(value: string): RateLimitFields {
  let remaining: number | null = null;
  let resetSeconds: number | null = null;
  const dictionary = new Map<string, number | null>();
  for (const member of splitMembers(value.slice(0, 4096))) {
    const [head = '', ...params] = member.split(';');
    if (head.includes('=')) {
      const [key = '', raw] = head.split('=');
      dictionary.set(key.trim().toLowerCase(), integerOrNull(raw));
      continue;
    }
    const values = new Map(
      params.map((param) => {
        const [key = '', raw] = param.split('=');
        return [key.trim(), integerOrNull(raw)] as const;
      }),
    );
    const r = values.get('r') ?? null;
    const t = values.get('t') ?? null;
    if (r !== null && (remaining === null || r < remaining)) {
      remaining = r;
      resetSeconds = t;
    } else if (remaining === null && t !== null && resetSeconds === null) {
      resetSeconds = t;
    }
  }
  if (remaining === null && resetSeconds === null) {
    remaining = dictionary.get('remaining') ?? null;
    resetSeconds = dictionary.get('reset') ?? null;
  }
  return {
    remaining: remaining !== null && remaining >= 0 ? remaining : null,
    resetSeconds: resetSeconds !== null && resetSeconds >= 0 ? resetSeconds : null,
  };
}
