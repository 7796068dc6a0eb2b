import { scrubSecrets } from '../redaction/scrub.js';
import { isBlank } from '../text/blank.js';
import { type PointerTokens, readPointer } from './json-pointer.js';
import { reasonPhrase } from './reason-phrases.js';

const MAX_MESSAGE = 1000;
const MAX_TEXT_MESSAGE = 200;

/** "503 Service Unavailable": what a response says when its body says nothing readable. */
export function statusLine(status: number): string {
  if (status === 0) return 'No valid HTTP status';
  return `${status} ${reasonPhrase(status) ?? 'Unknown Status'}`;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * The readable message: the first string at one of the reader's pointers; else a short plain-text
 * body as it is (proxies often send one line); else the status line. HTML is never used as a
 * message, since its markup says nothing to a person reading a log. Known `secrets` are blanked before the
 * message is cut, so a secret across the cut is blanked whole rather than left in part.
 */
export function readMessage(
  json: unknown,
  pointers: readonly PointerTokens[],
  text: string,
  isJson: boolean,
  status: number,
  secrets: readonly string[] = [],
): string {
  if (isJson) {
    for (const pointer of pointers) {
      const value = readPointer(json, pointer);
      if (typeof value === 'string' && !isBlank(value))
        return clip(scrubSecrets(value, secrets), MAX_MESSAGE);
    }
  } else {
    const trimmed = text.trim();
    if (trimmed !== '' && !trimmed.startsWith('<'))
      return clip(scrubSecrets(trimmed, secrets), MAX_TEXT_MESSAGE);
  }
  return statusLine(status);
}
