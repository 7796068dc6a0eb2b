import { fetchHeaderEntries } from '../../client/fetch-headers.js';
import type { FetchFunction, FetchRequestInit, FetchResponse, HeadersLike } from '../../http-types.js';
import type { SequenceRecorder } from './recorder.js';

function textOf(body: FetchRequestInit['body']): string | undefined {
  if (body === undefined) return undefined;
  return typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
}

/**
 * An answer's headers as a fetch `Headers` built from them reads them (see fetch-headers.ts), without
 * loading the fetch implementation for it; headers that `Headers` refuses still go to `Headers`,
 * so they fail as they always have.
 */
function answerHeaders(headers: Readonly<Record<string, string>>): HeadersLike {
  const entries = fetchHeaderEntries(headers);
  if (entries === undefined) return new Headers(headers);
  return {
    get: (name) => {
      const key = name.toLowerCase();
      const values = entries.filter(([entry]) => entry === key).map(([, value]) => value);
      return values.length === 0 ? null : values.join(', ');
    },
    forEach: (callback) => {
      for (const [name, value] of entries) callback(value, name);
    },
  };
}

/**
 * A fetch for the reference client that sends through the recorder, so every call the client
 * makes (token requests and retries included) is an exchange and a point on the timeline.
 */
export function recordingFetch(recorder: SequenceRecorder): FetchFunction {
  return async (url, init): Promise<FetchResponse> => {
    const body = textOf(init.body);
    const answer = await recorder.send({
      method: init.method,
      url,
      headers: { ...init.headers },
      ...(body === undefined ? {} : { body }),
    });
    const bytes = Buffer.from(answer.body);
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      headers: answerHeaders(answer.headers),
      text: async () => answer.body,
      arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    };
  };
}
