import type { Success } from './answers.js';
import type { Call } from './call.js';
import { CollateError } from './errors.js';

/** Single-record reads of the provider and payer catalog (there are no list endpoints). */

export function getProvider(call: Call): Success {
  const providerNpi = call.params.providerNpi ?? '';
  if (!call.sandbox.catalog.providers.get(call.key.organizationId)?.has(providerNpi)) {
    throw new CollateError(
      'provider_not_found',
      'This provider NPI is not registered to your organization.',
      {
        details: { providerNpi },
      },
    );
  }
  return { status: 200, body: { data: { npi: providerNpi, organizationId: call.key.organizationId } } };
}

export function getPayer(call: Call): Success {
  const payerId = call.params.payerId ?? '';
  const name = call.sandbox.catalog.payers.get(payerId);
  if (name === undefined) {
    throw new CollateError('payer_not_found', 'This payer is not in the catalog.', { details: { payerId } });
  }
  return { status: 200, body: { data: { id: payerId, name } } };
}
