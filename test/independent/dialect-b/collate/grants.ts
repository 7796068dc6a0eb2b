import type { Success } from './answers.js';
import { type Call, idParam } from './call.js';
import { CollateError } from './errors.js';
import { rejectTerminal } from './guards.js';
import { findAuthorization, findGrant } from './records.js';
import { GRANT_LIFETIME_MS } from './seed.js';
import type { AccessGrant } from './state.js';
import { IssueList, requireObjectBody } from './validate.js';
import { grantView } from './views.js';

/** Live sessions (read-only transparency) and the access grants that open them. */

export function getLiveSession(call: Call): Success {
  const record = findAuthorization(call, idParam(call, 'authorizationId'));
  return {
    status: 200,
    body: {
      data: {
        authorizationId: record.id,
        status: record.liveSessionAvailable ? 'available' : 'unavailable',
        interactive: record.activeManualHandoffId !== null,
      },
    },
  };
}

export function createAccessGrant(call: Call): Success {
  const record = findAuthorization(call, idParam(call, 'authorizationId'));
  rejectTerminal(record);
  const body = requireObjectBody(call.json);
  const issues = new IssueList();
  issues.oneOf(body, 'mode', ['read_only', 'interactive']);
  issues.throwIfAny();
  const mode = body.mode as AccessGrant['mode'];
  const handoff =
    record.activeManualHandoffId === null
      ? undefined
      : call.sandbox.store.handoffs.get(record.activeManualHandoffId);
  if (mode === 'interactive' && handoff?.status !== 'active') {
    throw new CollateError(
      'interactive_grant_not_allowed',
      'Interactive grants need an active manual handoff.',
      {
        details: { authorizationId: record.id },
      },
    );
  }
  if (mode === 'read_only' && !record.liveSessionAvailable) {
    throw new CollateError('live_session_not_available', 'No read-only live session can be granted now.', {
      details: { authorizationId: record.id },
    });
  }
  const grant: AccessGrant = {
    id: call.sandbox.store.grantIds.take(),
    organizationId: record.organizationId,
    authorizationId: record.id,
    mode,
    state: 'issued',
    expiresAt: call.sandbox.now() + GRANT_LIFETIME_MS,
  };
  call.sandbox.store.grants.set(grant.id, grant);
  return {
    status: 201,
    body: { data: grantView(grant) },
    headers: { Location: `/v2/access-grants/${grant.id}` },
  };
}

export function openAccessGrant(call: Call): Success {
  const grant = findGrant(call, idParam(call, 'grantId'));
  const details = { accessGrantId: grant.id };
  if (grant.state === 'revoked') {
    throw new CollateError('access_grant_revoked', 'This access grant was revoked.', { details });
  }
  if (grant.state === 'channel_lost') {
    throw new CollateError('channel_session_lost', 'The payer-channel session behind this grant is gone.', {
      details,
    });
  }
  if (call.sandbox.now() >= grant.expiresAt) {
    throw new CollateError('access_grant_expired', 'This access grant has expired.', { details });
  }
  return {
    status: 200,
    body: { data: { ...grantView(grant), viewerPath: `/viewer/${grant.id}` } },
  };
}
