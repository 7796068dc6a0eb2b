import { type Answer, jsonAnswer } from '../kit/answer.js';
import type { Route } from '../kit/router.js';
import { notFound, serverError, validationProblem } from './answers.js';
import { type ClaimRevState, FAILING_MEMBER_ID, type Permission, type RegisteredClient } from './state.js';
import { checkClaimSubmission, checkEligibilityInquiry, type FieldErrors } from './validate.js';

export interface ApiCall {
  client: RegisteredClient;
  params: Record<string, string>;
  body: unknown;
  nowMs: number;
  state: ClaimRevState;
  /** Whether 400 answers name the failing field (a seeded bug turns this off). */
  namesFields: boolean;
}

export interface ApiHandler {
  permission: Permission;
  readsBody: boolean;
  run(call: ApiCall): Answer;
}

export const API_PREFIX = '/api/v1/accounts/{accountNumber}';

function problem(call: ApiCall, errors: FieldErrors): Answer {
  return validationProblem(errors, call.namesFields);
}

/** A claim id from the path, or the 400 that says why it is not one. */
function visibleClaim(call: ApiCall): Answer | { claimId: number } {
  const raw = call.params.claimId ?? '';
  if (!/^\d{1,12}$/.test(raw)) return problem(call, { claimId: ['The value is not a valid claim id.'] });
  const claim = call.state.claims.get(Number(raw));
  if (
    claim === undefined ||
    claim.status === 'deleted' ||
    claim.accountNumber !== call.client.accountNumber
  ) {
    return notFound(`Claim ${raw} was not found.`);
  }
  if (claim.broken) return serverError(call.nowMs);
  return { claimId: claim.claimId };
}

export const CLAIMREV_ROUTES: Route<ApiHandler>[] = [
  {
    method: 'POST',
    pattern: `${API_PREFIX}/claims`,
    handler: {
      permission: 'claims.submit',
      readsBody: true,
      run(call) {
        const checked = checkClaimSubmission(call.body);
        if ('errors' in checked) return problem(call, checked.errors);
        const claimId = call.state.nextId();
        call.state.claims.set(claimId, {
          claimId,
          accountNumber: call.client.accountNumber,
          ...checked.ok,
          status: 'accepted',
        });
        return jsonAnswer(200, { claim: { claimId, status: 'accepted' } });
      },
    },
  },
  {
    method: 'GET',
    pattern: `${API_PREFIX}/claims/{claimId}`,
    handler: {
      permission: 'claims.read',
      readsBody: false,
      run(call) {
        const found = visibleClaim(call);
        if (!('claimId' in found)) return found;
        const { broken: _broken, ...claim } = call.state.claims.get(found.claimId) ?? {};
        return jsonAnswer(200, { claim });
      },
    },
  },
  {
    method: 'DELETE',
    pattern: `${API_PREFIX}/claims/{claimId}`,
    handler: {
      permission: 'claims.submit',
      readsBody: false,
      run(call) {
        const found = visibleClaim(call);
        if (!('claimId' in found)) return found;
        const claim = call.state.claims.get(found.claimId);
        if (claim !== undefined) claim.status = 'deleted';
        return jsonAnswer(200, { claim: { claimId: found.claimId, status: 'deleted' } });
      },
    },
  },
  {
    method: 'POST',
    pattern: `${API_PREFIX}/eligibility`,
    handler: {
      permission: 'eligibility.check',
      readsBody: true,
      run(call) {
        const checked = checkEligibilityInquiry(call.body);
        if ('errors' in checked) return problem(call, checked.errors);
        if (checked.ok.memberId === FAILING_MEMBER_ID) return serverError(call.nowMs);
        return jsonAnswer(200, { eligibility: { inquiryId: call.state.nextId(), coverageActive: true } });
      },
    },
  },
];
