import { type Answer, isAnswer } from '../kit/answer.js';
import { isRecord } from '../kit/body.js';
import { isCalendarDate, isUuid } from '../kit/ids.js';
import type { Route } from '../kit/router.js';
import { dataAnswer, errorAnswer, type RequestMeta, validationError } from './answers.js';
import type { CaseXchangeBugId } from './bugs.js';
import { readContactsCsv } from './csv.js';
import {
  type ApiKey,
  type CaseXchangeState,
  isTerminal,
  type LegalCase,
  PRACTICE_AREAS,
  REFERRAL_STATUSES,
  type Referral,
  type ReferralStatus,
  type ServerFailure,
  TRANSITIONS,
} from './state.js';
import { checkFields, rules } from './validate.js';

export const BASE_PATH = '/public-api/v1';

const SERVER_FAILURES: Record<ServerFailure, string> = {
  internal_error: 'Unexpected server error',
  bad_gateway: 'An upstream service answered with an error',
  service_unavailable: 'The service is temporarily unavailable',
};

export interface CaseXchangeCall {
  key: ApiKey;
  params: Record<string, string>;
  /** The parsed JSON body for JSON routes, the text for CSV routes. */
  body: unknown;
  meta: RequestMeta;
  state: CaseXchangeState;
  bug: (id: CaseXchangeBugId) => boolean;
}

export interface CaseXchangeHandler {
  writes: boolean;
  reads: 'json' | 'csv' | 'none';
  run(call: CaseXchangeCall): Answer;
}

/** A record id from the path, or the 400 that says it is not one. */
function pathId(call: CaseXchangeCall, name: string): number | Answer {
  const raw = call.params[name] ?? '';
  return /^\d{1,12}$/.test(raw)
    ? Number(raw)
    : validationError(call.meta, [{ field: name, issue: 'must be an integer id' }]);
}

function ownCase(call: CaseXchangeCall, id: number): LegalCase | Answer {
  const found = call.state.cases.get(id);
  if (found === undefined || found.deleted)
    return errorAnswer(call.meta, 'resource_not_found', `Case ${id} was not found`);
  if (found.firmId !== call.key.firmId) {
    return errorAnswer(call.meta, 'permission_denied', 'Your firm does not own this case');
  }
  if (found.failure !== undefined)
    return errorAnswer(call.meta, found.failure, SERVER_FAILURES[found.failure]);
  return found;
}

function ownCaseFromPath(call: CaseXchangeCall): LegalCase | Answer {
  const id = pathId(call, 'caseId');
  return typeof id === 'number' ? ownCase(call, id) : id;
}

function ownReferral(call: CaseXchangeCall): Referral | Answer {
  const id = pathId(call, 'referralId');
  if (typeof id !== 'number') return id;
  const found = call.state.referrals.get(id);
  if (found === undefined)
    return errorAnswer(call.meta, 'resource_not_found', `Referral ${id} was not found`);
  if (found.fromFirmId !== call.key.firmId) {
    return errorAnswer(call.meta, 'permission_denied', 'Your firm does not own this referral');
  }
  return found;
}

function stateRefusal(call: CaseXchangeCall, message: string): Answer {
  return call.bug('casexchange.state-transition-conflict')
    ? errorAnswer(call.meta, 'conflict', message)
    : errorAnswer(call.meta, 'invalid_state_transition', message);
}

const referralView = (referral: Referral) => ({ ...referral });

/** Creates a pending referral of a case to a firm, after the checks every referral passes. */
function referTo(call: CaseXchangeCall, legalCase: LegalCase, targetFirmId: string, note: string): Answer {
  const lenient = call.bug('casexchange.malformed-uuid-accepted') && !isUuid(targetFirmId);
  if (!lenient && !call.state.firms.has(targetFirmId)) {
    return errorAnswer(call.meta, 'resource_not_found', `Firm ${targetFirmId} was not found`);
  }
  if (targetFirmId === call.key.firmId) {
    return validationError(call.meta, [{ field: 'targetFirmId', issue: 'must be another firm' }]);
  }
  const active = [...call.state.referrals.values()].some(
    (referral) =>
      referral.caseId === legalCase.id &&
      referral.targetFirmId === targetFirmId &&
      !isTerminal(referral.status),
  );
  if (active && !call.bug('casexchange.duplicate-referral-accepted')) {
    return errorAnswer(call.meta, 'conflict', 'An active referral of this case to that firm already exists');
  }
  const referral: Referral = {
    id: call.state.nextId(),
    caseId: legalCase.id,
    fromFirmId: call.key.firmId,
    targetFirmId,
    status: 'pending',
    note,
  };
  call.state.referrals.set(referral.id, referral);
  return dataAnswer(call.meta, 201, referralView(referral), {
    location: `${BASE_PATH}/referrals/${referral.id}`,
  });
}

const targetRule = (call: CaseXchangeCall) =>
  call.bug('casexchange.malformed-uuid-accepted') ? rules.text(64) : rules.uuid;

export const CASEXCHANGE_ROUTES: Route<CaseXchangeHandler>[] = [
  {
    method: 'GET',
    pattern: `${BASE_PATH}/firms/me`,
    handler: {
      writes: false,
      reads: 'none',
      run(call) {
        const firm = call.state.firms.get(call.key.firmId);
        return dataAnswer(call.meta, 200, { firmId: firm?.firmId, name: firm?.name, keyTier: call.key.tier });
      },
    },
  },
  {
    method: 'POST',
    pattern: `${BASE_PATH}/cases`,
    handler: {
      writes: true,
      reads: 'json',
      run(call) {
        const body = isRecord(call.body) ? call.body : {};
        if (call.bug('casexchange.malformed-date-server-error') && typeof body.incidentDate === 'string') {
          if (!isCalendarDate(body.incidentDate))
            return errorAnswer(call.meta, 'internal_error', 'Unexpected server error');
        }
        const issues = checkFields(call.body, {
          title: { rule: rules.text(200), required: true },
          practiceArea: { rule: rules.oneOf(PRACTICE_AREAS), required: true },
          incidentDate: { rule: rules.date, required: true },
          clientEmail: { rule: rules.email, required: false },
        });
        if (issues.length > 0) return validationError(call.meta, issues);
        const legalCase: LegalCase = {
          id: call.state.nextId(),
          firmId: call.key.firmId,
          title: String(body.title),
          practiceArea: body.practiceArea as LegalCase['practiceArea'],
          incidentDate: String(body.incidentDate),
          deleted: false,
          contactEmails: new Set(typeof body.clientEmail === 'string' ? [body.clientEmail] : []),
        };
        call.state.cases.set(legalCase.id, legalCase);
        const { contactEmails: _emails, deleted: _deleted, ...view } = legalCase;
        return dataAnswer(call.meta, 201, view, { location: `${BASE_PATH}/cases/${legalCase.id}` });
      },
    },
  },
  {
    method: 'GET',
    pattern: `${BASE_PATH}/cases/{caseId}`,
    handler: {
      writes: false,
      reads: 'none',
      run(call) {
        const found = ownCaseFromPath(call);
        if (isAnswer(found)) return found;
        const { contactEmails, failure: _failure, deleted: _deleted, ...view } = found;
        return dataAnswer(call.meta, 200, { ...view, contacts: contactEmails.size });
      },
    },
  },
  {
    method: 'POST',
    pattern: `${BASE_PATH}/cases/{caseId}/contacts/import`,
    handler: {
      writes: true,
      reads: 'csv',
      run(call) {
        const found = ownCaseFromPath(call);
        if (isAnswer(found)) return found;
        const reading = readContactsCsv(String(call.body));
        if (reading.kind === 'malformed') {
          return validationError(call.meta, [{ field: `line ${reading.line}`, issue: reading.issue }]);
        }
        const duplicate = reading.rows.find((row) => found.contactEmails.has(row.email));
        if (duplicate !== undefined) {
          return errorAnswer(
            call.meta,
            'conflict',
            `A contact with email ${duplicate.email} already exists on this case`,
          );
        }
        for (const row of reading.rows) found.contactEmails.add(row.email);
        return dataAnswer(call.meta, 201, { importId: call.state.nextId(), imported: reading.rows.length });
      },
    },
  },
  {
    method: 'POST',
    pattern: `${BASE_PATH}/referrals`,
    handler: {
      writes: true,
      reads: 'json',
      run(call) {
        const issues = checkFields(call.body, {
          caseId: { rule: rules.integerId, required: true },
          targetFirmId: { rule: targetRule(call), required: true },
          note: { rule: rules.text(1000), required: false },
        });
        if (issues.length > 0) return validationError(call.meta, issues);
        const body = call.body as { caseId: number; targetFirmId: string; note?: string };
        const found = ownCase(call, body.caseId);
        if (isAnswer(found)) return found;
        return referTo(call, found, body.targetFirmId, body.note ?? '');
      },
    },
  },
  {
    method: 'GET',
    pattern: `${BASE_PATH}/referrals/{referralId}`,
    handler: {
      writes: false,
      reads: 'none',
      run(call) {
        const found = ownReferral(call);
        return isAnswer(found) ? found : dataAnswer(call.meta, 200, referralView(found));
      },
    },
  },
  {
    method: 'PATCH',
    pattern: `${BASE_PATH}/referrals/{referralId}`,
    handler: {
      writes: true,
      reads: 'json',
      run(call) {
        const referral = ownReferral(call);
        if (isAnswer(referral)) return referral;
        const issues = checkFields(call.body, {
          status: { rule: rules.oneOf(REFERRAL_STATUSES), required: true },
        });
        if (issues.length > 0) return validationError(call.meta, issues);
        const next = (call.body as { status: ReferralStatus }).status;
        if (!TRANSITIONS[referral.status].includes(next)) {
          return stateRefusal(call, `A ${referral.status} referral cannot become ${next}`);
        }
        referral.status = next;
        return dataAnswer(call.meta, 200, referralView(referral));
      },
    },
  },
  {
    method: 'POST',
    pattern: `${BASE_PATH}/referrals/{referralId}/re-refer`,
    handler: {
      writes: true,
      reads: 'json',
      run(call) {
        const referral = ownReferral(call);
        if (isAnswer(referral)) return referral;
        const issues = checkFields(call.body, { targetFirmId: { rule: targetRule(call), required: true } });
        if (issues.length > 0) return validationError(call.meta, issues);
        if (!isTerminal(referral.status)) {
          return stateRefusal(
            call,
            `Only a finished referral can be re-referred; this one is ${referral.status}`,
          );
        }
        const legalCase = ownCase(call, referral.caseId);
        if (isAnswer(legalCase)) return legalCase;
        return referTo(call, legalCase, (call.body as { targetFirmId: string }).targetFirmId, referral.note);
      },
    },
  },
];
