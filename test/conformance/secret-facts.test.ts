import { describe, expect, it } from 'vitest';
import { isSecretFact } from '../../src/conformance/credential-secrets.js';

describe('which facts are secrets', () => {
  it.each(['password', 'productionToken', 'productionKey', 'twoFactorCode', 'clientSecret', 'otp'])(
    '%s is a secret: its last word names one',
    (name) => {
      expect(isSecretFact(name)).toBe(true);
    },
  );

  // A number such as a token lifetime (3600) treated as a secret would be blanked inside every
  // token answer, breaking its JSON; a field name or a service code is no secret either.
  it.each(['tokenLifetimeSeconds', 'keyField', 'secretaryId', 'serviceCpt', 'staleId', 'codeField'])(
    '%s is not: it only mentions one',
    (name) => {
      expect(isSecretFact(name)).toBe(false);
    },
  );
});
