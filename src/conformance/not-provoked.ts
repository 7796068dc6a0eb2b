import type { CheckFailure } from '../report/result.js';
import { factsNamedBy, operationChain } from '../scenarios/resolve.js';
import type { ScenarioRequest } from '../scenarios/types.js';
import type { VendorId } from '../vendors/registry.js';

/**
 * A 2xx answer to a request meant to provoke an error says the request missed (an id that names a
 * record in another state, a route that is not the sandbox's), not that the vendor broke its
 * documentation: one failure that names the configuration entries which decide the request, and
 * nothing judged about a body that was never an error.
 */
export function notProvoked(
  vendorId: VendorId,
  checkId: string,
  request: ScenarioRequest,
  status: number,
): CheckFailure {
  const entries = [
    ...(request.path === undefined
      ? [...new Set(operationChain(vendorId, request.operation))].map((name) => `operations.${name}`)
      : []),
    ...factsNamedBy(request).map((name) => `facts.${name}`),
    `checks.${checkId}.request`,
  ];
  return {
    message: `The request did not provoke the error: it was answered ${status}. Check ${entries.join(', ')} in the config: the request must reach a record in the state the check needs.`,
    expected: 'an error status',
    actual: status,
  };
}
