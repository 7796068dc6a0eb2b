import { describe, expect, it } from 'vitest';
import { isSecretMember } from '../../src/redaction/scrub.js';
import { CREDENTIAL_FIELDS, CREDENTIAL_HEADERS } from '../../src/redaction/vocabulary.js';

describe('whether a member name is a secret one, answered by name', () => {
  it('gives the same answer the first time and from its answers, in every spelling', () => {
    for (let round = 0; round < 2; round += 1) {
      for (const name of [...CREDENTIAL_FIELDS, ...CREDENTIAL_HEADERS]) {
        expect(isSecretMember(name), name).toBe(true);
        expect(isSecretMember(name.toUpperCase()), name).toBe(true);
      }
      expect(isSecretMember('client_secret')).toBe(true);
      expect(isSecretMember('Client-Secret')).toBe(true);
      for (const name of ['id', 'message', 'content-type', 'tokenLifetime', `${'x'.repeat(200)}token`])
        expect(isSecretMember(name), name).toBe(false);
      expect(isSecretMember(`${'_'.repeat(200)}password`)).toBe(true);
    }
  });
});
