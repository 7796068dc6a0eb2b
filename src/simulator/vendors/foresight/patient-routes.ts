import { randomUUID } from 'node:crypto';
import { addCreated } from '../../bounded-store.js';
import { isResponse, okOr, route, withJsonBody } from '../../routing.js';
import { authed, checkFields, failure, findOwned } from './access.js';
import type { Patient, State } from './state.js';

export const patientRoutes = [
  route<State>(
    'POST',
    '/v1/patients',
    authed('patients:write', (request, ctx, _p, key) =>
      withJsonBody(request, ctx, failure, (body) => {
        const problem = checkFields(ctx, body, ['externalId', 'firstName', 'lastName', 'dateOfBirth']);
        if (problem) return problem;
        const duplicate = [...ctx.state.patients.values()].some(
          (p) => p.orgId === key.orgId && p.externalId === body.externalId,
        );
        if (duplicate)
          return ctx.error('resource_already_exists', 'A patient with this externalId already exists.');
        const patient: Patient = {
          id: randomUUID(),
          orgId: key.orgId,
          externalId: String(body.externalId),
          firstName: String(body.firstName),
          lastName: String(body.lastName),
          dateOfBirth: String(body.dateOfBirth),
          deletedAt: null,
        };
        addCreated(ctx.state.patients, patient.id, patient);
        return ctx.json(201, patient);
      }),
    ),
  ),
  route<State>(
    'GET',
    '/v1/patients/:id',
    authed('patients:read', (_r, ctx, params, key) => {
      const found = findOwned(ctx, ctx.state.patients, params.id, key, 'id');
      return okOr(ctx, found);
    }),
  ),
  route<State>(
    'DELETE',
    '/v1/patients/:id',
    authed('patients:write', (_r, ctx, params, key) => {
      const found = findOwned(ctx, ctx.state.patients, params.id, key, 'id');
      if (isResponse(found)) return found;
      found.deletedAt = new Date(ctx.clock.now()).toISOString();
      return ctx.json(204, null);
    }),
  ),
];
