import type { ErrorCode } from './errors.js';
import type { Reply, Running } from './harness.js';
import { MAX_UPLOAD_BYTES } from './limits.js';

/**
 * Test support: one request per documented error code (plus two successes), each built only from
 * the directory, the way a user would configure them. Every case leaves the records the other
 * cases use in the state they need, so the list can run in order on one server.
 */

export interface CollateCase {
  name: string;
  expect: { status: number; code: ErrorCode | '' };
  run(r: Running): Promise<CaseReply>;
}

export interface CaseReply extends Reply {
  /** For the keyed replay: whether the second answer named the same authorization as the first. */
  sameAuthorization?: boolean;
}

const PDF = Buffer.from('%PDF-1.7\n% sandbox test file\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

function id(r: Running, name: string): { authorizationId: string | number } {
  return { authorizationId: r.fact(name) };
}

function createBody(r: Running, change: (body: Record<string, unknown>) => void): unknown {
  const body = structuredClone(r.directory.operations.createAuthorization?.body) as Record<string, unknown>;
  change(body);
  return body;
}

function service(body: Record<string, unknown>): Record<string, unknown> {
  return body.service as Record<string, unknown>;
}

let keySequence = 0;
function freshKey(): string {
  keySequence += 1;
  return `case-key-${keySequence}-${process.pid}`;
}

export const COLLATE_CASES: readonly CollateCase[] = [
  {
    name: 'malformed If-Match',
    expect: { status: 400, code: 'bad_request' },
    run: (r) =>
      r.send('patchAnswers', {
        params: id(r, 'unresolvedAuthorizationId'),
        headers: { 'If-Match': String(r.fact('malformedIfMatch')) },
        body: { answers: [{ linkId: 'laterality', value: 'left' }] },
      }),
  },
  {
    name: 'body that is not JSON',
    expect: { status: 400, code: 'bad_request' },
    run: (r) =>
      r.send('createAuthorization', { raw: Buffer.from('{"providerNpi":'), contentType: 'application/json' }),
  },
  {
    name: 'create without policy.finalSubmission',
    expect: { status: 400, code: 'final_submission_policy_required' },
    run: (r) => r.send('createAuthorization', { body: createBody(r, (body) => delete body.policy) }),
  },
  {
    name: 'no key',
    expect: { status: 401, code: 'unauthorized' },
    run: (r) => r.send('getAuthorization', { params: id(r, 'openAuthorizationId'), as: null }),
  },
  {
    name: 'revoked key',
    expect: { status: 401, code: 'unauthorized' },
    run: (r) => r.send('getAuthorization', { params: id(r, 'openAuthorizationId'), as: 'revokedKey' }),
  },
  {
    name: 'key for another environment',
    expect: { status: 403, code: 'forbidden' },
    run: (r) => r.send('getAuthorization', { params: id(r, 'openAuthorizationId'), as: 'productionKey' }),
  },
  {
    name: 'key without access to the selected organization',
    expect: { status: 403, code: 'forbidden' },
    run: (r) =>
      r.send('getAuthorization', {
        params: id(r, 'openAuthorizationId'),
        as: 'otherOrganizationKey',
        headers: { 'Collate-Organization': String(r.fact('organizationId')) },
      }),
  },
  {
    name: 'read-only key writing',
    expect: { status: 403, code: 'insufficient_permissions' },
    run: (r) => r.send('createAuthorization', { as: 'readOnlyKey' }),
  },
  {
    name: "another organization's authorization",
    expect: { status: 404, code: 'prior_authorization_not_found' },
    run: (r) => r.send('getAuthorization', { params: id(r, 'otherOrganizationAuthorizationId') }),
  },
  {
    name: 'unknown provider',
    expect: { status: 404, code: 'provider_not_found' },
    run: (r) =>
      r.send('createAuthorization', {
        body: createBody(r, (body) => {
          body.providerNpi = r.fact('unknownProviderNpi');
        }),
      }),
  },
  {
    name: 'unknown payer',
    expect: { status: 404, code: 'payer_not_found' },
    run: (r) => r.send('getPayer', { params: { payerId: r.fact('unknownPayerId') } }),
  },
  {
    name: "another organization's file",
    expect: { status: 404, code: 'file_not_found' },
    run: (r) =>
      r.send('attachFile', {
        params: id(r, 'unresolvedAuthorizationId'),
        body: { fileId: r.fact('otherOrganizationFileId'), documentTypes: ['clinical_notes'] },
      }),
  },
  {
    name: 'expired access grant',
    expect: { status: 404, code: 'access_grant_expired' },
    run: (r) => r.send('openAccessGrant', { params: { grantId: r.fact('expiredAccessGrantId') } }),
  },
  {
    name: 'revoked access grant',
    expect: { status: 404, code: 'access_grant_revoked' },
    run: (r) => r.send('openAccessGrant', { params: { grantId: r.fact('revokedAccessGrantId') } }),
  },
  {
    name: 'lost payer-channel session',
    expect: { status: 404, code: 'channel_session_lost' },
    run: (r) => r.send('openAccessGrant', { params: { grantId: r.fact('channelLostAccessGrantId') } }),
  },
  {
    name: 'route nobody serves',
    expect: { status: 409, code: 'unsupported_route' },
    run: (r) =>
      r.send('createAuthorization', {
        body: createBody(r, (body) => {
          service(body).code = r.fact('unsupportedServiceCode');
        }),
      }),
  },
  {
    name: 'route without provider access',
    expect: { status: 409, code: 'provider_access_not_configured' },
    run: (r) =>
      r.send('createAuthorization', {
        body: createBody(r, (body) => {
          body.providerNpi = r.fact('providerWithoutAccessNpi');
        }),
      }),
  },
  {
    name: 'idempotency key reused with another body',
    expect: { status: 409, code: 'idempotency_key_reused' },
    run: async (r) => {
      const headers = { 'Idempotency-Key': freshKey() };
      await r.send('createAuthorization', { headers });
      const other = createBody(r, (body) => {
        service(body).units = 2;
      });
      return r.send('createAuthorization', { headers, body: other });
    },
  },
  {
    name: 'stale If-Match',
    expect: { status: 409, code: 'version_conflict' },
    run: (r) =>
      r.send('patchAnswers', {
        params: id(r, 'unresolvedAuthorizationId'),
        headers: { 'If-Match': `"${r.fact('staleVersion')}"` },
      }),
  },
  {
    name: 'answers while processing',
    expect: { status: 409, code: 'prior_authorization_not_mutable' },
    run: (r) => r.send('patchAnswers', { params: id(r, 'processingAuthorizationId') }),
  },
  {
    name: 'confirm while processing',
    expect: { status: 409, code: 'prior_authorization_not_actionable' },
    run: (r) => r.send('confirmAuthorization', { params: id(r, 'processingAuthorizationId') }),
  },
  {
    name: 'answers on a terminal authorization',
    expect: { status: 409, code: 'prior_authorization_terminal' },
    run: (r) => r.send('patchAnswers', { params: id(r, 'terminalAuthorizationId') }),
  },
  {
    name: 'confirm while waiting on the payer',
    expect: { status: 409, code: 'next_action_required' },
    run: (r) => r.send('confirmAuthorization', { params: id(r, 'waitingOnPayerAuthorizationId') }),
  },
  {
    name: 'confirm during resolve_requirements',
    expect: { status: 409, code: 'next_action_not_confirmable' },
    run: (r) => r.send('confirmAuthorization', { params: id(r, 'unresolvedAuthorizationId') }),
  },
  {
    name: 'submit with open requirements',
    expect: { status: 409, code: 'requirements_not_satisfied' },
    run: (r) => r.send('submitRequirements', { params: id(r, 'unresolvedAuthorizationId') }),
  },
  {
    name: 'confirm an outdated review snapshot',
    expect: { status: 409, code: 'review_stale' },
    run: (r) =>
      r.send('confirmAuthorization', {
        params: id(r, 'staleReviewAuthorizationId'),
        body: { reviewSnapshotId: r.fact('staleReviewSnapshotId') },
      }),
  },
  {
    name: 'attach a pending file',
    expect: { status: 409, code: 'file_not_ready' },
    run: (r) =>
      r.send('attachFile', {
        params: id(r, 'unresolvedAuthorizationId'),
        body: { fileId: r.fact('pendingFileId'), documentTypes: ['clinical_notes'] },
      }),
  },
  {
    name: 'attach a correspondence file',
    expect: { status: 409, code: 'file_not_usable' },
    run: (r) =>
      r.send('attachFile', {
        params: id(r, 'unresolvedAuthorizationId'),
        body: { fileId: r.fact('correspondenceFileId'), documentTypes: ['clinical_notes'] },
      }),
  },
  {
    name: 'handoff during resolve_requirements',
    expect: { status: 409, code: 'manual_handoff_not_allowed' },
    run: (r) => r.send('createManualHandoff', { params: id(r, 'unresolvedAuthorizationId') }),
  },
  {
    name: 'accept a pending handoff',
    expect: { status: 409, code: 'manual_handoff_not_active' },
    run: (r) => r.send('acceptManualHandoff', { params: { handoffId: r.fact('pendingManualHandoffId') } }),
  },
  {
    name: 'accept a closed handoff',
    expect: { status: 409, code: 'manual_handoff_already_closed' },
    run: (r) => r.send('acceptManualHandoff', { params: { handoffId: r.fact('closedManualHandoffId') } }),
  },
  {
    name: 'accept a handoff without the accepted snapshot',
    expect: { status: 409, code: 'manual_handoff_review_approval_required' },
    run: (r) =>
      r.send('acceptManualHandoff', {
        params: { handoffId: r.fact('approvalCheckManualHandoffId') },
        body: { reviewSnapshotId: r.fact('staleReviewSnapshotId') },
      }),
  },
  {
    name: 'read-only grant without a live session',
    expect: { status: 409, code: 'live_session_not_available' },
    run: (r) => r.send('createAccessGrant', { params: id(r, 'waitingOnPayerAuthorizationId') }),
  },
  {
    name: 'interactive grant without an active handoff',
    expect: { status: 409, code: 'interactive_grant_not_allowed' },
    run: (r) =>
      r.send('createAccessGrant', {
        params: id(r, 'noHandoffAuthorizationId'),
        body: { mode: 'interactive' },
      }),
  },
  {
    name: 'upload over the limit',
    expect: { status: 413, code: 'payload_too_large' },
    run: (r) => r.send('uploadFile', { raw: Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD_BYTES)]) }),
  },
  {
    name: 'create with invalid fields',
    expect: { status: 422, code: 'request_validation_failed' },
    run: (r) =>
      r.send('createAuthorization', {
        body: createBody(r, (body) => {
          body.providerNpi = '12345';
          delete (body.patient as Record<string, unknown>).birthDate;
        }),
      }),
  },
  {
    name: 'answer outside its options',
    expect: { status: 422, code: 'invalid_answers' },
    run: (r) =>
      r.send('patchAnswers', {
        params: id(r, 'unresolvedAuthorizationId'),
        body: { answers: [{ linkId: 'laterality', value: 'sideways' }] },
      }),
  },
  {
    name: 'upload whose bytes are not its type',
    expect: { status: 422, code: 'invalid_file_content' },
    run: (r) => r.send('uploadFile', { raw: PNG }),
  },
  {
    name: 'failing record',
    expect: { status: 503, code: 'workflow_backend_unavailable' },
    run: (r) => r.send('getAuthorization', { params: id(r, 'failingAuthorizationId') }),
  },
  {
    name: 'exact replay of a keyed create',
    expect: { status: 201, code: '' },
    run: async (r) => {
      const headers = { 'Idempotency-Key': freshKey() };
      const first = await r.send('createAuthorization', { headers });
      const second = await r.send('createAuthorization', { headers });
      const idOf = (reply: Reply) => (reply.body.data as { id?: unknown } | undefined)?.id;
      return { ...second, sameAuthorization: idOf(first) === idOf(second) };
    },
  },
  {
    name: 'read a seeded authorization',
    expect: { status: 200, code: '' },
    run: (r) => r.send('getAuthorization', { params: id(r, 'openAuthorizationId') }),
  },
];
