import { describe, expect, it } from 'vitest';
import type { SequenceRecorder } from '../../src/conformance/sequences/recorder.js';
import { recordingFetch } from '../../src/conformance/sequences/recording-fetch.js';

/** A recorder that answers every request with the given headers, as a sequence's recorder would. */
function answering(headers: Record<string, string>): SequenceRecorder {
  return { send: async () => ({ status: 200, headers, body: '{}' }) } as unknown as SequenceRecorder;
}

/** Every header as forEach yields it, in order. */
function listed(headers: { forEach(callback: (value: string, name: string) => void): void }): string[][] {
  const seen: string[][] = [];
  headers.forEach((value, name) => {
    seen.push([name, value]);
  });
  return seen;
}

describe('recordingFetch response headers', () => {
  const cases: Record<string, Record<string, string>> = {
    'lower-case names': { 'x-request-id': 'req_1', 'content-type': 'application/json', 'retry-after': '3' },
    'names in any case, padded values': { 'Retry-After': ' 7 ', 'Content-Type': '\tapplication/json' },
    'one name in two cases': { 'x-trace': 'a', 'X-Trace': 'b', date: 'Tue, 08 Dec 2026 00:00:00 GMT' },
    'a combined set-cookie': { 'set-cookie': 'a=1; Path=/, b=2' },
    none: {},
  };

  it.each(Object.entries(cases))('reads as a fetch Headers built from them: %s', async (_name, headers) => {
    const response = await recordingFetch(answering(headers))('http://127.0.0.1/x', {
      method: 'GET',
      headers: {},
    });
    const reference = new Headers(headers);
    expect(listed(response.headers)).toEqual(listed(reference));
    for (const name of [...Object.keys(headers), 'RETRY-AFTER', 'x-absent']) {
      expect(response.headers.get(name)).toBe(reference.get(name));
    }
  });
});
