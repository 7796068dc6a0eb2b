import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLATE_CASES } from './cases.js';
import { ERROR_STATUS } from './errors.js';
import { codeOf, type Running, startCollate } from './harness.js';
import { OPERATIONS } from './operations.js';

describe('Collate sandbox: every documented error code', () => {
  let r: Running;
  beforeAll(async () => {
    r = await startCollate();
  });
  afterAll(() => r.close());

  it('has a case for every code in the doc table', () => {
    const covered = new Set(COLLATE_CASES.map((c) => c.expect.code));
    expect(Object.keys(ERROR_STATUS).filter((code) => !covered.has(code as never))).toEqual([]);
  });

  for (const testCase of COLLATE_CASES) {
    it(`${testCase.name}: ${testCase.expect.status} ${testCase.expect.code || 'success'}`, async () => {
      const reply = await testCase.run(r);
      expect(reply.status).toBe(testCase.expect.status);
      expect(codeOf(reply)).toBe(testCase.expect.code);
      if (testCase.expect.code === '') return;
      const error = reply.body.error as Record<string, unknown>;
      expect(Object.keys(error).sort()).toEqual(['code', 'details', 'issues', 'message', 'retryable']);
      expect(error.retryable).toBe(testCase.expect.status === 503);
      expect(reply.body.requestId).toMatch(/^req_[0-9a-f]+$/);
      expect(reply.headers.get('x-request-id')).toBe(reply.body.requestId);
      expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
      if (testCase.expect.status === 422) expect((error.issues as unknown[]).length).toBeGreaterThan(0);
    });
  }

  it('names each invalid field in request_validation_failed', async () => {
    const validation = COLLATE_CASES.find((c) => c.expect.code === 'request_validation_failed');
    if (!validation) throw new Error('no request_validation_failed case');
    const reply = await validation.run(r);
    const issues = (reply.body.error as { issues: Array<{ field: string }> }).issues;
    expect(issues.map((issue) => issue.field).sort()).toEqual(['patient.birthDate', 'providerNpi']);
  });

  it('names the bad answer by its position in invalid_answers', async () => {
    const reply = await r.send('patchAnswers', {
      params: { authorizationId: r.fact('openAuthorizationId') },
      body: {
        answers: [
          { linkId: 'laterality', value: 'left' },
          { linkId: 'symptom_duration_weeks', value: 9000 },
          { linkId: 'no_such_question', value: true },
        ],
      },
    });
    expect(codeOf(reply)).toBe('invalid_answers');
    const issues = (reply.body.error as { issues: Array<{ field: string; problem: string }> }).issues;
    expect(issues).toEqual([
      expect.objectContaining({ field: 'answers[1].value', problem: 'out_of_range' }),
      expect.objectContaining({ field: 'answers[2].linkId', problem: 'unknown_link_id' }),
    ]);
  });

  it('reports version_conflict with both versions', async () => {
    const current = await r.send('getAuthorization', {
      params: { authorizationId: r.fact('openAuthorizationId') },
    });
    const version = (current.body.data as { version: number }).version;
    expect(current.headers.get('etag')).toBe(`"${version}"`);
    const reply = await r.send('patchAnswers', {
      params: { authorizationId: r.fact('openAuthorizationId') },
      headers: { 'If-Match': '"1"' },
    });
    expect((reply.body.error as { details: unknown }).details).toEqual({
      expectedVersion: 1,
      actualVersion: version,
    });
  });

  it('answers 503 with Retry-After for each failing request in the directory', async () => {
    expect(r.directory.failing.length).toBeGreaterThan(0);
    for (const failing of r.directory.failing) {
      const reply = await r.send(failing.operation, {
        ...(failing.params ? { params: failing.params } : {}),
        ...(failing.body === undefined ? {} : { body: failing.body }),
      });
      expect([reply.status, codeOf(reply)]).toEqual([failing.status, failing.provokes]);
      expect(reply.headers.get('retry-after')).toBe('30');
    }
  });

  it('hides other organizations: their key cannot see this organization’s records or providers', async () => {
    const asOther = { as: 'otherOrganizationKey' };
    const record = await r.send('getAuthorization', {
      ...asOther,
      params: { authorizationId: r.fact('openAuthorizationId') },
    });
    expect(codeOf(record)).toBe('prior_authorization_not_found');
    const file = await r.send('getFile', { ...asOther, params: { fileId: r.fact('readyFileId') } });
    expect(codeOf(file)).toBe('file_not_found');
    const provider = await r.send('getProvider', {
      ...asOther,
      params: { providerNpi: r.fact('providerNpi') },
    });
    expect(codeOf(provider)).toBe('provider_not_found');
  });

  it('answers bad_request to a JSON body sent as another media type', async () => {
    const body = JSON.stringify(r.directory.operations.createAuthorization?.body);
    const reply = await r.send('createAuthorization', { raw: Buffer.from(body), contentType: 'text/plain' });
    expect([reply.status, codeOf(reply)]).toEqual([400, 'bad_request']);
  });

  it('answers bad_request to a method a path does not take and to an unknown path', async () => {
    const baseUrl = r.directory.baseUrl;
    const credential = r.directory.credentials.adminKey;
    const headers = { Authorization: credential?.kind === 'header' ? credential.value : '' };
    const path = `/v2/prior-authorizations/${r.fact('openAuthorizationId')}`;
    for (const [method, target] of [
      ['DELETE', path],
      ['GET', '/v2/prior-authorizations'],
    ] as const) {
      const response = await fetch(`${baseUrl}${target}`, { method, headers });
      const body = (await response.json()) as { error: { code: string } };
      expect([method, response.status, body.error.code]).toEqual([method, 400, 'bad_request']);
    }
  });

  it('challenges a request without a key', async () => {
    const reply = await r.send('getAuthorization', {
      params: { authorizationId: r.fact('openAuthorizationId') },
      as: null,
    });
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="collate-sandbox"');
  });

  it('lets a key select its own organization and no other', async () => {
    const params = { authorizationId: r.fact('openAuthorizationId') };
    const own = await r.send('getAuthorization', {
      params,
      headers: { 'Collate-Organization': String(r.fact('organizationId')) },
    });
    expect(own.status).toBe(200);
    const other = await r.send('getAuthorization', {
      params,
      headers: { 'Collate-Organization': String(r.fact('otherOrganizationId')) },
    });
    expect([other.status, codeOf(other)]).toEqual([403, 'forbidden']);
  });

  it('never echoes a key in an answer', async () => {
    const key = r.directory.credentials.revokedKey;
    const reply = await r.send('getAuthorization', {
      params: { authorizationId: r.fact('openAuthorizationId') },
      as: 'revokedKey',
    });
    const value = key?.kind === 'header' ? key.value.replace('Bearer ', '') : 'missing';
    expect(JSON.stringify(reply.body)).not.toContain(value);
    expect([...reply.headers.values()].join('\n')).not.toContain(value);
  });
});

describe('Collate sandbox: fresh per start', () => {
  it('issues new keys, ids and request ids on every start', async () => {
    const [a, b] = await Promise.all([startCollate(), startCollate()]);
    try {
      expect(a.directory.credentials.adminKey).not.toEqual(b.directory.credentials.adminKey);
      expect(a.fact('openAuthorizationId')).not.toBe(b.fact('openAuthorizationId'));
      expect(a.fact('providerNpi')).not.toBe(b.fact('providerNpi'));
      const created = await a.send('createAuthorization');
      expect(typeof (created.body.data as { id: unknown }).id).toBe('number');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('Collate sandbox: example requests', () => {
  it('succeed in table order on their example records and leave every error case as documented', async () => {
    const r = await startCollate();
    try {
      for (const operation of OPERATIONS) {
        const params = Object.fromEntries(
          Object.entries(operation.exampleParams ?? {}).map(([param, fact]) => [param, r.fact(fact)]),
        );
        const upload = operation.body === 'upload' ? { raw: Buffer.from('%PDF-1.7\n') } : {};
        const reply = await r.send(operation.name, { params, ...upload });
        expect([operation.name, reply.status < 300]).toEqual([operation.name, true]);
      }
      for (const testCase of COLLATE_CASES) {
        const reply = await testCase.run(r);
        expect([testCase.name, reply.status, codeOf(reply)]).toEqual([
          testCase.name,
          testCase.expect.status,
          testCase.expect.code,
        ]);
      }
    } finally {
      await r.close();
    }
  });
});
