import { type DecodedBody, decodeBody } from '../validation/body.js';
import type { Problem } from './types.js';

export interface BodyReading {
  decoded: DecodedBody;
  /** The body as text for `raw.body`, before capping. */
  text: string;
  problem: Problem | null;
}

const lenientDecoder = new TextDecoder('utf-8', { fatal: false });

function serialise(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // Cyclic or absurdly deep values cannot be serialised; say what they were instead.
    return `[unserialisable ${Array.isArray(value) ? 'array' : typeof value}]`;
  }
}

/**
 * Decodes a body unless it is larger than `maxBytes`, in which case it is kept as text only as
 * far as `keepChars` and not parsed: a multi-megabyte error page is not worth parsing, and a
 * JSON parse of it would cost more than the error is worth.
 */
export function readBody(body: unknown, maxBytes: number, keepChars: number): BodyReading {
  const size = body instanceof Uint8Array ? body.byteLength : typeof body === 'string' ? body.length : 0;
  if (size > maxBytes) {
    const text =
      body instanceof Uint8Array
        ? lenientDecoder.decode(body.subarray(0, keepChars * 4))
        : (body as string).slice(0, keepChars);
    const reason = `body of ${size} ${body instanceof Uint8Array ? 'bytes' : 'characters'} exceeds the ${maxBytes} limit and was not parsed`;
    return {
      decoded: { kind: 'text', text, reason },
      text,
      problem: { kind: 'body_too_large', message: reason },
    };
  }
  const decoded = decodeBody(body);
  const text = decoded.kind === 'text' ? decoded.text : (decoded.text ?? serialise(decoded.value));
  return { decoded, text, problem: null };
}
