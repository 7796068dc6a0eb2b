import { absent, edit } from '../edit.js';
import type { PeerSubject } from '../peer.js';

/**
 * ClaimRev's API envelope accepts any body, so validating it measures nothing; its token endpoint's
 * OAuth error is the one ClaimRev shape with real constraints.
 */
export const subject: PeerSubject = {
  envelope: 'tokenError',
  invalid: (valid) => edit(edit(valid, ['error'], 'invalid client'), ['error_uri'], 'not a uri'),
  mutations: (valid) => [
    { label: 'missing error', data: edit(valid, ['error'], absent) },
    { label: 'empty error', data: edit(valid, ['error'], '') },
    { label: 'a quote in the description', data: edit(valid, ['error_description'], 'say "hi"') },
    { label: 'a quote in the code', data: edit(valid, ['error'], 'invalid"client') },
    { label: 'an absolute error_uri', data: edit(valid, ['error_uri'], 'https://idp.example/e') },
    { label: 'integer error codes', data: edit(valid, ['error_codes'], [7000215, 1]) },
    { label: 'a fractional error code', data: edit(valid, ['error_codes'], [1.5]) },
    { label: 'an extra member', data: edit(valid, ['tenant'], 'x') },
    { label: 'a numeric trace id', data: edit(valid, ['trace_id'], 42) },
  ],
};
