import { isBlank } from '../text/blank.js';

/**
 * Turns whatever a caller has (parsed JSON, text, bytes, nothing) into one of two outcomes:
 * a parsed JSON value, or the text with the reason it is not JSON. Never throws.
 */
export type DecodedBody =
  | { kind: 'json'; value: unknown; text: string | null }
  | { kind: 'text'; text: string; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false });

export function decodeBody(body: unknown): DecodedBody {
  if (body instanceof Uint8Array) {
    let text: string;
    try {
      text = decoder.decode(body);
    } catch {
      return { kind: 'text', text: lenientDecoder.decode(body), reason: 'body is not valid UTF-8' };
    }
    return parseText(text);
  }
  if (typeof body === 'string') return parseText(body);
  if (body === undefined) return { kind: 'text', text: '', reason: 'body is absent' };
  return { kind: 'json', value: body, text: null };
}

function parseText(text: string): DecodedBody {
  if (isBlank(text)) return { kind: 'text', text, reason: 'body is empty' };
  try {
    return { kind: 'json', value: JSON.parse(text), text };
  } catch (error) {
    const looksLikeHtml = /^\s*</.test(text);
    const detail = looksLikeHtml ? 'it looks like an HTML page' : (error as Error).message;
    return { kind: 'text', text, reason: `body is not JSON (${detail})` };
  }
}
