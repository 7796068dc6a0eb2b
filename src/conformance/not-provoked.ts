import type { CheckFailure } from '../report/result.js';
import { credentialHint } from '../runner/config/sandbox-config.js';
import { factsNamedBy, operationChain } from '../scenarios/resolve.js';
import type { ScenarioRequest } from '../scenarios/types.js';
import type { VendorId } from '../vendors/registry.js';

/**
 * A 2xx answer to a request meant to provoke an error says the request missed (an id that names a
 * record in another state, a route that is not the sandbox's), not that the vendor broke its
 * documentation: one failure that names the configuration entries which decide the request, and
 * nothing judged about a body that was never an error. A request that names no facts cannot miss
 * that way (a revoked key, a missing field): its 2xx is the vendor accepting what its docs say it
 * rejects, and the failure says so, naming at most the role's credential as the one thing to
 * double-check.
 */
export function notProvoked(
  vendorId: VendorId,
  checkId: string,
  request: ScenarioRequest,
  status: number,
): CheckFailure {
  const facts = factsNamedBy(request);
  if (facts.length === 0) {
    const role = request.role;
    const credential =
      role === undefined || role === 'none' || role === 'valid'
        ? ''
        : ` If the ${role} credential is what provokes the error, double-check ${credentialHint(vendorId, role)} holds a ${role} one.`;
    return {
      message: `The vendor accepted a request its documentation says it rejects: it was answered ${status}.${credential}`,
      expected: 'an error status',
      actual: status,
    };
  }
  const entries = [
    ...(request.path === undefined
      ? [...new Set(operationChain(vendorId, request.operation))].map((name) => `operations.${name}`)
      : []),
    ...facts.map((name) => `facts.${name}`),
    `checks.${checkId}.request`,
  ];
  return {
    message: `The request did not provoke the error: it was answered ${status}. Check ${entries.join(', ')} in the config: the request must reach a record in the state the check needs.`,
    expected: 'an error status',
    actual: status,
  };
}
