import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers.js';

const sim = useSimulator();

/**
 * The raw status, headers and body of one GET, as a client on the wire sees them. With `chunked`,
 * the GET announces a body (Transfer-Encoding: chunked) and sends an empty one.
 */
function rawGet(url: string, headers: Record<string, string> = {}, chunked = false) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const sent = chunked ? { ...headers, 'transfer-encoding': 'chunked' } : headers;
      const req = request(url, { headers: sent, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('the simulator over HTTP', () => {
  it.each([
    ['an error', {}],
    ['a success', { authorization: 'Bearer col_test_full_R7v2' }],
  ])('sends %s with a Content-Length equal to its body, not chunked', async (_kind, headers) => {
    const answer = await rawGet(`${sim().url('collate')}/v1/prior-authorizations/pa_ready`, headers);
    expect(answer.body.length).toBeGreaterThan(0);
    expect(answer.headers['transfer-encoding']).toBeUndefined();
    expect(answer.headers['content-length']).toBe(String(answer.body.length));
  });

  it('sends its own 404 for a path outside every vendor with a Content-Length too', async () => {
    const origin = sim()
      .url('collate')
      .replace(/\/collate$/, '');
    const answer = await rawGet(`${origin}/nobody/x`);
    expect(answer.status).toBe(404);
    expect(answer.headers['transfer-encoding']).toBeUndefined();
    expect(answer.headers['content-length']).toBe(String(answer.body.length));
  });

  // A request with no body is answered in the same turn; one with a body to read waits for it.
  // Both must reach the same model and give the same answer.
  it.each([
    ['401', 'pa_ready', {}],
    ['404', 'pa_gone', { authorization: 'Bearer col_test_full_R7v2' }],
    ['200', 'pa_ready', { authorization: 'Bearer col_test_full_R7v2' }],
  ])(
    'answers a %s read the same whether or not the request announces a body',
    async (_status, id, headers) => {
      const url = `${sim().url('collate')}/v1/prior-authorizations/${id}`;
      const [plain, withBody] = await Promise.all([rawGet(url, headers), rawGet(url, headers, true)]);
      expect(withBody.status).toBe(plain.status);
      expect(withBody.headers['content-type']).toBe(plain.headers['content-type']);
      expect(withBody.headers.etag).toBe(plain.headers.etag);
      // Request ids differ from one answer to the next; everything else in the body is the same.
      const withoutId = (body: Buffer) => {
        const { requestId: _id, ...rest } = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        return rest;
      };
      expect(withoutId(withBody.body)).toEqual(withoutId(plain.body));
    },
  );

  it('routes a path with empty segments and percent-encoded ids as the plain path', async () => {
    const headers = { authorization: 'Bearer col_test_full_R7v2' };
    const plain = await rawGet(`${sim().url('collate')}/v1/prior-authorizations/pa_ready`, headers);
    const odd = await rawGet(`${sim().url('collate')}//v1//prior-authorizations/pa%5Fready/`, headers);
    expect(plain.status).toBe(200);
    expect(odd.status).toBe(200);
    expect(odd.body.toString('utf8')).toBe(plain.body.toString('utf8'));
  });
});
