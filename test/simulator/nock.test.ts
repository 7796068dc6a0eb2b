import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { validateError } from '../../src/index.js';
import { type MountedSimulator, mountSimulator, VirtualClock } from '../../src/simulator/index.js';
import { codeOf } from './helpers.js';

let mounted: MountedSimulator | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  nock.cleanAll();
});

describe('mountSimulator (nock)', () => {
  it('serves the same model to fetch in-process, with the vendor error shape', async () => {
    mounted = await mountSimulator('foresight', 'https://api.foresight.test');
    const answer = await fetch('https://api.foresight.test/v1/claims', {
      headers: { 'X-API-Key': 'fs_wrong' },
    });
    const body = await answer.json();
    expect(answer.status).toBe(401);
    expect(codeOf('foresight', body)).toBe('invalid_api_key');
    expect(validateError('foresight', body).valid).toBe(true);
  });

  it('honours a base URL with a path prefix and the mount credentials', async () => {
    mounted = await mountSimulator('casexchange', 'https://casexchange.test/public/v1');
    const valid = mounted.credentials().roles.valid;
    if (valid?.kind !== 'header') throw new Error('expected an API key');
    const answer = await fetch('https://casexchange.test/public/v1/firms/me', {
      headers: { [valid.header]: valid.value },
    });
    expect(answer.status).toBe(200);
  });

  it('passes a malformed JSON body through unchanged, so the model answers it in its shape', async () => {
    mounted = await mountSimulator('denialbase', 'https://denialbase.test');
    const answer = await fetch('https://denialbase.test/api/v1/denials', {
      method: 'POST',
      headers: { cookie: '_denialbase_session=sess_valid_9f2k', 'content-type': 'application/json' },
      body: '{"claim_number": ',
    });
    expect(answer.status).toBe(400);
    expect(codeOf('denialbase', await answer.json())).toBe('bad_request');
  });

  it('runs on the injected virtual clock: a rate-limit window resets when time is moved on', async () => {
    const clock = new VirtualClock();
    mounted = await mountSimulator('denialbase', 'https://denialbase.test', { clock });
    const get = () =>
      fetch('https://denialbase.test/api/v1/denials', {
        headers: { cookie: '_denialbase_session=sess_limited_8v4w' },
      });
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(200);
    const limited = await get();
    expect(limited.status).toBe(429);
    clock.advance(Number(limited.headers.get('retry-after')) * 1000);
    expect((await get()).status).toBe(200);
  });

  it('refuses to inject a code outside the vendor catalog, and ignores one sent in the header', async () => {
    mounted = await mountSimulator('foresight', 'https://api.foresight.test');
    const current = mounted;
    expect(() => current.faults.inject('foresight', { code: 'no_such_code' })).toThrow(/no catalog entry/);
    const answer = await fetch('https://api.foresight.test/v1/claims', {
      headers: { 'X-API-Key': 'fs_test_full_Kd82Jq', 'X-Simulator-Fault': 'code=no_such_code' },
    });
    expect(answer.status).toBe(200);
  });

  it('obeys programmatic faults for the next N requests only', async () => {
    mounted = await mountSimulator('foresight', 'https://api.foresight.test');
    mounted.faults.inject('foresight', {
      route: '/v1/claims',
      method: 'GET',
      count: 2,
      code: 'payer_unavailable',
    });
    const get = () =>
      fetch('https://api.foresight.test/v1/claims', { headers: { 'X-API-Key': 'fs_test_full_Kd82Jq' } });
    expect((await get()).status).toBe(502);
    expect((await get()).status).toBe(502);
    expect((await get()).status).toBe(200);
  });
});
