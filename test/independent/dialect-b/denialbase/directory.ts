import { failingReads } from '../kit/failing.js';
import type { DialectCredential, DialectDirectory } from '../types.js';
import { API } from './routes.js';
import type { DenialbaseSeed, UserName } from './seed.js';
import {
  IDEMPOTENCY_WINDOW_MS,
  MAX_JSON_BYTES,
  MAX_UPLOAD_BYTES,
  RATE_LIMIT,
  SESSION_COOKIE,
  SESSION_IDLE_MS,
  type Session,
  TEST_VIRUS_SIGNATURE,
} from './state.js';

export function describeDenialbase(baseUrl: string, seed: DenialbaseSeed): DialectDirectory {
  const signIn = (name: UserName): DialectCredential => ({
    kind: 'signIn',
    operation: 'signIn',
    body: { user: { login: seed.users[name].login, secret: seed.users[name].secret } },
  });
  const cookie = (session: Session): DialectCredential => ({
    kind: 'header',
    header: 'Cookie',
    value: `${SESSION_COOKIE}=${session.token}`,
  });
  const { facts } = seed;
  return {
    baseUrl,
    operations: {
      signIn: {
        method: 'POST',
        path: `${API}/sessions`,
        body: { user: { login: 'analyst@example.com', secret: 'your secret' } },
        contentType: 'application/json',
        summary: 'Sign in; the answer sets the session cookie.',
      },
      completeSecondFactor: {
        method: 'POST',
        path: `${API}/sessions/two_factor`,
        body: { otp: { code: seed.state.twoFactorCode } },
        contentType: 'application/json',
        summary: 'Finish a sign-in that asked for a one-time code.',
      },
      signOut: { method: 'DELETE', path: `${API}/sessions`, summary: 'End the current session.' },
      createDenial: {
        method: 'POST',
        path: `${API}/denials`,
        body: {
          denial: {
            claim_number: 'CLM-2026-0042',
            denial_type: 'prior_authorization',
            amount_cents: 125_000,
            denied_on: '2026-04-20',
          },
        },
        contentType: 'application/json',
        idPointer: '/denial/id',
        summary: 'Record a payer denial.',
      },
      getDenial: { method: 'GET', path: `${API}/denials/{denialId}`, summary: 'Read one denial.' },
      updateDenial: {
        method: 'PATCH',
        path: `${API}/denials/{denialId}`,
        body: { denial: { status: 'appealed', lock_version: facts.denialLockVersion } },
        contentType: 'application/json',
        summary: 'Change the status of a denial; lock_version must be the one last read.',
      },
      uploadDocument: {
        method: 'POST',
        path: `${API}/documents?denial_id={denialId}&filename=denial-letter.pdf`,
        body: '%PDF-1.7\n% denial letter\n',
        contentType: 'application/pdf',
        idPointer: '/document/id',
        summary: 'Attach a file (the raw bytes are the body) to a denial.',
      },
    },
    credentials: {
      analyst: signIn('analyst'),
      viewer: signIn('viewer'),
      otherOrgAnalyst: signIn('otherOrgAnalyst'),
      twoFactorUser: signIn('twoFactorUser'),
      signedOutSession: cookie(seed.sessions.signedOut),
      lapsedSession: cookie(seed.sessions.lapsed),
      awaitingSecondFactorSession: cookie(seed.sessions.awaitingSecondFactor),
    },
    facts: { ...facts, twoFactorCode: seed.state.twoFactorCode, virusSignature: TEST_VIRUS_SIGNATURE },
    failing: failingReads('getDenial', 'denialId', facts, [
      ['brokenDenialId', 'internal_error', 500],
      ['badGatewayDenialId', 'bad_gateway', 502],
      ['unavailableDenialId', 'service_unavailable', 503],
      ['gatewayTimeoutDenialId', 'gateway_timeout', 504],
    ]),
    limits: {
      rateLimitRequests: RATE_LIMIT.limit,
      rateLimitWindowMs: RATE_LIMIT.windowMs,
      idempotencyWindowMs: IDEMPOTENCY_WINDOW_MS,
      sessionIdleMs: SESSION_IDLE_MS,
      maxUploadBytes: MAX_UPLOAD_BYTES,
      maxJsonBodyBytes: MAX_JSON_BYTES,
    },
  };
}
