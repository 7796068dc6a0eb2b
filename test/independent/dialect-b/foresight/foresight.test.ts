import { describe, expect, it } from 'vitest';
import { atPointer, type DocumentedCase, withVendor } from '../kit/cases.js';
import { call, credentialHeader, operationUrl, type Reply } from '../kit/client.js';
import { itAnswersDocumentedCases } from '../kit/documented-tests.js';
import type { DialectDirectory } from '../types.js';
import { bugs, type ForesightBugId } from './bugs.js';

interface SendOptions {
  key?: string;
  change?: Record<string, unknown>;
  params?: Record<string, string | number>;
  headers?: Record<string, string>;
}

function send(directory: DialectDirectory, operation: string, options: SendOptions = {}): Promise<Reply> {
  const found = directory.operations[operation];
  if (found === undefined) throw new Error(`no operation ${operation}`);
  const headers = {
    ...(options.key === undefined ? {} : credentialHeader(directory, options.key)),
    ...options.headers,
  };
  const url = operationUrl(directory, operation, options.params);
  if (found.body === undefined) return call(url, { method: found.method, headers });
  return call(url, { method: found.method, headers, json: { ...(found.body as object), ...options.change } });
}

/** Status, type, code and param, flagged when a documented envelope member is missing. */
function envelope(reply: Reply): string {
  const code = String(atPointer(reply.body, '/error/code'));
  const complete =
    typeof atPointer(reply.body, '/error/message') === 'string' &&
    String(atPointer(reply.body, '/error/requestId')).startsWith('req_') &&
    String(atPointer(reply.body, '/error/docsUrl')).endsWith(`#${code}`);
  const param = atPointer(reply.body, '/error/param');
  return `${reply.status} ${String(atPointer(reply.body, '/error/type'))} ${code}${param === undefined ? '' : ` param ${String(param)}`}${complete ? '' : ' (envelope incomplete)'}`;
}

async function exhaustQuota(directory: DialectDirectory): Promise<Reply> {
  for (let sent = 0; sent < (directory.limits.rateLimitRequests ?? 0); sent += 1) {
    await send(directory, 'getClaim', { key: 'fullKey' });
  }
  return send(directory, 'getClaim', { key: 'fullKey' });
}

const claimIdOf = (reply: Reply): unknown => atPointer(reply.body, '/claim/id');

const CASES: DocumentedCase[] = [
  {
    name: 'creates a claim, also with a bearer key',
    expected: '201 id number, bearer 201',
    observe: async ({ directory }) => {
      const reply = await send(directory, 'createClaim', { key: 'fullKey' });
      const bearer = await send(directory, 'createClaim', {
        key: 'fullKeyBearer',
        change: { externalId: 'ENC-2' },
      });
      return `${reply.status} id ${typeof claimIdOf(reply)}, bearer ${bearer.status}`;
    },
  },
  {
    name: 'no key',
    expected: '401 authentication_error missing_api_key',
    observe: async ({ directory }) => envelope(await send(directory, 'getClaim')),
  },
  {
    name: 'revoked and malformed keys, a non-bearer Authorization',
    expected: [1, 2, 3].map(() => '401 authentication_error invalid_api_key').join(', '),
    observe: async ({ directory }) => {
      const revoked = await send(directory, 'getClaim', { key: 'revokedKey' });
      const malformed = await send(directory, 'getClaim', { headers: { 'x-api-key': 'sk_nonsense' } });
      const basic = await send(directory, 'getClaim', { headers: { authorization: 'Basic dXNlcjpwdw==' } });
      return `${envelope(revoked)}, ${envelope(malformed)}, ${envelope(basic)}`;
    },
  },
  {
    name: 'expired key',
    expected: '401 authentication_error expired_api_key',
    observe: async ({ directory }) => envelope(await send(directory, 'getClaim', { key: 'expiredKey' })),
  },
  {
    name: 'key without the scope',
    expected: '403 permission_error forbidden_scope',
    observe: async ({ directory }) => envelope(await send(directory, 'createClaim', { key: 'readOnlyKey' })),
  },
  {
    name: "another organization's claim and patient",
    expected:
      '403 permission_error organization_mismatch, 403 permission_error organization_mismatch param patientId',
    observe: async ({ directory }) => {
      const claim = await send(directory, 'getClaim', { key: 'otherOrgKey' });
      const patient = await send(directory, 'createClaim', {
        key: 'fullKey',
        change: { patientId: directory.facts.otherOrgPatientId },
      });
      return `${envelope(claim)}, ${envelope(patient)}`;
    },
  },
  {
    name: 'missing field',
    expected: '400 validation_error missing_required_field param patientId',
    observe: async ({ directory }) =>
      envelope(await send(directory, 'createClaim', { key: 'fullKey', change: { patientId: undefined } })),
  },
  {
    name: 'fractional cents',
    expected: '400 validation_error invalid_currency_amount param totalChargeCents',
    observe: async ({ directory }) =>
      envelope(await send(directory, 'createClaim', { key: 'fullKey', change: { totalChargeCents: 12.5 } })),
  },
  {
    name: 'other validation codes',
    expected: [
      '400 validation_error invalid_field_type param totalChargeCents',
      '400 validation_error invalid_enum_value param claimType',
      '400 validation_error invalid_uuid_format param patientId',
      '400 validation_error invalid_date_format param admissionDate',
      '400 validation_error field_value_too_long param externalId',
      '400 validation_error cross_field_constraint param dischargeDate',
    ].join('; '),
    observe: async ({ directory }) => {
      const changes: Record<string, unknown>[] = [
        { totalChargeCents: '48200' },
        { claimType: 'dental' },
        { patientId: 'pat-17' },
        { admissionDate: '05/10/2026' },
        { externalId: 'E'.repeat(65) },
        { dischargeDate: '2026-05-01' },
      ];
      const replies = await Promise.all(
        changes.map((change) => send(directory, 'createClaim', { key: 'fullKey', change })),
      );
      return replies.map(envelope).join('; ');
    },
  },
  {
    name: 'unknown claim and unknown patient',
    expected:
      '404 not_found_error resource_not_found, 404 not_found_error resource_not_found param patientId',
    observe: async ({ directory }) => {
      const claim = await send(directory, 'getClaim', {
        key: 'fullKey',
        params: { claimId: directory.facts.unknownClaimId ?? 0 },
      });
      const patient = await send(directory, 'createClaim', {
        key: 'fullKey',
        change: { patientId: directory.facts.unknownPatientId },
      });
      return `${envelope(claim)}, ${envelope(patient)}`;
    },
  },
  {
    name: 'deleted claim',
    expected: '404 not_found_error resource_deleted',
    observe: async ({ directory }) =>
      envelope(
        await send(directory, 'getClaim', {
          key: 'fullKey',
          params: { claimId: directory.facts.deletedClaimId ?? 0 },
        }),
      ),
  },
  {
    name: 'duplicate externalId',
    expected: '409 conflict_error resource_already_exists param externalId',
    observe: async ({ directory }) =>
      envelope(
        await send(directory, 'createClaim', {
          key: 'fullKey',
          change: { externalId: directory.facts.existingExternalId },
        }),
      ),
  },
  {
    name: 'same key replayed',
    expected: '201, 201 same id, replayed true',
    observe: async ({ directory }) => {
      const headers = { 'idempotency-key': 'replay-1' };
      const first = await send(directory, 'createClaim', { key: 'fullKey', headers });
      const second = await send(directory, 'createClaim', { key: 'fullKey', headers });
      const same = claimIdOf(first) === claimIdOf(second) ? 'same' : 'other';
      return `${first.status}, ${second.status} ${same} id, replayed ${second.headers.get('idempotent-replayed')}`;
    },
  },
  {
    name: 'same key, different body',
    expected: '409 conflict_error idempotency_key_mismatched_body',
    observe: async ({ directory }) => {
      const headers = { 'idempotency-key': 'mismatch-1' };
      await send(directory, 'createClaim', { key: 'fullKey', headers });
      return envelope(
        await send(directory, 'createClaim', { key: 'fullKey', headers, change: { externalId: 'ENC-9' } }),
      );
    },
  },
  {
    name: 'same key while the first is in flight',
    expected: '201 | 409 conflict_error idempotency_key_in_use',
    observe: async ({ directory }) => {
      const options = {
        key: 'fullKey',
        headers: { 'idempotency-key': 'slow-1' },
        change: { payerId: directory.facts.slowPayerId },
      };
      // Whichever request the server meets second is answered in_use, which releases the held first.
      const replies = await Promise.all([
        send(directory, 'createEligibilityCheck', options),
        send(directory, 'createEligibilityCheck', options),
      ]);
      return replies
        .map((reply) => (reply.status === 201 ? '201' : envelope(reply)))
        .sort()
        .join(' | ');
    },
  },
  {
    name: 'quota exceeded: Retry-After',
    expected: '429 rate_limit_exceeded, retry after 10, then 200',
    observe: async ({ directory, clock }) => {
      const limited = await exhaustQuota(directory);
      clock.advance(directory.limits.rateLimitWindowMs ?? 0);
      const after = await send(directory, 'getClaim', { key: 'fullKey' });
      return `${limited.status} ${String(atPointer(limited.body, '/error/code'))}, retry after ${limited.headers.get('retry-after')}, then ${after.status}`;
    },
  },
  {
    name: 'quota exceeded: envelope',
    expected: '429 rate_limit_error rate_limit_exceeded',
    observe: async ({ directory }) => envelope(await exhaustQuota(directory)),
  },
  {
    name: 'failing requests',
    expected: [
      '500 server_error internal_error',
      '502 payer_error payer_unavailable',
      '502 payer_error payer_invalid_response',
      '422 payer_error payer_rejected',
      '503 server_error service_unavailable',
    ].join('; '),
    observe: async ({ directory }) => {
      const replies = await Promise.all(
        directory.failing.map((failing) => {
          const found = directory.operations[failing.operation];
          return call(operationUrl(directory, failing.operation, failing.params), {
            method: found?.method ?? 'GET',
            headers: credentialHeader(directory, 'fullKey'),
            ...(failing.body === undefined ? {} : { json: failing.body }),
          });
        }),
      );
      return replies.map(envelope).join('; ');
    },
  },
];

const BUG_CASES: Record<ForesightBugId, string> = {
  'foresight.missing-field-no-param': 'missing field',
  'foresight.forbidden-scope-unauthorized': 'key without the scope',
  'foresight.rate-limit-no-retry-after': 'quota exceeded: Retry-After',
  'foresight.rate-limit-no-request-id': 'quota exceeded: envelope',
  'foresight.expired-key-invalid': 'expired key',
  'foresight.mismatched-body-replayed': 'same key, different body',
  'foresight.in-flight-key-processed': 'same key while the first is in flight',
  'foresight.deleted-as-not-found': 'deleted claim',
  'foresight.fractional-cents-type-error': 'fractional cents',
};

describe('dialect B Foresight', () => {
  itAnswersDocumentedCases('foresight', CASES, bugs, BUG_CASES);

  it('soft-deletes a claim, then answers resource_deleted; keys stay out of answers', async () => {
    await withVendor('foresight', [], async ({ directory }) => {
      const created = await send(directory, 'createClaim', { key: 'fullKey' });
      const claimId = Number(claimIdOf(created));
      expect((await send(directory, 'deleteClaim', { key: 'fullKey', params: { claimId } })).status).toBe(
        204,
      );
      const gone = await send(directory, 'getClaim', { key: 'fullKey', params: { claimId } });
      expect(envelope(gone)).toBe('404 not_found_error resource_deleted');
      expect(gone.headers.get('x-request-id')).toBe(atPointer(gone.body, '/error/requestId'));
      const key = String(credentialHeader(directory, 'fullKey')['X-API-Key']);
      expect(created.text + gone.text).not.toContain(key);
    });
  });
});
