import { randomBytes } from 'node:crypto';
import { addCreated } from '../../bounded-store.js';
import { isResponse, route } from '../../routing.js';
import { authed, findAuthorization, withBody, writable } from './access.js';
import { GRANT_LIFETIME_MS, type Grant, type Handoff, type State } from './state.js';

export const sessionRoutes = [
  route<State>(
    'GET',
    '/v1/prior-authorizations/:id/live-session',
    authed('read', (_r, ctx, params, key) => {
      const found = findAuthorization(ctx, params.id, key);
      if (isResponse(found)) return found;
      if (found.status !== 'processing')
        return ctx.error('live_session_not_available', 'No live session runs for this authorization now.');
      return ctx.json(200, { authorizationId: found.id, status: 'active', mode: 'read_only' });
    }),
  ),
  route<State>(
    'POST',
    '/v1/prior-authorizations/:id/live-session/grants',
    authed('write', (request, ctx, params, key) =>
      withBody(request, ctx, (body) => {
        const found = findAuthorization(ctx, params.id, key);
        if (isResponse(found)) return found;
        if (body.mode === 'interactive') {
          const active = [...ctx.state.handoffs.values()].some(
            (h) => h.authorizationId === found.id && h.status === 'active',
          );
          if (!active)
            return ctx.error(
              'interactive_grant_not_allowed',
              'Interactive access needs an active manual handoff.',
            );
        } else if (found.status !== 'processing') {
          return ctx.error(
            'live_session_not_available',
            'No live session can be granted now; poll the live session.',
          );
        }
        const grant: Grant = {
          id: `grant_${randomBytes(8).toString('hex')}`,
          authorizationId: found.id,
          expiresAt: ctx.clock.now() + GRANT_LIFETIME_MS,
          revoked: false,
        };
        addCreated(ctx.state.grants, grant.id, grant);
        return ctx.json(201, { grantId: grant.id, expiresAt: new Date(grant.expiresAt).toISOString() });
      }),
    ),
  ),
  route<State>(
    'GET',
    '/v1/access-grants/:grantId',
    authed('read', (_r, ctx, params) => {
      const grant = ctx.state.grants.get(params.grantId ?? '');
      if (grant?.revoked) return ctx.error('access_grant_revoked', 'This grant was withdrawn.');
      if (!grant || grant.expiresAt <= ctx.clock.now())
        return ctx.error('access_grant_expired', 'This grant is no longer valid; ask for a new one.');
      return ctx.json(200, {
        grantId: grant.id,
        authorizationId: grant.authorizationId,
        expiresAt: new Date(grant.expiresAt).toISOString(),
      });
    }),
  ),
  route<State>(
    'POST',
    '/v1/prior-authorizations/:id/manual-handoffs',
    authed('write', (_r, ctx, params, key) => {
      const found = writable(ctx, params.id, key);
      if (isResponse(found)) return found;
      if (found.nextAction?.type !== 'complete_payer_interaction') {
        return ctx.error(
          'manual_handoff_not_allowed',
          'A handoff is only for completing a payer interaction.',
        );
      }
      const handoff: Handoff = {
        id: `mh_${randomBytes(6).toString('hex')}`,
        authorizationId: found.id,
        status: 'requested',
        reviewSnapshotId: found.submission.reviewSnapshot?.id ?? '',
      };
      addCreated(ctx.state.handoffs, handoff.id, handoff);
      return ctx.json(201, handoff);
    }),
  ),
  route<State>(
    'POST',
    '/v1/prior-authorizations/:id/manual-handoffs/:handoffId/accept',
    authed('write', (request, ctx, params, key) =>
      withBody(request, ctx, (body) => {
        const found = writable(ctx, params.id, key);
        if (isResponse(found)) return found;
        const handoff = ctx.state.handoffs.get(params.handoffId ?? '');
        if (handoff?.status === 'closed')
          return ctx.error('manual_handoff_already_closed', 'The handoff is closed; read the authorization.');
        if (!handoff || handoff.authorizationId !== found.id || handoff.status !== 'active') {
          return ctx.error('manual_handoff_not_active', 'That handoff is not the active one; read it first.');
        }
        if (body.reviewSnapshotId !== handoff.reviewSnapshotId) {
          return ctx.error(
            'manual_handoff_review_approval_required',
            'Accepting needs the id of the review snapshot you approved.',
          );
        }
        handoff.status = 'closed';
        return ctx.json(200, handoff);
      }),
    ),
  ),
];
