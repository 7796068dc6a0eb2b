import { randomUUID } from 'node:crypto';
import { addCreated } from '../../bounded-store.js';
import { isResponse, route } from '../../routing.js';
import { authed, ownedCase, withBody } from './access.js';
import { CASE_TRANSITIONS, CASE_TYPES, type Case, type CaseStatus, type State } from './state.js';

/** The firm itself and its cases: read, create, and move through the case states. */
export const caseRoutes = [
  route<State>(
    'GET',
    '/firms/me',
    authed('read', (_r, ctx, _p, caller) => {
      const firm = ctx.state.firms.get(caller.key.firmId);
      return ctx.json(200, { data: { firm, apiKey: { tier: caller.key.tier } } });
    }),
  ),
  route<State>(
    'GET',
    '/cases/:id',
    authed('read', (_r, ctx, params, caller) => {
      const found = ownedCase(ctx, params.id, caller);
      return isResponse(found) ? found : ctx.json(200, { data: found });
    }),
  ),
  route<State>(
    'POST',
    '/cases',
    authed('write', (request, ctx, _p, caller) =>
      withBody(request, ctx, (body) => {
        if (typeof body.clientName !== 'string' || body.clientName.trim() === '') {
          return ctx.error('validation_error', 'clientName is required.');
        }
        if (!CASE_TYPES.includes(String(body.caseType))) {
          return ctx.error('validation_error', `caseType must be one of ${CASE_TYPES.join(', ')}.`);
        }
        // An optional filing date, the one date a case takes: "malformed dates" are a documented 400.
        if (body.filedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(body.filedOn))) {
          return ctx.error('validation_error', 'filedOn must be a date (YYYY-MM-DD).');
        }
        const created: Case = {
          id: randomUUID(),
          firmId: caller.key.firmId,
          clientName: body.clientName,
          caseType: String(body.caseType),
          status: 'open',
        };
        addCreated(ctx.state.cases, created.id, created);
        return ctx.json(201, { data: created });
      }),
    ),
  ),
  route<State>(
    'PATCH',
    '/cases/:id',
    authed('write', (request, ctx, params, caller) =>
      withBody(request, ctx, (body) => {
        const found = ownedCase(ctx, params.id, caller);
        if (isResponse(found)) return found;
        const next = body.status as CaseStatus;
        if (!(next in CASE_TRANSITIONS)) {
          return ctx.error('validation_error', 'status must be one of open, in_progress, closed.');
        }
        if (!CASE_TRANSITIONS[found.status].includes(next)) {
          return ctx.error('invalid_state_transition', `A case cannot move from ${found.status} to ${next}.`);
        }
        found.status = next;
        return ctx.json(200, { data: found });
      }),
    ),
  ),
];
