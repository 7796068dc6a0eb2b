import { createHash } from 'node:crypto';
import type { Success } from './answers.js';
import { type Call, hasBehaviourBug, headerValue } from './call.js';
import { CollateError } from './errors.js';
import { SERVICE_TYPES } from './seed.js';
import { type FinalSubmission, newAuthorization } from './state.js';
import { at, IssueList, requireObjectBody } from './validate.js';
import { authorizationView } from './views.js';

/**
 * Creating an authorization: idempotency first (a key reused with another body is a conflict, the
 * same body replays the first answer), then the submission policy, the fields, and the catalog
 * (provider, payer, route, provider access).
 */

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
const FINAL_SUBMISSION: readonly FinalSubmission[] = ['automatic', 'customer_review'];

/** Key order does not matter: the same JSON value is the same body. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function idempotencyKey(call: Call): string | undefined {
  const key = headerValue(call, 'idempotency-key');
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new CollateError('bad_request', 'Idempotency-Key must be 1 to 255 visible ASCII characters.', {
      details: { header: 'Idempotency-Key' },
    });
  }
  return key;
}

function validateCreate(body: unknown): void {
  const finalSubmission = at(body, 'policy.finalSubmission');
  if (finalSubmission === undefined || finalSubmission === null) {
    throw new CollateError('final_submission_policy_required', 'policy.finalSubmission is required.', {
      details: { field: 'policy.finalSubmission', allowed: FINAL_SUBMISSION },
    });
  }
  const issues = new IssueList();
  issues.text(body, 'providerNpi', /^\d{10}$/, 'ten digits');
  issues.text(body, 'payerId');
  issues.text(body, 'patient.memberId');
  issues.text(body, 'patient.lastName');
  issues.text(body, 'patient.birthDate', /^\d{4}-\d{2}-\d{2}$/, 'a date like 1980-01-31');
  issues.text(body, 'service.state', /^[A-Z]{2}$/, 'a two-letter state code');
  issues.oneOf(body, 'service.type', SERVICE_TYPES);
  issues.text(body, 'service.code');
  issues.oneOf(body, 'policy.finalSubmission', FINAL_SUBMISSION);
  issues.throwIfAny();
}

function checkCatalog(call: Call, body: Record<string, unknown>): void {
  const { catalog } = call.sandbox;
  const providerNpi = String(body.providerNpi);
  const payerId = String(body.payerId);
  if (!catalog.providers.get(call.key.organizationId)?.has(providerNpi)) {
    throw new CollateError(
      'provider_not_found',
      'This provider NPI is not registered to your organization.',
      {
        details: { providerNpi },
      },
    );
  }
  if (!catalog.payers.has(payerId)) {
    throw new CollateError('payer_not_found', 'This payer is not in the catalog.', { details: { payerId } });
  }
  const wanted = {
    payerId,
    state: String(at(body, 'service.state')),
    serviceType: String(at(body, 'service.type')),
    serviceCode: String(at(body, 'service.code')),
  };
  const route = catalog.routes.find(
    (candidate) =>
      candidate.payerId === wanted.payerId &&
      candidate.state === wanted.state &&
      candidate.serviceType === wanted.serviceType &&
      candidate.serviceCode === wanted.serviceCode,
  );
  if (!route) {
    throw new CollateError('unsupported_route', 'No route serves this combination.', {
      details: { providerNpi, ...wanted },
    });
  }
  if (!route.providerAccess.has(providerNpi)) {
    throw new CollateError(
      'provider_access_not_configured',
      'The route exists but provider access is not set up.',
      {
        details: { providerNpi, ...wanted },
      },
    );
  }
}

export function createAuthorization(call: Call): Success {
  const body = requireObjectBody(call.json);
  const { store, now } = call.sandbox;
  const key = idempotencyKey(call);
  const storeKey = key === undefined ? undefined : `${call.key.organizationId}\n${key}`;
  const fingerprint = createHash('sha256').update(canonical(body)).digest('hex');
  if (storeKey !== undefined) {
    const earlier = store.creates.get(storeKey);
    if (earlier && now() - earlier.storedAt < IDEMPOTENCY_WINDOW_MS) {
      if (earlier.fingerprint !== fingerprint) {
        throw new CollateError('idempotency_key_reused', 'This idempotency key was used with another body.', {
          details: { authorizationId: earlier.authorizationId },
        });
      }
      if (!hasBehaviourBug(call.sandbox, 'replayCreatesSecondAuthorization')) {
        return {
          status: earlier.status,
          body: earlier.body,
          headers: { ...earlier.headers, 'Idempotent-Replayed': 'true' },
        };
      }
    }
  }
  validateCreate(body);
  checkCatalog(call, body);
  const record = newAuthorization({
    id: store.authorizationIds.take(),
    organizationId: call.key.organizationId,
    version: 1,
    request: {
      providerNpi: body.providerNpi,
      payerId: body.payerId,
      patient: body.patient,
      service: body.service,
    },
    finalSubmission: at(body, 'policy.finalSubmission') as FinalSubmission,
  });
  store.authorizations.set(record.id, record);
  const success: Success = {
    status: 201,
    body: { data: authorizationView(record, undefined) },
    headers: { Location: `/v2/prior-authorizations/${record.id}`, ETag: `"${record.version}"` },
  };
  if (storeKey !== undefined) {
    store.creates.set(storeKey, {
      fingerprint,
      authorizationId: record.id,
      status: success.status,
      body: success.body,
      headers: success.headers ?? {},
      storedAt: now(),
    });
  }
  return success;
}
