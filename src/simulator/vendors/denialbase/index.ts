import { dispatch } from '../../routing.js';
import type { VendorModel } from '../../types.js';
import { failure } from './access.js';
import { denialRoutes } from './denial-routes.js';
import { documentRoutes } from './document-routes.js';
import { createState, denialbaseCredentials, SEEDED_SESSIONS } from './seed.js';
import { sessionRoutes } from './session-routes.js';
import { MAX_UPLOAD_BYTES, type State } from './state.js';

const routes = [...sessionRoutes, ...denialRoutes, ...documentRoutes];

/** Denialbase's behaviour model: a Rails-style app with session cookies, a second factor, denials and uploads. */
export const model: VendorModel<State> = {
  id: 'denialbase',
  createState,
  credentials: denialbaseCredentials,
  handle: (request, ctx) => dispatch(routes, request, ctx, failure),
  shapeError: ({ entry, message, extras }) => ({
    error: {
      code: entry.code,
      message,
      ...(Array.isArray(extras.details) ? { details: extras.details } : {}),
    },
  }),
  failure,
  maxBodyBytes: MAX_UPLOAD_BYTES,
  rateLimitFor: (principal) => {
    const token = /_denialbase_session=([^;\s]+)/.exec(principal)?.[1];
    return { limit: (token && SEEDED_SESSIONS[token]?.limitPerMinute) || 300, windowSeconds: 60 };
  },
  countResources: (state) => state.denials.size + state.documents.size,
};
