import { UNAUTHORIZED } from '../../http-status.js';
import { learnIssuedSecret } from '../../redaction/issued.js';
import type { CredentialRefresh, CredentialRole, ResolvedRequest } from '../../scenarios/types.js';
import { credentialHolding, secretHeaders, secretOf } from '../../vendors/authentication.js';
import type { SequenceDefinition, VendorFacts } from './definition.js';
import type { SequenceRecorder } from './recorder.js';
import { fetchToken, isSuccess, outgoing, roleHeaders } from './requests.js';

/** Checked one second before the documented lifetime ends, so the token is shown to last that long. */
const BEFORE_EXPIRY_MS = 1000;

/**
 * A credential goes stale the way the vendor's data says (a token outlives its lifetime, or a
 * session has lapsed), the read is refused with 401, and a fresh credential obtained the
 * documented way (the token endpoint, a new sign-in) makes the same read succeed.
 */
export const credentialRefresh: SequenceDefinition = {
  name: 'credential_refresh',
  uses: ['read', 'signIn'],
  path: 'unauthenticated',
  title: 'After a 401 for an expired credential, a refreshed credential makes the request succeed',
  notApplicable: ({ policy }) =>
    (policy.authentication.refreshOn401 ?? 0) > 0
      ? undefined
      : `${credentialHolding(policy.authentication)} cannot be refreshed by a client, so a 401 is final and must not be retried.`,
  cannotRun: ({ behaviour, policy, vendorId }, target) => {
    if (!behaviour?.refresh)
      return 'The vendor’s simulator module does not say how its credential goes stale.';
    // A sandbox's clock is the wall clock: nobody waits out a token's lifetime in a CI job.
    if (behaviour.refresh.kind === 'token_lifetime' && !target.simulator) {
      const lifetime = policy.authentication.tokenLifetimeSeconds;
      return `Waiting out the token lifetime${lifetime ? ` (${lifetime} s)` : ''} needs the simulator’s virtual clock.`;
    }
    if (behaviour.refresh.kind !== 'token_lifetime') {
      const { roles } = target.credentials(vendorId);
      if (!roles[behaviour.refresh.expiredRole]) {
        return `No credential is configured for the ${behaviour.refresh.expiredRole} role, whose session has lapsed.`;
      }
    }
    return undefined;
  },
  async run(facts, recorder) {
    const refresh = facts.behaviour?.refresh;
    const read = facts.behaviour?.read;
    if (!refresh || !read) return;
    if (refresh.kind === 'token_lifetime') await tokenLapses(facts, recorder, read, refresh.role);
    else await sessionLapsed(facts, recorder, read, refresh);
  },
};

async function tokenLapses(
  { policy }: VendorFacts,
  recorder: SequenceRecorder,
  read: ResolvedRequest,
  role: CredentialRole,
): Promise<void> {
  const auth = policy.authentication;
  const credential = recorder.target.credentials(recorder.vendorId).roles[role];
  if (credential?.kind !== 'oauthClient') {
    return recorder.fail(
      `The ${role} role is not an OAuth client.`,
      'oauthClient',
      credential?.kind ?? 'not configured',
    );
  }
  const send = (token: string) => recorder.send(outgoing(recorder.baseUrl, read, secretHeaders(auth, token)));
  const issued = await fetchToken(recorder, credential);
  if (!issued) return;
  const fresh = await send(issued.token);
  if (!recorder.expect(isSuccess(fresh.status), 'A fresh token was refused.', '2xx', fresh.status)) return;
  const lifetimeMs = (auth.tokenLifetimeSeconds ?? issued.expiresInSeconds ?? 0) * 1000;
  if (
    !recorder.expect(
      lifetimeMs > BEFORE_EXPIRY_MS,
      'No token lifetime is documented or issued.',
      'seconds',
      null,
    )
  )
    return;

  await recorder.wait(lifetimeMs - BEFORE_EXPIRY_MS, 'the token lifetime, less one second');
  const late = await send(issued.token);
  recorder.expect(
    isSuccess(late.status),
    'The token lapsed before its documented lifetime.',
    '2xx',
    late.status,
  );
  await recorder.wait(BEFORE_EXPIRY_MS, 'the rest of the token lifetime');
  const stale = await send(issued.token);
  if (
    !recorder.expect(
      stale.status === UNAUTHORIZED,
      'A token past its lifetime was not refused with 401.',
      UNAUTHORIZED,
      stale.status,
    )
  )
    return;
  const renewed = await fetchToken(recorder, credential);
  if (!renewed) return;
  const again = await send(renewed.token);
  recorder.expect(isSuccess(again.status), 'The read with a new token did not succeed.', '2xx', again.status);
}

async function sessionLapsed(
  { policy }: VendorFacts,
  recorder: SequenceRecorder,
  read: ResolvedRequest,
  refresh: Extract<CredentialRefresh<ResolvedRequest>, { kind: 'sign_in' }>,
): Promise<void> {
  const auth = policy.authentication;
  const expired = await roleHeaders(recorder, refresh.expiredRole, auth);
  if (!expired) return;
  const stale = await recorder.send(outgoing(recorder.baseUrl, read, expired));
  if (
    !recorder.expect(
      stale.status === UNAUTHORIZED,
      'A lapsed session was not refused with 401.',
      UNAUTHORIZED,
      stale.status,
    )
  )
    return;

  // The sign-in operation's valid example, its secret values filled from the configured facts.
  const signedIn = await recorder.send(outgoing(recorder.baseUrl, refresh.signIn, {}));
  if (
    !recorder.expect(isSuccess(signedIn.status), 'Signing in again did not succeed.', '2xx', signedIn.status)
  )
    return;
  const setCookie = signedIn.headers[refresh.credentialHeader.toLowerCase()];
  if (setCookie) learnIssuedSecret(recorder.vendorId, setCookie);
  const issued = setCookie?.split(';')[0]?.trim();
  if (!issued)
    return recorder.fail(
      `The sign-in sent no ${refresh.credentialHeader} header.`,
      `a ${refresh.credentialHeader} header`,
      'no such header',
    );
  const again = await recorder.send(
    outgoing(recorder.baseUrl, read, secretHeaders(auth, secretOf(auth, issued))),
  );
  recorder.expect(
    isSuccess(again.status),
    'The read with the new session did not succeed.',
    '2xx',
    again.status,
  );
}
