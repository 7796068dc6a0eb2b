import { describe } from 'vitest';
import { atPointer, type DocumentedCase } from '../kit/cases.js';
import { call, credential, credentialHeader, operationUrl, type Reply, streamBody } from '../kit/client.js';
import { itAnswersDocumentedCases } from '../kit/documented-tests.js';
import type { DialectDirectory } from '../types.js';
import { bugs, type DenialbaseBugId } from './bugs.js';

/** Signs in with a sign-in credential; the reply and the cookie header it set. */
async function signIn(
  directory: DialectDirectory,
  name: string,
): Promise<{ reply: Reply; cookie: Record<string, string> }> {
  const found = credential(directory, name);
  if (found.kind !== 'signIn') throw new Error(`${name} is not a sign-in`);
  const reply = await call(operationUrl(directory, found.operation), { method: 'POST', json: found.body });
  const setCookie = reply.headers.get('set-cookie') ?? '';
  return { reply, cookie: { cookie: setCookie.split(';')[0] ?? '' } };
}

interface SendOptions {
  headers?: Record<string, string>;
  params?: Record<string, string | number>;
  json?: unknown;
  raw?: string;
  contentType?: string;
}

function send(directory: DialectDirectory, operation: string, options: SendOptions = {}): Promise<Reply> {
  const found = directory.operations[operation];
  if (found === undefined) throw new Error(`no operation ${operation}`);
  const url = operationUrl(directory, operation, options.params);
  const headers = { ...options.headers };
  if (found.body === undefined) return call(url, { method: found.method, headers });
  if (typeof found.body === 'string' || options.raw !== undefined) {
    headers['content-type'] = options.contentType ?? found.contentType ?? 'application/octet-stream';
    return call(url, { method: found.method, headers, body: options.raw ?? String(found.body) });
  }
  return call(url, { method: found.method, headers, json: options.json ?? found.body });
}

async function analyst(directory: DialectDirectory): Promise<Record<string, string>> {
  return (await signIn(directory, 'analyst')).cookie;
}

function envelope(reply: Reply): string {
  const complete =
    typeof atPointer(reply.body, '/error/message') === 'string' &&
    String(atPointer(reply.body, '/error/request_id')).startsWith('req_');
  return `${reply.status} ${String(atPointer(reply.body, '/error/code'))}${complete ? '' : ' (envelope incomplete)'}`;
}

async function exhaustQuota(directory: DialectDirectory): Promise<Reply> {
  const cookie = await analyst(directory);
  for (let sent = 0; sent < (directory.limits.rateLimitRequests ?? 0); sent += 1) {
    await send(directory, 'getDenial', { headers: cookie });
  }
  return send(directory, 'getDenial', { headers: cookie });
}

const CASES: DocumentedCase[] = [
  {
    name: 'signs in and creates a denial',
    expected: '201 cookie yes, 201 id number',
    observe: async ({ directory }) => {
      const { reply, cookie } = await signIn(directory, 'analyst');
      const created = await send(directory, 'createDenial', { headers: cookie });
      return `${reply.status} cookie ${cookie.cookie ? 'yes' : 'no'}, ${created.status} id ${typeof atPointer(created.body, '/denial/id')}`;
    },
  },
  {
    name: 'no session, lapsed session',
    expected: '401 not_authenticated, 401 not_authenticated, idle 401 not_authenticated',
    observe: async ({ directory, clock }) => {
      const none = await send(directory, 'getDenial');
      const lapsed = await send(directory, 'getDenial', {
        headers: credentialHeader(directory, 'lapsedSession'),
      });
      const cookie = await analyst(directory);
      clock.advance((directory.limits.sessionIdleMs ?? 0) + 1);
      const idle = await send(directory, 'getDenial', { headers: cookie });
      return `${envelope(none)}, ${envelope(lapsed)}, idle ${envelope(idle)}`;
    },
  },
  {
    name: 'signed-out session',
    expected: '401 not_authenticated, signed out 401 not_authenticated',
    observe: async ({ directory }) => {
      const seeded = await send(directory, 'getDenial', {
        headers: credentialHeader(directory, 'signedOutSession'),
      });
      const cookie = await analyst(directory);
      await send(directory, 'signOut', { headers: cookie });
      const after = await send(directory, 'getDenial', { headers: cookie });
      return `${envelope(seeded)}, signed out ${envelope(after)}`;
    },
  },
  {
    name: 'second factor',
    expected: 'sign-in 402 two_factor_required, api 402 two_factor_required, completed 201, then 200',
    observe: async ({ directory }) => {
      const { reply, cookie } = await signIn(directory, 'twoFactorUser');
      const api = await send(directory, 'getDenial', { headers: cookie });
      const completed = await send(directory, 'completeSecondFactor', { headers: cookie });
      const then = await send(directory, 'getDenial', { headers: cookie });
      return `sign-in ${envelope(reply)}, api ${envelope(api)}, completed ${completed.status}, then ${then.status}`;
    },
  },
  {
    name: 'viewer writes',
    expected: '403 not_authorized',
    observe: async ({ directory }) =>
      envelope(
        await send(directory, 'createDenial', { headers: (await signIn(directory, 'viewer')).cookie }),
      ),
  },
  {
    name: "another organization's denial",
    expected: '404 not_found',
    observe: async ({ directory }) =>
      envelope(
        await send(directory, 'getDenial', { headers: (await signIn(directory, 'otherOrgAnalyst')).cookie }),
      ),
  },
  {
    name: 'validation details',
    expected: '422 validation_failed claim_number,denial_type',
    observe: async ({ directory }) => {
      const json = { denial: { denial_type: 'vibes', amount_cents: 10, denied_on: '2026-04-20' } };
      const reply = await send(directory, 'createDenial', { headers: await analyst(directory), json });
      const fields = ((atPointer(reply.body, '/error/details') as { field: string }[] | undefined) ?? []).map(
        (d) => d.field,
      );
      return `${envelope(reply)} ${fields.join(',')}`;
    },
  },
  {
    name: 'malformed JSON and body without its root',
    expected: '400 bad_request, 400 bad_request',
    observe: async ({ directory }) => {
      const headers = await analyst(directory);
      const broken = await send(directory, 'createDenial', {
        headers,
        raw: '{"denial":',
        contentType: 'application/json',
      });
      const rootless = await send(directory, 'createDenial', { headers, json: { claim_number: 'CLM-1' } });
      return `${envelope(broken)}, ${envelope(rootless)}`;
    },
  },
  {
    name: 'duplicate claim number',
    expected: '409 conflict',
    observe: async ({ directory }) => {
      const json = {
        denial: {
          ...((directory.operations.createDenial?.body ?? { denial: {} }) as { denial: object }).denial,
          claim_number: directory.facts.existingClaimNumber,
        },
      };
      return envelope(await send(directory, 'createDenial', { headers: await analyst(directory), json }));
    },
  },
  {
    name: 'stale update',
    expected: '409 conflict',
    observe: async ({ directory }) => {
      const json = { denial: { status: 'appealed', lock_version: directory.facts.staleLockVersion } };
      return envelope(await send(directory, 'updateDenial', { headers: await analyst(directory), json }));
    },
  },
  {
    name: 'virus in an upload',
    expected: '422 virus_detected',
    observe: async ({ directory }) =>
      envelope(
        await send(directory, 'uploadDocument', {
          headers: await analyst(directory),
          raw: `%PDF-1.7 ${directory.facts.virusSignature}`,
        }),
      ),
  },
  {
    name: 'upload over the limit',
    costly: true,
    expected: '413 file_too_large, answered before the whole body was sent',
    observe: async ({ directory }) => {
      const limit = directory.limits.maxUploadBytes ?? 0;
      const total = limit * 3;
      const result = await streamBody(operationUrl(directory, 'uploadDocument'), {
        totalBytes: total,
        chunkBytes: 1024 * 1024,
        headers: { ...(await analyst(directory)), 'content-type': 'application/pdf' },
      });
      const code = String(atPointer(JSON.parse(result.text) as unknown, '/error/code'));
      return `${result.status} ${code}, answered ${result.sentBytes < total ? 'before' : 'after'} the whole body was sent`;
    },
  },
  {
    name: 'upload retried with the same key',
    expected: '201, 201 same id, replayed true',
    observe: async ({ directory }) => {
      const headers = {
        ...(await analyst(directory)),
        'idempotency-key': '0f7c9e42-1a23-4b5c-9d0e-1234567890ab',
      };
      const first = await send(directory, 'uploadDocument', { headers });
      const second = await send(directory, 'uploadDocument', { headers });
      const same =
        atPointer(first.body, '/document/id') === atPointer(second.body, '/document/id') ? 'same' : 'other';
      return `${first.status}, ${second.status} ${same} id, replayed ${second.headers.get('idempotent-replayed')}`;
    },
  },
  {
    name: 'same key, other request',
    expected: '409 conflict',
    observe: async ({ directory }) => {
      const headers = {
        ...(await analyst(directory)),
        'idempotency-key': '3b6f1f0e-55a1-4c1e-8d7a-2f0c5b9e7a11',
      };
      await send(directory, 'uploadDocument', { headers });
      return envelope(await send(directory, 'uploadDocument', { headers, raw: '%PDF-1.7 another letter' }));
    },
  },
  {
    name: 'quota exceeded: Retry-After',
    expected: '429 rate_limited, retry after 10, then 200',
    observe: async ({ directory, clock }) => {
      const limited = await exhaustQuota(directory);
      // Retry-After is an HTTP-date here: the seconds to wait are its distance from the vendor clock.
      const seconds = Math.round((Date.parse(limited.headers.get('retry-after') ?? '') - clock.now()) / 1000);
      clock.advance(directory.limits.rateLimitWindowMs ?? 0);
      const after = await send(directory, 'getDenial', { headers: await analyst(directory) });
      return `${limited.status} ${String(atPointer(limited.body, '/error/code'))}, retry after ${seconds}, then ${after.status}`;
    },
  },
  {
    name: 'quota exceeded: envelope',
    expected: '429 rate_limited',
    observe: async ({ directory }) => envelope(await exhaustQuota(directory)),
  },
  {
    name: 'failing records and a merged denial',
    expected:
      '500 internal_error; 502 bad_gateway; 503 service_unavailable; 504 gateway_timeout; merged 301 to denialId',
    observe: async ({ directory }) => {
      const headers = await analyst(directory);
      const replies = await Promise.all(
        directory.failing.map((failing) =>
          send(directory, failing.operation, {
            headers,
            ...(failing.params ? { params: failing.params } : {}),
          }),
        ),
      );
      const merged = await fetch(
        operationUrl(directory, 'getDenial', { denialId: directory.facts.mergedDenialId ?? 0 }),
        {
          headers,
          redirect: 'manual',
        },
      );
      const target = merged.headers.get('location')?.endsWith(`/${directory.facts.denialId}`)
        ? 'denialId'
        : 'elsewhere';
      return `${replies.map(envelope).join('; ')}; merged ${merged.status} to ${target}`;
    },
  },
];

const BUG_CASES: Record<DenialbaseBugId, string> = {
  'denialbase.validation-empty-details': 'validation details',
  'denialbase.rate-limit-no-retry-after': 'quota exceeded: Retry-After',
  'denialbase.rate-limit-no-request-id': 'quota exceeded: envelope',
  'denialbase.two-factor-unauthorized': 'second factor',
  'denialbase.retry-processed-again': 'upload retried with the same key',
  'denialbase.file-too-large-unprocessable': 'upload over the limit',
  'denialbase.signed-out-session-accepted': 'signed-out session',
  'denialbase.stale-update-overwrites': 'stale update',
  'denialbase.virus-accepted': 'virus in an upload',
};

describe('dialect B Denialbase', () => {
  itAnswersDocumentedCases('denialbase', CASES, bugs, BUG_CASES);
});
