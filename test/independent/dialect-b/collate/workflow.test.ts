import { type ClientRequest, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, type Reply, type Running, startCollate } from './harness.js';
import { MAX_JSON_BODY_BYTES, MAX_UPLOAD_BYTES } from './limits.js';

const PDF = Buffer.from('%PDF-1.7\n% clinical notes\n');

function data(reply: Reply): Record<string, unknown> {
  return reply.body.data as Record<string, unknown>;
}

/** A clock the test moves by hand. */
function virtualClock(start = Date.UTC(2026, 0, 5, 9)): { now: () => number; advance(ms: number): void } {
  let current = start;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
  };
}

let running: Running | undefined;
async function start(options: Parameters<typeof startCollate>[0] = {}): Promise<Running> {
  running = await startCollate(options);
  return running;
}
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('Collate sandbox: the customer workflow', () => {
  it('takes a new authorization from requirements through review to processing', async () => {
    const r = await start();
    const created = await r.send('createAuthorization');
    expect(created.status).toBe(201);
    const authorizationId = data(created).id as number;
    expect(created.headers.get('location')).toBe(`/v2/prior-authorizations/${authorizationId}`);
    const params = { authorizationId };

    const answered = await r.send('patchAnswers', { params, headers: { 'If-Match': '"1"' } });
    expect(answered.status).toBe(200);
    expect(data(answered).version).toBe(2);

    const uploaded = await r.send('uploadFile', { raw: PDF });
    expect(uploaded.status).toBe(201);
    const fileId = data(uploaded).id as number;
    const early = await r.send('attachFile', { params, body: { fileId, documentTypes: ['clinical_notes'] } });
    expect(codeOf(early)).toBe('file_not_ready');
    expect((await r.send('completeFile', { params: { fileId } })).status).toBe(200);
    const attached = await r.send('attachFile', {
      params,
      body: { fileId, documentTypes: ['clinical_notes'] },
    });
    expect(attached.status).toBe(201);
    expect(typeof data(attached).id).toBe('number');

    const submitted = await r.send('submitRequirements', { params });
    expect(data(submitted).nextAction).toEqual({
      type: 'review_submission',
      resolution: { kind: 'confirm' },
    });
    const snapshotId = (data(submitted).submission as { reviewSnapshot: { id: string } }).reviewSnapshot.id;
    const confirmed = await r.send('confirmAuthorization', {
      params,
      body: { reviewSnapshotId: snapshotId },
    });
    expect(confirmed.status).toBe(200);
    expect(data(confirmed).status).toBe('processing');
    const again = await r.send('confirmAuthorization', { params, body: { reviewSnapshotId: snapshotId } });
    expect(codeOf(again)).toBe('prior_authorization_not_actionable');
  });

  it('lists what is still open in requirements.issues and in requirements_not_satisfied', async () => {
    const r = await start();
    const params = { authorizationId: r.fact('openAuthorizationId') };
    const read = await r.send('getAuthorization', { params });
    const issues = (data(read).requirements as { issues: Array<{ ref: string }> }).issues;
    expect(issues.map((issue) => issue.ref)).toEqual([
      'prior_conservative_therapy',
      'symptom_duration_weeks',
      'laterality',
      'clinical_notes',
    ]);
    await r.send('patchAnswers', { params });
    const submit = await r.send('submitRequirements', { params });
    expect((submit.body.error as { details: unknown }).details).toEqual({
      open: [{ kind: 'document', ref: 'clinical_notes', problem: 'missing_attachment' }],
    });
  });

  it('runs a manual handoff: interactive grant while active, accepted with the snapshot, then closed', async () => {
    const r = await start();
    const params = { authorizationId: r.fact('payerInteractionAuthorizationId') };
    const handoff = await r.send('createManualHandoff', { params });
    expect(handoff.status).toBe(201);
    const handoffId = data(handoff).id as number;
    expect(codeOf(await r.send('createManualHandoff', { params }))).toBe('manual_handoff_not_allowed');
    const grant = await r.send('createAccessGrant', { params, body: { mode: 'interactive' } });
    expect(grant.status).toBe(201);
    const opened = await r.send('openAccessGrant', { params: { grantId: data(grant).id as number } });
    expect(opened.status).toBe(200);
    const read = await r.send('getAuthorization', { params });
    const snapshot = (data(read).submission as { reviewSnapshot: { id: string } }).reviewSnapshot.id;
    const accepted = await r.send('acceptManualHandoff', {
      params: { handoffId },
      body: { reviewSnapshotId: snapshot },
    });
    expect(data(accepted)).toMatchObject({ status: 'closed', resolution: 'accepted' });
    const closed = await r.send('closeManualHandoff', { params: { handoffId } });
    expect(codeOf(closed)).toBe('manual_handoff_already_closed');
  });

  it('expires access grants on the injected clock', async () => {
    const clock = virtualClock();
    const r = await start({ now: clock.now });
    const params = { authorizationId: r.fact('processingAuthorizationId') };
    const grant = await r.send('createAccessGrant', { params });
    const grantId = data(grant).id as number;
    const lifetimeMs = (r.directory.limits.accessGrantLifetimeSeconds ?? 0) * 1000;
    expect(lifetimeMs).toBeGreaterThan(0);
    clock.advance(lifetimeMs - 1);
    expect((await r.send('openAccessGrant', { params: { grantId } })).status).toBe(200);
    clock.advance(1);
    expect(codeOf(await r.send('openAccessGrant', { params: { grantId } }))).toBe('access_grant_expired');
  });
});

describe('Collate sandbox: idempotent creates', () => {
  it('replays the exact first answer for the same body, in any key order', async () => {
    const r = await start();
    const headers = { 'Idempotency-Key': 'order-7781' };
    const body = r.directory.operations.createAuthorization?.body as Record<string, unknown>;
    const first = await r.send('createAuthorization', { headers });
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const second = await r.send('createAuthorization', { headers, body: reordered });
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  });

  it('forgets a key after the idempotency window on the injected clock', async () => {
    const clock = virtualClock();
    const r = await start({ now: clock.now });
    const headers = { 'Idempotency-Key': 'order-7782' };
    const first = await r.send('createAuthorization', { headers });
    clock.advance((r.directory.limits.idempotencyWindowSeconds ?? 0) * 1000);
    const later = await r.send('createAuthorization', { headers });
    expect(later.status).toBe(201);
    expect(data(later).id).not.toBe(data(first).id);
  });

  it('rejects a malformed Idempotency-Key as bad_request', async () => {
    const r = await start();
    const reply = await r.send('createAuthorization', { headers: { 'Idempotency-Key': 'x'.repeat(300) } });
    expect([reply.status, codeOf(reply)]).toEqual([400, 'bad_request']);
  });
});

/** A POST whose body the caller writes chunk by chunk. */
function openPost(r: Running, path: string, as: string, contentType: string): ClientRequest {
  const credential = r.directory.credentials[as];
  const authorization = credential?.kind === 'header' ? credential.value : '';
  return request(`${r.directory.baseUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: authorization, 'Content-Type': contentType },
  });
}

/**
 * Streams `total` bytes but holds the request open after them, so a 413 that arrives proves the
 * server answered before the body ended (it did not wait to buffer all of it).
 */
function sendWithoutEnding(
  r: Running,
  path: string,
  contentType: string,
  total: number,
): Promise<{ status: number; body: string; connection: string }> {
  return new Promise((resolve, reject) => {
    const req = openPost(r, path, 'adminKey', contentType);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        req.destroy();
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          connection: res.headers.connection ?? '',
        });
      });
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    for (let sent = 0; sent < total; sent += chunk.length) req.write(chunk);
  });
}

describe('Collate sandbox: body size limits', () => {
  it('answers 413 to an oversize upload before the body has ended', async () => {
    const r = await start();
    const reply = await sendWithoutEnding(
      r,
      '/v2/files?purpose=authorization_attachment',
      'application/pdf',
      MAX_UPLOAD_BYTES + 32 * 1024,
    );
    expect(reply.status).toBe(413);
    expect(reply.connection).toBe('close');
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(r.directory.limits.maxUploadBytes).toBe(MAX_UPLOAD_BYTES);
  });

  it('answers 413 to an oversize JSON body, judged on bytes not Content-Length', async () => {
    const r = await start();
    const reply = await sendWithoutEnding(
      r,
      '/v2/prior-authorizations',
      'application/json',
      MAX_JSON_BODY_BYTES + 16 * 1024,
    );
    expect(reply.status).toBe(413);
  });

  it('accepts an upload of exactly the limit', async () => {
    const r = await start();
    const raw = Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD_BYTES - PDF.length, 0x20)]);
    const reply = await r.send('uploadFile', { raw });
    expect([reply.status, data(reply).size]).toEqual([201, MAX_UPLOAD_BYTES]);
  });
});

/** Streams until the server cuts the connection; resolves with the status seen (if any) and the bytes written. */
function streamUntilCut(
  r: Running,
  path: string,
  as: string,
  cap: number,
): Promise<{ status: number; written: number }> {
  return new Promise((resolve) => {
    let status = 0;
    let written = 0;
    const req = openPost(r, path, as, 'application/pdf');
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      res.resume();
    });
    req.on('error', () => undefined);
    req.on('close', () => resolve({ status, written }));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = (): void => {
      while (written < cap && !req.destroyed) {
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (written >= cap) req.destroy();
    };
    pump();
  });
}

describe('Collate sandbox: bodies nobody wants', () => {
  const CAP = 32 * 1024 * 1024;

  it('cuts an oversize upload that keeps coming long before the client stops', async () => {
    const r = await start();
    const result = await streamUntilCut(r, '/v2/files?purpose=authorization_attachment', 'adminKey', CAP);
    expect(result.status).toBe(413);
    expect(result.written).toBeLessThan(CAP);
  });

  it('closes the connection on an endless body sent with a revoked key instead of reading it forever', async () => {
    const r = await start();
    const result = await streamUntilCut(r, '/v2/files?purpose=authorization_attachment', 'revokedKey', CAP);
    expect(result.status).toBe(401);
    expect(result.written).toBeLessThan(CAP);
  });
});
