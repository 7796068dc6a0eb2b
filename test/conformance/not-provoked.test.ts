import { describe, expect, it } from 'vitest';
import { notProvoked } from '../../src/conformance/not-provoked.js';
import type { ScenarioRequest } from '../../src/scenarios/types.js';

/**
 * A 2xx to a provoking request: blamed on the config only when the config decides the request
 * (its facts); otherwise the vendor accepted what its docs say it rejects.
 */
describe('a 2xx to a request meant to provoke an error', () => {
  it.each<[string, ScenarioRequest, readonly string[], readonly string[]]>([
    [
      'a request naming facts points at the config entries that decide it',
      {
        method: 'GET',
        operation: 'authorization',
        params: { id: '{{facts.otherOrganisationAuthorizationId}}' },
      },
      ['did not provoke the error', 'facts.otherOrganisationAuthorizationId', 'checks.the.check.request'],
      ['accepted a request'],
    ],
    [
      'a revoked credential accepted is the vendor accepting what its docs reject, naming the credential variable',
      { method: 'GET', operation: 'authorizations', role: 'revoked' },
      ['accepted a request its documentation says it rejects', 'ERROR_CONTRACTS_COLLATE_REVOKED'],
      ['checks.the.check.request', 'operations.'],
    ],
    [
      'a request with no credential and no facts names no config at all',
      { method: 'GET', operation: 'authorizations', role: 'none' },
      ['accepted a request its documentation says it rejects'],
      ['checks.the.check.request', 'ERROR_CONTRACTS_'],
    ],
  ])('%s', (_title, request, present, absent) => {
    const failure = notProvoked('collate', 'the.check', request, 200);
    expect(failure.actual).toBe(200);
    for (const text of present) expect(failure.message).toContain(text);
    for (const text of absent) expect(failure.message).not.toContain(text);
  });
});
