import { dispatch } from '../../routing.js';
import type { VendorModel } from '../../types.js';
import { failure } from './access.js';
import { caseRoutes } from './case-routes.js';
import { referralRoutes } from './referral-routes.js';
import { casexchangeCredentials, createState, KEYS } from './seed.js';
import type { State } from './state.js';

const routes = [...caseRoutes, ...referralRoutes];

/** CaseXchange's behaviour model: API keys with tiers, a firm's cases with a state machine, referrals. */
export const model: VendorModel<State> = {
  id: 'casexchange',
  createState,
  credentials: casexchangeCredentials,
  handle: (request, ctx) => dispatch(routes, request, ctx, failure),
  shapeError: ({ entry, message, now }) => ({
    error: { code: entry.code, message },
    meta: { timestamp: new Date(now).toISOString() },
  }),
  failure,
  maxBodyBytes: 1024 * 1024,
  rateLimitFor: (principal) => ({ limit: KEYS[principal]?.limitPerMinute ?? 600, windowSeconds: 60 }),
  countResources: (state) => state.cases.size + state.referrals.size,
};
