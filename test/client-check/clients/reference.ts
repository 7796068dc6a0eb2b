import type { ClientFactory } from '../../../src/client-check/types.js';
import { type ClientOptions, createClient, VendorApiError } from '../../../src/index.js';

/**
 * The package's own client behind the check's adapter contract. `overrides` replaces any of its
 * options, which is how the broken clients change one behaviour each.
 */
export function referenceClient(
  overrides: (context: Parameters<ClientFactory>[0]) => Partial<ClientOptions> = () => ({}),
): ClientFactory {
  return (context) => {
    const client = createClient(context.vendorId, {
      baseUrl: context.baseUrl,
      credentials: context.credentials,
      ...overrides(context),
    });
    return async (call) => {
      try {
        const response = await client.request(call.method, call.path, {
          body: call.body,
          headers: { ...call.headers },
        });
        return { status: response.status };
      } catch (error) {
        // A request that failed for good is an answer too: the check judges what was sent.
        if (error instanceof VendorApiError) return { status: error.status };
        throw error;
      }
    };
  };
}
