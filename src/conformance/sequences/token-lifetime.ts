import type { SequenceDefinition } from './definition.js';
import { fetchToken, isSuccess, outgoing } from './requests.js';

/**
 * The token endpoint says how long a token lives (`expires_in`), and the policy holds the lifetime
 * the docs give. Unlike waiting a token out (credential_refresh, which needs a virtual clock),
 * this reads one token answer and makes one read with the token, so a sandbox is checked too.
 */
export const tokenLifetime: SequenceDefinition = {
  name: 'token_lifetime',
  uses: ['read'],
  path: 'unauthenticated',
  title: 'A token is issued for the lifetime the docs give',
  notApplicable: ({ policy }) =>
    policy.authentication.tokenLifetimeSeconds === undefined ? 'No token lifetime is documented.' : undefined,
  cannotRun: ({ vendorId }, target) =>
    target.credentials(vendorId).roles.valid?.kind === 'oauthClient'
      ? undefined
      : 'The valid role is not an OAuth client, so there is no token answer to read.',
  async run({ policy, behaviour }, recorder) {
    const lifetime = policy.authentication.tokenLifetimeSeconds;
    const credential = recorder.target.credentials(recorder.vendorId).roles.valid;
    if (lifetime === undefined || credential?.kind !== 'oauthClient' || !behaviour) return;
    const issued = await fetchToken(recorder, credential);
    if (!issued) return;
    const header = policy.authentication.header;
    const read = await recorder.send(
      outgoing(recorder.baseUrl, behaviour.read, { [header]: `Bearer ${issued.token}` }),
    );
    recorder.expect(
      isSuccess(read.status),
      'A read with the issued token did not succeed.',
      '2xx',
      read.status,
    );
    recorder.expect(
      issued.expiresInSeconds === lifetime,
      'The token answer’s expires_in is not the lifetime the docs give.',
      lifetime,
      issued.expiresInSeconds ?? null,
    );
  },
};
