import { randomUUID } from 'node:crypto';
import { matchRoute } from '../../routing.js';
import type { VendorModel } from '../../types.js';
import { failure } from './access.js';
import { claimRoutes } from './claim-routes.js';
import { claimrevCredentials, createState } from './seed.js';
import type { State } from './state.js';
import { tokenRoutes } from './token-routes.js';

const routes = [...tokenRoutes, ...claimRoutes];

/**
 * ClaimRev's behaviour model: an OAuth client-credentials token endpoint and claim endpoints whose
 * error bodies follow no one shape (see access.ts).
 */
export const model: VendorModel<State> = {
  id: 'claimrev',
  createState,
  credentials: claimrevCredentials,
  handle(request, ctx) {
    const match = matchRoute(routes, request.method, request.path);
    if (!match) return failure('unknown_route');
    return match.handler(request, ctx, match.params);
  },
  shapeError: ({ entry, message, now }) => ({
    error: entry.code,
    error_description: message,
    correlation_id: randomUUID(),
    timestamp: new Date(now)
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z'),
  }),
  failure,
  maxBodyBytes: 1024 * 1024,
  countResources: (state) => state.claims.size,
};
