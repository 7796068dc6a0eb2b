import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers.js';

const sim = useSimulator();

/** The raw status, headers and body of one GET, as a client on the wire sees them. */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(url, { headers, agent: false }, (res) => {
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
});
