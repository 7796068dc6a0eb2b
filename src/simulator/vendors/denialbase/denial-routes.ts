import { randomBytes } from 'node:crypto';
import { addCreated } from '../../bounded-store.js';
import { isResponse, okOr, route, withJsonBody } from '../../routing.js';
import { authed, failure, owned, validationFailed } from './access.js';
import { DENIAL_TYPES, type Denial, EMAIL, type State } from './state.js';

function denialProblems(body: Record<string, unknown>, partial: boolean) {
  const details: { field: string; message: string }[] = [];
  if (!partial || body.claim_number !== undefined) {
    if (typeof body.claim_number !== 'string' || body.claim_number.trim() === '')
      details.push({ field: 'claim_number', message: 'is required' });
  }
  if (!partial || body.denial_type !== undefined) {
    if (!DENIAL_TYPES.includes(String(body.denial_type)))
      details.push({ field: 'denial_type', message: `must be one of ${DENIAL_TYPES.join(', ')}` });
  }
  if (!partial || body.amount_cents !== undefined) {
    if (!Number.isSafeInteger(body.amount_cents) || (body.amount_cents as number) < 0)
      details.push({ field: 'amount_cents', message: 'must be a whole, non-negative number of cents' });
  }
  if (
    body.payer_email !== undefined &&
    !(typeof body.payer_email === 'string' && EMAIL.test(body.payer_email))
  ) {
    details.push({ field: 'payer_email', message: 'is not an e-mail address' });
  }
  return details;
}

export const denialRoutes = [
  route<State>(
    'GET',
    '/api/v1/denials',
    authed('read', (_r, ctx, _p, caller) =>
      ctx.json(200, {
        denials: [...ctx.state.denials.values()].filter((d) => d.org_id === caller.user.orgId),
      }),
    ),
  ),
  route<State>(
    'POST',
    '/api/v1/denials',
    authed('write', (request, ctx, _p, caller) =>
      withJsonBody(request, ctx, failure, (body) => {
        const details = denialProblems(body, false);
        if (details.length) return validationFailed(ctx, details);
        const denial: Denial = {
          id: `dn_${randomBytes(6).toString('hex')}`,
          org_id: caller.user.orgId,
          claim_number: String(body.claim_number),
          denial_type: String(body.denial_type),
          amount_cents: body.amount_cents as number,
          status: 'open',
          lock_version: 1,
        };
        addCreated(ctx.state.denials, denial.id, denial);
        return ctx.json(201, denial);
      }),
    ),
  ),
  route<State>(
    'GET',
    '/api/v1/denials/:id',
    authed('read', (_r, ctx, params, caller) => {
      const found = owned(ctx, ctx.state.denials, params.id, caller);
      return okOr(ctx, found);
    }),
  ),
  route<State>(
    'PATCH',
    '/api/v1/denials/:id',
    authed('write', (request, ctx, params, caller) =>
      withJsonBody(request, ctx, failure, (body) => {
        const found = owned(ctx, ctx.state.denials, params.id, caller);
        if (isResponse(found)) return found;
        const details = denialProblems(body, true);
        if (!Number.isSafeInteger(body.lock_version))
          details.push({ field: 'lock_version', message: 'is required for updates' });
        if (details.length) return validationFailed(ctx, details);
        if (body.lock_version !== found.lock_version) {
          return ctx.error(
            'conflict',
            'Someone else changed this denial; fetch it again and reapply your change.',
          );
        }
        Object.assign(found, pick(body, ['claim_number', 'denial_type', 'amount_cents']), {
          lock_version: found.lock_version + 1,
        });
        return ctx.json(200, found);
      }),
    ),
  ),
];

function pick(body: Record<string, unknown>, fields: readonly string[]) {
  return Object.fromEntries(fields.filter((f) => body[f] !== undefined).map((f) => [f, body[f]]));
}

/** The uploaded file's name, from a multipart part or a header for a raw upload. */
