import { failingReads } from '../kit/failing.js';
import type { DialectCredential, DialectDirectory } from '../types.js';
import type { ForesightSeed, KeyName } from './seed.js';
import { HOLD_CAP_MS, IDEMPOTENCY_WINDOW_MS, MAGIC_PAYERS, MAX_JSON_BYTES, RATE_LIMIT } from './state.js';

export function describeForesight(baseUrl: string, seed: ForesightSeed): DialectDirectory {
  const apiKey = (name: KeyName): DialectCredential => ({
    kind: 'header',
    header: 'X-API-Key',
    value: seed.keys[name].value,
  });
  const { facts } = seed;
  const eligibility = { patientId: facts.patientId, payerId: '60054', serviceDate: '2026-06-15' };
  return {
    baseUrl,
    operations: {
      createClaim: {
        method: 'POST',
        path: '/v1/claims',
        body: {
          patientId: facts.patientId,
          claimType: 'institutional',
          totalChargeCents: 482_00,
          admissionDate: '2026-05-10',
          dischargeDate: '2026-05-13',
          externalId: 'ENC-2026-0001',
        },
        contentType: 'application/json',
        idPointer: '/claim/id',
        summary: 'Record a claim for a patient of the organization.',
      },
      getClaim: { method: 'GET', path: '/v1/claims/{claimId}', summary: 'Read one claim.' },
      deleteClaim: { method: 'DELETE', path: '/v1/claims/{claimId}', summary: 'Soft-delete a claim.' },
      createEligibilityCheck: {
        method: 'POST',
        path: '/v1/eligibility-checks',
        body: eligibility,
        contentType: 'application/json',
        idPointer: '/eligibilityCheck/id',
        summary: "Ask the patient's payer whether coverage is active on a date.",
      },
    },
    credentials: {
      fullKey: apiKey('fullKey'),
      fullKeyBearer: { kind: 'header', header: 'Authorization', value: `Bearer ${seed.keys.fullKey.value}` },
      readOnlyKey: apiKey('readOnlyKey'),
      expiredKey: apiKey('expiredKey'),
      revokedKey: apiKey('revokedKey'),
      otherOrgKey: apiKey('otherOrgKey'),
    },
    facts: { ...facts, ...MAGIC_PAYERS },
    failing: [
      ...failingReads('getClaim', 'claimId', facts, [['brokenClaimId', 'internal_error', 500]]),
      ...(
        [
          ['unavailablePayerId', 'payer_unavailable', 502],
          ['garbledPayerId', 'payer_invalid_response', 502],
          ['rejectingPayerId', 'payer_rejected', 422],
          ['degradedPayerId', 'service_unavailable', 503],
        ] as const
      ).map(([payer, provokes, status]) => ({
        operation: 'createEligibilityCheck',
        body: { ...eligibility, payerId: MAGIC_PAYERS[payer] },
        provokes,
        status,
      })),
    ],
    limits: {
      rateLimitRequests: RATE_LIMIT.limit,
      rateLimitWindowMs: RATE_LIMIT.windowMs,
      idempotencyWindowMs: IDEMPOTENCY_WINDOW_MS,
      inFlightHoldCapMs: HOLD_CAP_MS,
      maxJsonBodyBytes: MAX_JSON_BYTES,
    },
  };
}
