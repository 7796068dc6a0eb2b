/** A request body ready for fetch, with the content type it implies. */
export function encodeBody(body: unknown): {
  payload: string | Uint8Array | undefined;
  contentType: string | null;
} {
  if (body === undefined) return { payload: undefined, contentType: null };
  if (typeof body === 'string') return { payload: body, contentType: 'text/plain; charset=utf-8' };
  if (body instanceof Uint8Array) return { payload: body, contentType: 'application/octet-stream' };
  return { payload: JSON.stringify(body), contentType: 'application/json' };
}

/** A successful response's body: JSON when it says so and parses, otherwise its text. */
export function decodeSuccessBody(text: string, contentType: string | null): unknown {
  if (text === '' || !/\bjson\b/i.test(contentType ?? '')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
