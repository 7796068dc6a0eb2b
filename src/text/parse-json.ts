/**
 * JSON from a response, or undefined when it does not parse. Quietly: a parser's error message
 * quotes the start of the text, which may hold a credential, so it must never reach an output.
 */
export function parseJsonQuietly(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
