import type { FetchFunction, FetchRequestInit, FetchResponse } from '../../http-types.js';
import type { SequenceRecorder } from './recorder.js';

function textOf(body: FetchRequestInit['body']): string | undefined {
  if (body === undefined) return undefined;
  return typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
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
      headers: new Headers(answer.headers),
      text: async () => answer.body,
      arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    };
  };
}
