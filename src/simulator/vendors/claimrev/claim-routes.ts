import { jsonResponse, textResponse } from '../../errors-response.js';
import { isResponse, okOr, route } from '../../routing.js';
import { authed, findClaim } from './access.js';
import type { State } from './state.js';

/** Eligibility, claim status, search and delete: each answers its errors in its own shape. */
export const claimRoutes = [
  route<State>(
    'POST',
    '/api/v1/eligibility',
    authed('eligibility', (_r, _ctx, _p, _client, input) => {
      const missing = ['payerId', 'memberId', 'dateOfService'].filter(
        (f) => typeof input[f] !== 'string' || input[f] === '',
      );
      if (missing.length) {
        return jsonResponse(400, {
          errors: Object.fromEntries(missing.map((f) => [f, [`${f} must be provided.`]])),
        });
      }
      return jsonResponse(200, {
        memberId: input.memberId,
        payerId: input.payerId,
        eligible: true,
        coverage: [{ serviceType: '30', active: true }],
      });
    }),
  ),
  route<State>(
    'POST',
    '/api/v1/claim-status',
    authed('claim_status', (_r, ctx, _p, _client, input) => {
      if (typeof input.claimId !== 'string')
        return jsonResponse(400, { message: 'claimId must be a string.' });
      const claim = findClaim(ctx, input.claimId, input.accountNumber);
      return isResponse(claim) ? claim : jsonResponse(200, { claimId: claim.claimId, status: claim.status });
    }),
  ),
  route<State>(
    'POST',
    '/api/v1/claims/search',
    authed('search', (_r, ctx, _p, _client, input) =>
      jsonResponse(200, {
        results: [...ctx.state.claims.values()].filter((c) => c.accountNumber === input.accountNumber),
      }),
    ),
  ),
  route<State>(
    'GET',
    '/api/v1/claims/:claimId',
    authed('search', (_r, ctx, params, _client, input) => {
      const claim = findClaim(ctx, params.claimId, input.accountNumber);
      return okOr(ctx, claim);
    }),
  ),
  route<State>(
    'DELETE',
    '/api/v1/claims/:claimId',
    authed('claims_write', (_r, ctx, params, _client, input) => {
      const claim = ctx.state.claims.get(params.claimId ?? '');
      // Deleting what is not there is a "semantic failure" answered 404, in yet another shape.
      if (!claim || claim.accountNumber !== input.accountNumber)
        return jsonResponse(404, { message: 'Record not found.' });
      ctx.state.claims.delete(claim.claimId);
      return textResponse(204, '');
    }),
  ),
];
