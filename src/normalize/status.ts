import type { Problem } from './types.js';

// A vendor that documents no rate limit still may send HTTP's own 429.
export { TOO_MANY_REQUESTS } from '../http-status.js';

/** A status as an integer 100-599, accepting numeric strings; 0 with a problem otherwise. */
export function readStatus(input: unknown): { status: number; problem: Problem | null } {
  const status = typeof input === 'string' && /^\s*\d{3}\s*$/.test(input) ? Number(input) : input;
  if (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599) {
    if (status < 400) {
      return {
        status,
        problem: { kind: 'not_an_error_status', message: `status ${status} is not an error status` },
      };
    }
    return { status, problem: null };
  }
  return {
    status: 0,
    problem: { kind: 'invalid_status', message: `status ${describe(input)} is not an HTTP status` },
  };
}

function describe(input: unknown): string {
  if (typeof input === 'string') return JSON.stringify(input.slice(0, 20));
  if (typeof input === 'number') return String(input);
  return `of type ${input === null ? 'null' : typeof input}`;
}
