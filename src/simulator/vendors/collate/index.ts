import { dispatch } from '../../routing.js';
import type { VendorModel } from '../../types.js';
import { failure } from './access.js';
import { authorizationRoutes } from './authorization-routes.js';
import { fileRoutes } from './file-routes.js';
import { collateCredentials, createState } from './seed.js';
import { sessionRoutes } from './session-routes.js';
import { MAX_BODY_BYTES, type State } from './state.js';

const routes = [...authorizationRoutes, ...fileRoutes, ...sessionRoutes];

/**
 * Collate's behaviour model: prior authorizations with a state machine and If-Match versions,
 * files, live sessions, access grants and manual handoffs.
 */
export const model: VendorModel<State> = {
  id: 'collate',
  createState,
  credentials: collateCredentials,
  handle: (request, ctx) => dispatch(routes, request, ctx, failure),
  shapeError: ({ entry, message, extras }) => ({
    error: {
      code: entry.code,
      message,
      retryable: entry.retryable,
      details: typeof extras.details === 'object' && extras.details !== null ? extras.details : {},
      issues: extras.issues ?? [],
    },
  }),
  failure,
  maxBodyBytes: MAX_BODY_BYTES,
  countResources: (state) =>
    state.authorizations.size + state.files.size + state.handoffs.size + state.grants.size,
};
