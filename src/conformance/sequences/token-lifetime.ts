import type { AuthenticationPolicy } from '../../generated/meta-types.js';
import { scenarioDataFor } from '../../scenarios/index.js';
import { operationPath } from '../../scenarios/resolve.js';
import { fillPlaceholders, urlOf } from '../../scenarios/runner.js';
import { secretHeaders, tokenGrantOf } from '../../vendors/authentication.js';
import type { VendorId } from '../../vendors/registry.js';
import type { SequenceDefinition } from './definition.js';
import { isSuccess, issuedToken, outgoing } from './requests.js';

/**
 * The policy's grant for the valid role, written with placeholders as the token-error scenarios
 * are: filled from the OAuth client where there is one; a replay answers it from the recording,
 * which matches by method and URL.
 */
const grantOf = (auth: AuthenticationPolicy) =>
  `grant_type=${encodeURIComponent(tokenGrantOf(auth))}&client_id={{valid.clientId}}&client_secret={{valid.clientSecret}}&scope={{valid.scope}}`;

/** The operation that stands for the valid OAuth client's token endpoint, where the vendor has one. */
function tokenOperation(vendorId: VendorId): string | undefined {
  const operations = Object.entries(scenarioDataFor(vendorId).operations);
  return operations.find(([, spec]) => spec.fromValidClient === 'tokenUrl')?.[0];
}

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
  notApplicable: ({ policy, vendorId }) =>
    policy.authentication.tokenLifetimeSeconds === undefined || tokenOperation(vendorId) === undefined
      ? 'No token lifetime is documented.'
      : undefined,
  cannotRun: ({ vendorId }, target) =>
    target.credentials(vendorId).roles.valid ? undefined : 'No valid credential is configured.',
  async run({ policy, behaviour, vendorId }, recorder) {
    const lifetime = policy.authentication.tokenLifetimeSeconds;
    const operation = tokenOperation(vendorId);
    if (lifetime === undefined || operation === undefined || !behaviour) return;
    const credentials = recorder.target.credentials(vendorId);
    const answer = await recorder.send({
      method: 'POST',
      url: urlOf(recorder.baseUrl, operationPath(credentials, operation)),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fillPlaceholders(grantOf(policy.authentication), credentials, ''),
    });
    const issued = issuedToken(recorder, answer);
    if (!issued) return;
    const read = await recorder.send(
      outgoing(recorder.baseUrl, behaviour.read, secretHeaders(policy.authentication, issued.token)),
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
