import type { Call } from './call.js';
import { CollateError } from './errors.js';
import type { AccessGrant, Authorization, ManualHandoff, StoredFile } from './state.js';

/**
 * Record look-ups as the caller's organization sees them: another organization's record is as
 * unknown as one never issued. The doc has no code of its own for an unknown handoff or grant, so
 * those reuse the nearest documented 404s (see the README's choices table).
 */

export function backendUnavailable(): CollateError {
  return new CollateError(
    'workflow_backend_unavailable',
    'The workflow backend for this authorization is not answering.',
    { headers: { 'Retry-After': '30' } },
  );
}

/** The record with this id if the caller's organization owns it. */
function visible<T extends { organizationId: string }>(
  call: Call,
  records: Map<number, T>,
  id: number,
): T | undefined {
  const record = records.get(id);
  return record?.organizationId === call.key.organizationId ? record : undefined;
}

export function findAuthorization(call: Call, id: number): Authorization {
  const record = visible(call, call.sandbox.store.authorizations, id);
  if (!record) {
    throw new CollateError('prior_authorization_not_found', 'No visible authorization has this id.', {
      details: { authorizationId: id },
    });
  }
  if (record.backendDown) throw backendUnavailable();
  return record;
}

export function findFile(call: Call, id: number, field?: string): StoredFile {
  const file = visible(call, call.sandbox.store.files, id);
  if (!file) {
    throw new CollateError('file_not_found', 'No visible file has this id.', {
      details: field ? { fileId: id, field } : { fileId: id },
    });
  }
  return file;
}

export function findHandoff(call: Call, id: number): ManualHandoff {
  const handoff = visible(call, call.sandbox.store.handoffs, id);
  if (!handoff) {
    throw new CollateError('prior_authorization_not_found', 'No visible manual handoff has this id.', {
      details: { manualHandoffId: id },
    });
  }
  return handoff;
}

export function findGrant(call: Call, id: number): AccessGrant {
  const grant = visible(call, call.sandbox.store.grants, id);
  if (!grant) {
    throw new CollateError('access_grant_expired', 'No usable access grant has this id.', {
      details: { accessGrantId: id },
    });
  }
  return grant;
}
