import { CollateError } from './errors.js';
import type { ApiKey } from './seed.js';

/** The optional header that selects an organization; a key reaches only its own. */
export const ORGANIZATION_HEADER = 'Collate-Organization';

/**
 * Bearer-key checks. A key that is missing, unknown or revoked is 401; a valid key for the wrong
 * environment, or for another organization than the one selected, is 403 forbidden; a read-only
 * key attempting a write is 403 insufficient_permissions.
 */
export function authenticate(
  authorization: string | undefined,
  selectedOrganization: string | undefined,
  keys: ReadonlyMap<string, ApiKey>,
  isWrite: boolean,
): ApiKey {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const key = match?.[1] === undefined ? undefined : keys.get(match[1]);
  if (!key || key.revoked) {
    throw new CollateError('unauthorized', 'A valid bearer key for this environment is required.', {
      headers: { 'WWW-Authenticate': 'Bearer realm="collate-sandbox"' },
    });
  }
  if (key.environment !== 'sandbox') {
    throw new CollateError('forbidden', 'This key belongs to another environment.', {
      details: { keyEnvironment: key.environment, requestEnvironment: 'sandbox' },
    });
  }
  if (selectedOrganization !== undefined && selectedOrganization !== key.organizationId) {
    throw new CollateError('forbidden', 'This key has no access to the selected organization.', {
      details: { header: ORGANIZATION_HEADER },
    });
  }
  if (isWrite && key.access === 'read_only') {
    throw new CollateError('insufficient_permissions', 'This key may read but not write.', {
      details: { requiredAccess: 'read_write' },
    });
  }
  return key;
}
