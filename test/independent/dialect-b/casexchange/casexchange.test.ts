import { describe, expect, it } from 'vitest';
import { atPointer, type DocumentedCase, withVendor } from '../kit/cases.js';
import { call, credentialHeader, operationUrl, type Reply } from '../kit/client.js';
import { itAnswersDocumentedCases } from '../kit/documented-tests.js';
import type { DialectDirectory } from '../types.js';
import { bugs, type CaseXchangeBugId } from './bugs.js';

/** Sends an operation with its example body, changed by `change`, as the named key. */
function send(
  directory: DialectDirectory,
  operation: string,
  options: {
    key?: string;
    change?: Record<string, unknown>;
    params?: Record<string, string | number>;
    raw?: string;
  } = {},
): Promise<Reply> {
  const found = directory.operations[operation];
  if (found === undefined) throw new Error(`no operation ${operation}`);
  const headers = options.key === undefined ? {} : credentialHeader(directory, options.key);
  const url = operationUrl(directory, operation, options.params);
  if (found.body === undefined) return call(url, { method: found.method, headers });
  if (typeof found.body === 'string' || options.raw !== undefined) {
    return call(url, {
      method: found.method,
      headers: { ...headers, 'content-type': found.contentType ?? 'text/plain' },
      body: options.raw ?? String(found.body),
    });
  }
  return call(url, { method: found.method, headers, json: { ...(found.body as object), ...options.change } });
}

/** Status and code, flagged when the envelope lacks a documented member. */
function envelope(reply: Reply): string {
  const complete =
    typeof atPointer(reply.body, '/error/message') === 'string' &&
    String(atPointer(reply.body, '/meta/requestId')).startsWith('req_') &&
    typeof atPointer(reply.body, '/meta/timestamp') === 'string';
  return `${reply.status} ${String(atPointer(reply.body, '/error/code'))}${complete ? '' : ' (envelope incomplete)'}`;
}

async function exhaustQuota(directory: DialectDirectory): Promise<Reply> {
  for (let sent = 0; sent < (directory.limits.rateLimitRequests ?? 0); sent += 1) {
    const reply = await send(directory, 'getFirm', { key: 'fullKey' });
    if (reply.status !== 200) throw new Error(`request ${sent} answered ${reply.status}`);
  }
  return send(directory, 'getFirm', { key: 'fullKey' });
}

const CASES: DocumentedCase[] = [
  {
    name: 'creates a case',
    expected: '201 id number, location yes',
    observe: async ({ directory }) => {
      const reply = await send(directory, 'createCase', { key: 'fullKey' });
      return `${reply.status} id ${typeof atPointer(reply.body, '/data/id')}, location ${reply.headers.has('location') ? 'yes' : 'no'}`;
    },
  },
  {
    name: 'no key',
    expected: '401 invalid_api_key',
    observe: async ({ directory }) => envelope(await send(directory, 'getFirm')),
  },
  {
    name: 'revoked key',
    expected: '401 invalid_api_key',
    observe: async ({ directory }) => envelope(await send(directory, 'getFirm', { key: 'revokedKey' })),
  },
  {
    name: 'read_only key writes',
    expected: '403 insufficient_tier',
    observe: async ({ directory }) => envelope(await send(directory, 'createCase', { key: 'readOnlyKey' })),
  },
  {
    name: "another firm's case",
    expected: '403 permission_denied',
    observe: async ({ directory }) =>
      envelope(
        await send(directory, 'getCase', {
          key: 'fullKey',
          params: { caseId: directory.facts.otherFirmCaseId ?? 0 },
        }),
      ),
  },
  {
    name: 'malformed UUID',
    expected: '400 validation_error',
    observe: async ({ directory }) =>
      envelope(
        await send(directory, 'createReferral', { key: 'fullKey', change: { targetFirmId: 'firm-42' } }),
      ),
  },
  {
    name: 'malformed date',
    expected: '400 validation_error',
    observe: async ({ directory }) =>
      envelope(
        await send(directory, 'createCase', { key: 'fullKey', change: { incidentDate: '2026-02-30' } }),
      ),
  },
  {
    name: 'missing field and bad enum, with field details',
    expected: '400 validation_error title,practiceArea',
    observe: async ({ directory }) => {
      const reply = await send(directory, 'createCase', {
        key: 'fullKey',
        change: { title: undefined, practiceArea: 'tax' },
      });
      const fields = ((atPointer(reply.body, '/error/details') as { field: string }[] | undefined) ?? []).map(
        (d) => d.field,
      );
      return `${envelope(reply)} ${fields.join(',')}`;
    },
  },
  {
    name: 'transition the state does not allow',
    expected: 'patch 400 invalid_state_transition, re-refer 400 invalid_state_transition',
    observe: async ({ directory }) => {
      const patch = await send(directory, 'updateReferral', {
        key: 'fullKey',
        params: { referralId: directory.facts.declinedReferralId ?? 0 },
      });
      const reRefer = await send(directory, 'reReferral', {
        key: 'fullKey',
        params: { referralId: directory.facts.pendingReferralId ?? 0 },
      });
      return `patch ${envelope(patch)}, re-refer ${envelope(reRefer)}`;
    },
  },
  {
    name: 'stale firm UUID',
    expected: '404 resource_not_found',
    observe: async ({ directory }) =>
      envelope(
        await send(directory, 'createReferral', {
          key: 'fullKey',
          change: { targetFirmId: directory.facts.unknownFirmId },
        }),
      ),
  },
  {
    name: 'active referral to the same firm',
    expected: '409 conflict',
    observe: async ({ directory }) =>
      envelope(
        await send(directory, 'createReferral', {
          key: 'fullKey',
          change: { caseId: directory.facts.referredCaseId },
        }),
      ),
  },
  {
    name: 'duplicate contact email and malformed CSV',
    expected: '409 conflict, 400 validation_error',
    observe: async ({ directory }) => {
      const duplicate = await send(directory, 'importContacts', {
        key: 'fullKey',
        raw: `name,email,role\nAvery Lane,${directory.facts.existingContactEmail},claimant\n`,
      });
      const malformed = await send(directory, 'importContacts', { key: 'fullKey', raw: 'name;email\nx;y\n' });
      return `${envelope(duplicate)}, ${envelope(malformed)}`;
    },
  },
  {
    name: 'quota exceeded: reset header',
    expected: '429 rate_limited, resets in 10 s, then 200',
    observe: async ({ directory, clock }) => {
      const limited = await exhaustQuota(directory);
      const reset = Number(limited.headers.get('x-ratelimit-reset') ?? Number.NaN);
      const resetsIn = Math.round(reset - clock.now() / 1000);
      clock.advance(directory.limits.rateLimitWindowMs ?? 0);
      const after = await send(directory, 'getFirm', { key: 'fullKey' });
      return `${limited.status} ${String(atPointer(limited.body, '/error/code'))}, resets in ${resetsIn} s, then ${after.status}`;
    },
  },
  {
    name: 'quota exceeded: envelope',
    expected: '429 rate_limited',
    observe: async ({ directory }) => envelope(await exhaustQuota(directory)),
  },
  {
    name: 'failing records',
    expected: '500 internal_error; 502 bad_gateway; 503 service_unavailable',
    observe: async ({ directory }) => {
      const replies = await Promise.all(
        directory.failing.map((failing) =>
          send(directory, failing.operation, {
            key: 'fullKey',
            ...(failing.params ? { params: failing.params } : {}),
          }),
        ),
      );
      return replies.map(envelope).join('; ');
    },
  },
];

const BUG_CASES: Record<CaseXchangeBugId, string> = {
  'casexchange.missing-key-forbidden': 'no key',
  'casexchange.malformed-uuid-accepted': 'malformed UUID',
  'casexchange.malformed-date-server-error': 'malformed date',
  'casexchange.rate-limit-no-reset': 'quota exceeded: reset header',
  'casexchange.rate-limit-no-request-id': 'quota exceeded: envelope',
  'casexchange.read-only-write-permission-denied': 'read_only key writes',
  'casexchange.revoked-key-accepted': 'revoked key',
  'casexchange.state-transition-conflict': 'transition the state does not allow',
  'casexchange.duplicate-referral-accepted': 'active referral to the same firm',
};

describe('dialect B CaseXchange', () => {
  itAnswersDocumentedCases('casexchange', CASES, bugs, BUG_CASES);

  it('walks a referral through its states and re-refers a finished one', async () => {
    await withVendor('casexchange', [], async ({ directory }) => {
      const created = await send(directory, 'createReferral', { key: 'fullKey' });
      expect(created.status).toBe(201);
      const referralId = Number(atPointer(created.body, '/data/id'));
      const accept = await send(directory, 'updateReferral', {
        key: 'fullKey',
        params: { referralId },
        change: { status: 'accepted' },
      });
      expect(atPointer(accept.body, '/data/status')).toBe('accepted');
      const close = await send(directory, 'updateReferral', {
        key: 'fullKey',
        params: { referralId },
        change: { status: 'closed' },
      });
      expect(close.status).toBe(200);
      const again = await send(directory, 'reReferral', { key: 'fullKey', params: { referralId } });
      expect(again.status).toBe(201);
      expect(again.headers.get('x-request-id')).toBe(atPointer(again.body, '/meta/requestId'));
      const other = await send(directory, 'getReferral', { key: 'otherFirmKey', params: { referralId } });
      expect(envelope(other)).toBe('403 permission_denied');
      const imported = await send(directory, 'importContacts', { key: 'fullKey' });
      expect(imported.status).toBe(201);
      expect(imported.text).not.toContain(String(credentialHeader(directory, 'fullKey')['X-API-Key']));
    });
  });
});
