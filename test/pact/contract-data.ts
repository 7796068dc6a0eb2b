import { readFileSync } from 'node:fs';
import { contractFile } from '../../src/pact/consumer.js';
import { isSecretField } from '../../src/pact/placeholders.js';
import { CREDENTIAL_FIELDS, fieldKey } from '../../src/redaction/vocabulary.js';
import type { RunningSimulator } from '../../src/simulator/index.js';
import type { VendorId } from '../../src/vendors/registry.js';

/** The committed contracts, where the package keeps them. */
export const COMMITTED_DIR = 'contracts';

export function committedContract(vendorId: VendorId): string {
  return readFileSync(contractFile(COMMITTED_DIR, vendorId), 'utf8');
}

/** Every secret a vendor's test credentials hold: secret credential fields and secret-named facts. */
export function secretsOf(sim: RunningSimulator, vendorId: VendorId): string[] {
  const { roles, facts } = sim.credentials(vendorId);
  const fromRoles = Object.values(roles).flatMap((credential) =>
    Object.entries(credential ?? {})
      .filter(([field, value]) => isSecretField(field) && typeof value === 'string')
      .map(([, value]) => String(value)),
  );
  // Facts named like a credential (a password, a production key, a one-time code) count too.
  const suffixes = [...CREDENTIAL_FIELDS.map(fieldKey), 'key', 'code'];
  const fromFacts = Object.entries(facts)
    .filter(([name]) => suffixes.some((suffix) => fieldKey(name).endsWith(suffix)))
    .map(([, value]) => value);
  return [...fromRoles, ...fromFacts];
}
