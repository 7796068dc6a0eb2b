import { describe, expect, it } from 'vitest';
import { getVendor, vendorIds } from '../../src/index.js';
import { applyCredentialAliases } from '../../src/simulator/credential-aliases.js';
import { FaultInjector, parseFaultHeader } from '../../src/simulator/fault-injection.js';
import { REDACTED, redactHeaders, redactQuery } from '../../src/simulator/redact.js';
import { requestIdFactory } from '../../src/simulator/request-ids.js';
import type { SimRequest } from '../../src/simulator/types.js';
import { vendorModels } from '../../src/simulator/vendors/index.js';
import { containsTestVirus, EICAR_TEST_STRING } from '../../src/simulator/virus-scan.js';
import { VirtualClock } from '../../src/time/clock.js';

describe('the virtual clock', () => {
  it('wakes sleepers only when time is moved past their deadline, in deadline order', async () => {
    const clock = new VirtualClock(0);
    const woke: string[] = [];
    const late = clock.sleep(200).then(() => woke.push('late'));
    const early = clock.sleep(100).then(() => woke.push('early'));
    clock.advance(99);
    await Promise.resolve();
    expect(woke).toEqual([]);
    clock.advance(101);
    await Promise.all([late, early]);
    expect(woke).toEqual(['early', 'late']);
    expect(clock.now()).toBe(200);
  });

  it('refuses to go backwards', () => {
    expect(() => new VirtualClock().advance(-1)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
  });
});

describe('fault injection', () => {
  it.each([
    ['code=payer_unavailable; count=2', { code: 'payer_unavailable', count: 2 }],
    ['status=503', { status: 503 }],
    ['delay=1500;code=internal_error', { delayMs: 1500, code: 'internal_error' }],
    ['  CODE = conflict ', { code: 'conflict' }],
  ])('parses the header %j', (header, spec) => {
    expect(parseFaultHeader(header)).toEqual(spec);
  });

  it.each(['', 'count=3', 'code=; status=999', 'status=abc', 'code=<script>'])(
    'ignores the unusable header %j',
    (header) => {
      expect(parseFaultHeader(header)).toBeUndefined();
    },
  );

  it('fails exactly the next N matching requests, and only on the matching route and method', () => {
    const faults = new FaultInjector();
    faults.inject('collate', {
      route: '/v1/files/*',
      method: 'put',
      count: 2,
      code: 'workflow_backend_unavailable',
    });
    expect(faults.take('collate', 'GET', '/v1/files/x')).toBeUndefined();
    expect(faults.take('foresight', 'PUT', '/v1/files/x')).toBeUndefined();
    expect(faults.take('collate', 'PUT', '/v1/files/x')?.code).toBe('workflow_backend_unavailable');
    expect(faults.take('collate', 'PUT', '/v1/files/y')?.code).toBe('workflow_backend_unavailable');
    expect(faults.take('collate', 'PUT', '/v1/files/z')).toBeUndefined();
  });
});

describe('request ids', () => {
  it.each(vendorIds.filter((id) => getVendor(id).policy.requestId.promised))(
    '%s ids match the policy pattern, share the example prefix and are unique',
    (vendorId) => {
      const policy = getVendor(vendorId).policy.requestId;
      const next = requestIdFactory(policy, () => Date.UTC(2026, 0, 1));
      const ids = Array.from({ length: 500 }, () => next?.() ?? '');
      const prefix = policy.example?.split('_')[0];
      for (const id of ids) {
        expect(id).toMatch(new RegExp(policy.pattern ?? ''));
        expect(id.startsWith(`${prefix}_`)).toBe(true);
        expect(id.length).toBeGreaterThanOrEqual(policy.example?.length ?? 0);
        // Simulated errors write an id between quotes without escaping it (requestIdIsPlain).
        expect(`"${id}"`).toBe(JSON.stringify(id));
        expect(id).toMatch(/^[A-Za-z0-9_]+$/);
      }
      expect(new Set(ids).size).toBe(ids.length);
    },
  );

  it.each(vendorIds.filter((id) => getVendor(id).policy.requestId.promised))(
    '%s ids from two simulators (two factories) do not repeat each other',
    (vendorId) => {
      const policy = getVendor(vendorId).policy.requestId;
      const now = () => Date.UTC(2026, 0, 1);
      const first = requestIdFactory(policy, now);
      const second = requestIdFactory(policy, now);
      const ids = Array.from({ length: 200 }, () => [first?.() ?? '', second?.() ?? '']).flat();
      expect(new Set(ids).size).toBe(ids.length);
    },
  );

  it('sends none for ClaimRev, which promises none', () => {
    expect(requestIdFactory(getVendor('claimrev').policy.requestId, Date.now)).toBeUndefined();
  });
});

describe('redaction', () => {
  it('hides credential headers and secret query parameters', () => {
    expect(redactHeaders({ Authorization: 'Bearer x', 'x-api-key': 'k', cookie: 'c', accept: 'a' })).toEqual({
      Authorization: REDACTED,
      'x-api-key': REDACTED,
      cookie: REDACTED,
      accept: 'a',
    });
    expect(redactQuery(new URLSearchParams('client_secret=s&page=2&access_token=t'))).toBe(
      '?client_secret=%5BREDACTED%5D&page=2&access_token=%5BREDACTED%5D',
    );
  });
});

describe('credential aliases', () => {
  it('swap aliases in headers and body, and leave the query and abort signal those of the sent request, read when asked', () => {
    const query = new URLSearchParams('page=2');
    const controller = new AbortController();
    const reads = { query: 0, signal: 0 };
    // A transport's request makes its query and signal on first use, as the HTTP transport does.
    const sent: SimRequest = {
      method: 'POST',
      path: '/v1/things',
      get query() {
        reads.query++;
        return query;
      },
      headers: { authorization: 'Bearer sentinel_alias' },
      body: new TextEncoder().encode('{"token":"sentinel_alias"}'),
      declaredLength: 26,
      get signal() {
        reads.signal++;
        return controller.signal;
      },
    };
    const aliased = applyCredentialAliases(sent, new Map([['sentinel_alias', 'real_secret']]));
    expect(reads).toEqual({ query: 0, signal: 0 });
    expect(aliased.headers.authorization).toBe('Bearer real_secret');
    expect(new TextDecoder().decode(aliased.body)).toBe('{"token":"real_secret"}');
    expect(aliased.declaredLength).toBe(aliased.body.length);
    expect(aliased.query).toBe(query);
    expect(aliased.signal).toBe(controller.signal);
  });
});

describe('the virus scan', () => {
  it('finds the EICAR test string anywhere in a body and nothing in a clean one', () => {
    const enc = new TextEncoder();
    expect(containsTestVirus(enc.encode(`--b\r\n\r\n${EICAR_TEST_STRING}\r\n--b--`))).toBe(true);
    expect(containsTestVirus(enc.encode(EICAR_TEST_STRING.slice(0, -1)))).toBe(false);
    expect(containsTestVirus(new Uint8Array())).toBe(false);
  });
});

describe('the model registry', () => {
  it.each(vendorIds)('registers the %s model under its own id', (vendorId) => {
    expect(vendorModels[vendorId].id).toBe(vendorId);
  });
});
