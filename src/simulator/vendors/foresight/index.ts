import { dispatch } from '../../routing.js';
import type { SimRequest, VendorModel } from '../../types.js';
import { failure } from './access.js';
import { claimRoutes } from './claim-routes.js';
import { patientRoutes } from './patient-routes.js';
import { createState, foresightCredentials, KEYS } from './seed.js';
import type { Ctx, State } from './state.js';

const routes = [...patientRoutes, ...claimRoutes];

/** Foresight's behaviour model: API keys with scopes and expiry, patients and claims, payer outcomes. */
export const model: VendorModel<State> = {
  id: 'foresight',
  createState,
  credentials: foresightCredentials,
  handle: (request: SimRequest, ctx: Ctx) => dispatch(routes, request, ctx, failure),
  shapeError: ({ entry, message, extras }) => ({
    error: {
      type: entry.vendorType ?? 'server_error',
      code: entry.code,
      message,
      ...(extras.param ? { param: extras.param } : {}),
      docsUrl: `https://docs.have-foresight.app/guides/errors#${entry.code}`,
    },
  }),
  failure,
  maxBodyBytes: 1024 * 1024,
  rateLimitFor: (principal) => {
    const key = KEYS[principal.replace(/^Bearer\s+/i, '')];
    return { limit: key?.limitPerMinute ?? 600, windowSeconds: 60 };
  },
  countResources: (state) => state.patients.size + state.claims.size,
};
