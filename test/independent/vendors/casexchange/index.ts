/**
 * CaseXchange, written from its error page alone (an X-API-Key referral API whose errors are
 * `{ error: { code, message }, meta: { requestId } }`).
 *
 * Readings chosen where the page leaves room (each differs from the project's simulator on purpose):
 * | question the docs leave open                 | reading here                                        |
 * |----------------------------------------------|-----------------------------------------------------|
 * | routes                                       | `/api/public/firms/me`, `/api/public/cases/{caseId}`,|
 * |                                              | `/api/public/case-referrals/{referralId}/re-referral` |
 * | ids                                          | UUIDs, new on every start                           |
 * | key form                                     | `cxk_<tier>_<random>`                               |
 * | meta.requestId form (one example only)       | `cx-` and a UUID                                    |
 * | meta.requestId on 5xx ("if present")         | absent: `meta` is `{}` on a 500                     |
 * | meta.timestamp (only in the example)         | never sent                                          |
 * | X-RateLimit-Reset unit and meaning           | seconds from now (delta) until the bucket is full;  |
 * |                                              | one request goes through earlier                    |
 * | rate-limit window                            | token bucket: lifts up to a second before the reset |
 * | rate-limit headers on other answers          | none: only a 429 carries X-RateLimit-Reset          |
 * | internal_error                               | a magic case id that always fails                   |
 */

import { headerCredentials } from '../../kit/credentials.js';
import { json, type Outgoing, parseJsonBody } from '../../kit/http.js';
import { secret, uuid } from '../../kit/ids.js';
import { findRoute, operationsOf, type Route } from '../../kit/router.js';
import { TokenBucket } from '../../kit/token-bucket.js';
import type { IndependentVendor, VendorContext } from '../../types.js';
import type { BugId } from './bugs.js';

const STATUS: Record<string, number> = {
  invalid_api_key: 401,
  insufficient_tier: 403,
  permission_denied: 403,
  forbidden: 403,
  validation_error: 400,
  invalid_state_transition: 400,
  resource_not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal_error: 500,
};
const PREFIX = '/api/public';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CASE_TYPES = [
  'personal_injury',
  'auto_accident',
  'premises_liability',
  'employment',
  'product_liability',
];
/** Referral states from which a re-referral is allowed (the terminal ones). */
const TERMINAL_REFERRAL = new Set(['declined', 'withdrawn', 'closed']);

interface Key {
  firm: string;
  tier: 'standard' | 'read_only';
  revoked: boolean;
  limited: boolean;
}
interface Case {
  id: string;
  firm: string;
  clientName: string;
  caseType: string;
}
interface Referral {
  id: string;
  caseId: string;
  targetFirmId: string;
  status: 'pending' | 'accepted' | 'declined';
}
interface Ctx {
  key: Key;
  principal: string;
}

export function createVendor({ bugs, now, rateLimitRefillMs }: VendorContext): IndependentVendor {
  const has = (bug: BugId) => bugs.has(bug);
  const firms = { own: uuid(), other: uuid(), target: uuid(), fresh: uuid() };
  const keyOf = (tier: string) => `cxk_${tier}_${secret()}`;
  const tokens = {
    valid: keyOf('std'),
    readOnly: keyOf('ro'),
    otherOrganisation: keyOf('std'),
    revoked: keyOf('std'),
    rateLimited: keyOf('std'),
  };
  const keys = new Map<string, Key>([
    [tokens.valid, { firm: firms.own, tier: 'standard', revoked: false, limited: false }],
    [tokens.readOnly, { firm: firms.own, tier: 'read_only', revoked: false, limited: false }],
    [tokens.otherOrganisation, { firm: firms.other, tier: 'standard', revoked: false, limited: false }],
    [tokens.revoked, { firm: firms.own, tier: 'standard', revoked: true, limited: false }],
    [tokens.rateLimited, { firm: firms.own, tier: 'standard', revoked: false, limited: true }],
  ]);
  const ids = { ownCase: uuid(), otherCase: uuid(), failingCase: uuid(), pending: uuid(), declined: uuid() };
  const cases = new Map<string, Case>([
    [ids.ownCase, { id: ids.ownCase, firm: firms.own, clientName: 'R. Alvarez', caseType: 'auto_accident' }],
    [
      ids.otherCase,
      { id: ids.otherCase, firm: firms.other, clientName: 'J. Okafor', caseType: 'employment' },
    ],
    [
      ids.failingCase,
      { id: ids.failingCase, firm: firms.own, clientName: 'T. Berg', caseType: 'employment' },
    ],
  ]);
  const referrals = new Map<string, Referral>([
    [ids.pending, { id: ids.pending, caseId: ids.ownCase, targetFirmId: firms.target, status: 'pending' }],
    [ids.declined, { id: ids.declined, caseId: ids.ownCase, targetFirmId: firms.other, status: 'declined' }],
  ]);
  // The limited key gets two requests, then one more every refill period.
  const bucket = new TokenBucket(2, rateLimitRefillMs, now);

  const fail = (code: string, message: string, headers: Record<string, string> = {}): Outgoing => {
    const serverSide = code === 'internal_error';
    const status = serverSide && has('casexchange.internal-error-as-400') ? 400 : (STATUS[code] ?? 500);
    return json(
      status,
      { error: { code, message }, meta: serverSide ? {} : { requestId: `cx-${uuid()}` } },
      headers,
    );
  };
  const validation = (message: string) => fail('validation_error', message);
  /** Where a 429 advertises its wait (X-RateLimit-Reset), or nothing, or the wrong header. */
  const resetHeader = (): string | null => {
    if (has('casexchange.rate-limit-without-reset')) return null;
    return has('casexchange.rate-limit-reset-as-retry-after') ? 'retry-after' : 'x-ratelimit-reset';
  };

  const readBody = (raw: Buffer): { input: Record<string, unknown> } | { answer: Outgoing } => {
    const parsed = parseJsonBody(raw);
    const value = parsed.ok ? (parsed.value ?? {}) : undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { answer: validation('The body must be a JSON object.') };
    return { input: value as Record<string, unknown> };
  };
  const canWrite = (ctx: Ctx) =>
    ctx.key.tier === 'standard' ? undefined : fail('insufficient_tier', 'This key tier cannot make changes.');
  const ownCase = (id: string | undefined, ctx: Ctx): Case | Outgoing => {
    if (id === undefined || !UUID.test(id)) return validation('`caseId` must be a UUID.');
    const found = cases.get(id);
    if (!found) return fail('resource_not_found', 'No case has that id.');
    if (found.firm !== ctx.key.firm)
      return has('casexchange.uncatalogued-ownership-code')
        ? fail('forbidden', 'That case belongs to another firm.')
        : fail('permission_denied', 'That case belongs to another firm.');
    if (found.id === ids.failingCase) return fail('internal_error', 'Something failed on our side.');
    return found;
  };
  const isCase = (value: Case | Outgoing): value is Case => 'clientName' in value;

  const routes: Route<Ctx>[] = [
    {
      operation: 'getFirm',
      method: 'GET',
      template: `${PREFIX}/firms/me`,
      handle: (_r, _p, ctx) => json(200, { id: ctx.key.firm, keyTier: ctx.key.tier }),
    },
    {
      operation: 'createCase',
      method: 'POST',
      template: `${PREFIX}/cases`,
      handle: (request, _p, ctx) => {
        const denied = canWrite(ctx);
        if (denied) return denied;
        const parsed = readBody(request.body);
        if ('answer' in parsed) return parsed.answer;
        const { clientName, caseType } = parsed.input;
        if (typeof clientName !== 'string' || clientName.trim() === '')
          return validation('`clientName` is required.');
        if (typeof caseType !== 'string' || !CASE_TYPES.includes(caseType))
          return validation(`\`caseType\` must be one of ${CASE_TYPES.join(', ')}.`);
        const created: Case = { id: uuid(), firm: ctx.key.firm, clientName, caseType };
        cases.set(created.id, created);
        return json(201, { id: created.id, clientName, caseType, status: 'open' });
      },
    },
    {
      operation: 'getCase',
      method: 'GET',
      template: `${PREFIX}/cases/{caseId}`,
      handle: (_r, params, ctx) => {
        const found = ownCase(params.caseId, ctx);
        return isCase(found)
          ? json(200, { id: found.id, clientName: found.clientName, caseType: found.caseType })
          : found;
      },
    },
    {
      operation: 'createReferral',
      method: 'POST',
      template: `${PREFIX}/case-referrals`,
      handle: (request, _p, ctx) => {
        const denied = canWrite(ctx);
        if (denied) return denied;
        const parsed = readBody(request.body);
        if ('answer' in parsed) return parsed.answer;
        const { caseId, targetFirmId } = parsed.input;
        if (typeof targetFirmId !== 'string' || !UUID.test(targetFirmId))
          return has('casexchange.malformed-uuid-404')
            ? fail('resource_not_found', 'No firm has that id.')
            : validation('`targetFirmId` must be a UUID.');
        const found = ownCase(typeof caseId === 'string' ? caseId : undefined, ctx);
        if (!isCase(found)) return found;
        const active = [...referrals.values()].some(
          (r) => r.caseId === found.id && r.targetFirmId === targetFirmId && !TERMINAL_REFERRAL.has(r.status),
        );
        if (active) return fail('conflict', 'An active referral to that firm already exists.');
        const referral: Referral = { id: uuid(), caseId: found.id, targetFirmId, status: 'pending' };
        referrals.set(referral.id, referral);
        return json(201, referral);
      },
    },
    {
      operation: 'reReferReferral',
      method: 'POST',
      template: `${PREFIX}/case-referrals/{referralId}/re-referral`,
      handle: (request, params, ctx) => {
        const denied = canWrite(ctx);
        if (denied) return denied;
        if (!UUID.test(params.referralId ?? '')) return validation('`referralId` must be a UUID.');
        const referral = referrals.get(params.referralId ?? '');
        if (!referral) return fail('resource_not_found', 'No referral has that id.');
        const found = ownCase(referral.caseId, ctx);
        if (!isCase(found)) return found;
        if (!TERMINAL_REFERRAL.has(referral.status))
          return fail('invalid_state_transition', `A ${referral.status} referral cannot be re-referred.`);
        const parsed = readBody(request.body);
        if ('answer' in parsed) return parsed.answer;
        const target = parsed.input.targetFirmId;
        if (typeof target !== 'string' || !UUID.test(target))
          return validation('`targetFirmId` must be a UUID.');
        const next: Referral = {
          id: uuid(),
          caseId: referral.caseId,
          targetFirmId: target,
          status: 'pending',
        };
        referrals.set(next.id, next);
        return json(201, next);
      },
    },
  ];

  return {
    handler: {
      handle(request) {
        const presented = request.headers['x-api-key'];
        if (presented === undefined && has('casexchange.missing-key-400'))
          return validation('The X-API-Key header is required.');
        const key = presented === undefined ? undefined : keys.get(presented);
        if (!key || key.revoked || presented === undefined)
          return fail('invalid_api_key', 'The API key is missing, unknown or revoked.');
        // X-RateLimit-Reset: seconds from now until the bucket is full again, the whole "window";
        // a single request goes through earlier, as soon as one token is back.
        const refused = key.limited ? bucket.refuse(presented, resetHeader(), 'full') : undefined;
        if (refused) return fail('rate_limited', 'Too many requests for this key.', refused);
        const match = findRoute(routes, request.method, request.path);
        if (!match) return fail('resource_not_found', 'No such resource.');
        return match.route.handle(request, match.params, { key, principal: presented });
      },
    },
    describe: (baseUrl) => ({
      baseUrl,
      operations: operationsOf(routes as Route<unknown>[]),
      credentials: headerCredentials('X-API-Key', tokens),
      facts: {
        firmId: firms.own,
        otherFirmId: firms.other,
        referralTargetFirmId: firms.target,
        newReferralTargetFirmId: firms.fresh,
        caseId: ids.ownCase,
        otherFirmCaseId: ids.otherCase,
        unknownCaseId: uuid(),
        activeReferralId: ids.pending,
        endedReferralId: ids.declined,
        caseType: CASE_TYPES[0] as string,
        failingCaseId: ids.failingCase,
      },
      magic: [{ fact: 'failingCaseId', operation: 'getCase', provokes: 'internal_error', status: 500 }],
      limits: { rateLimitCapacity: 2, rateLimitRefillMs },
    }),
  };
}
