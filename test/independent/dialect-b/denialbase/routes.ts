import { type Answer, emptyAnswer } from '../kit/answer.js';
import type { Route } from '../kit/router.js';
import { errorAnswer, okAnswer, validationFailed } from './answers.js';
import type { DenialbaseBugId } from './bugs.js';
import {
  DENIAL_STATUSES,
  DENIAL_TYPES,
  type Denial,
  type DenialbaseState,
  type ServerFailure,
  TEST_VIRUS_SIGNATURE,
  type User,
} from './state.js';
import { fieldDetails, readRoot, rules } from './validate.js';

export const API = '/api/v1';

const SERVER_FAILURES: Record<ServerFailure, string> = {
  internal_error: 'Something went wrong on our side.',
  bad_gateway: 'An upstream service answered with an error.',
  service_unavailable: 'The service is temporarily unavailable.',
  gateway_timeout: 'An upstream service did not answer in time.',
};

export interface DenialbaseCall {
  user: User;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON for JSON routes; undefined otherwise. */
  body: unknown;
  /** The raw bytes for uploads; empty otherwise. */
  upload: Buffer;
  contentType: string;
  requestId: string;
  state: DenialbaseState;
  bug: (id: DenialbaseBugId) => boolean;
}

export interface DenialbaseHandler {
  writes: boolean;
  reads: 'json' | 'upload' | 'none';
  run(call: DenialbaseCall): Answer;
}

const UPLOAD_TYPES = ['application/pdf', 'application/octet-stream', 'image/png', 'image/jpeg', 'image/tiff'];

const invalid = (call: DenialbaseCall, details: { field: string; message: string }[]): Answer =>
  validationFailed(call.requestId, details, call.bug('denialbase.validation-empty-details'));

/** A denial the caller's organization can see, or the answer that says why not. */
function visibleDenial(call: DenialbaseCall, raw: string | undefined): Denial | Answer {
  const denial = /^\d{1,12}$/.test(raw ?? '') ? call.state.denials.get(Number(raw)) : undefined;
  if (denial === undefined || denial.orgId !== call.user.orgId) {
    return errorAnswer(call.requestId, 'not_found', 'Denial not found.');
  }
  if (denial.mergedInto !== undefined) {
    return emptyAnswer(301, {
      location: `${API}/denials/${denial.mergedInto}`,
      'x-request-id': call.requestId,
    });
  }
  if (denial.failure !== undefined)
    return errorAnswer(call.requestId, denial.failure, SERVER_FAILURES[denial.failure]);
  return denial;
}

const isDenial = (value: Denial | Answer): value is Denial => 'claim_number' in value;
const denialView = ({ failure: _failure, mergedInto: _merged, orgId: _orgId, ...view }: Denial) => view;

export const DENIALBASE_ROUTES: Route<DenialbaseHandler>[] = [
  {
    method: 'POST',
    pattern: `${API}/denials`,
    handler: {
      writes: true,
      reads: 'json',
      run(call) {
        const root = readRoot(call.body, 'denial');
        if (root.kind === 'malformed')
          return errorAnswer(call.requestId, 'bad_request', 'Expected a denial root.');
        const details = fieldDetails(root.fields, {
          claim_number: {
            rule: rules.pattern(/^[A-Z0-9-]{6,20}$/, '6 to 20 capitals, digits or dashes'),
            required: true,
          },
          denial_type: { rule: rules.oneOf(DENIAL_TYPES), required: true },
          amount_cents: { rule: rules.wholeNumber, required: true },
          denied_on: { rule: rules.date, required: true },
          payer_contact_email: { rule: rules.email, required: false },
        });
        if (details.length > 0) return invalid(call, details);
        const fields = root.fields as Omit<Denial, 'id' | 'orgId' | 'status' | 'lock_version'>;
        const taken = [...call.state.denials.values()].some(
          (denial) => denial.orgId === call.user.orgId && denial.claim_number === fields.claim_number,
        );
        if (taken)
          return errorAnswer(call.requestId, 'conflict', 'A denial for this claim number already exists.');
        const denial: Denial = {
          ...fields,
          id: call.state.nextId(),
          orgId: call.user.orgId,
          status: 'open',
          lock_version: 0,
        };
        call.state.denials.set(denial.id, denial);
        return okAnswer(
          call.requestId,
          201,
          { denial: denialView(denial) },
          { location: `${API}/denials/${denial.id}` },
        );
      },
    },
  },
  {
    method: 'GET',
    pattern: `${API}/denials/{denialId}`,
    handler: {
      writes: false,
      reads: 'none',
      run(call) {
        const denial = visibleDenial(call, call.params.denialId);
        return isDenial(denial) ? okAnswer(call.requestId, 200, { denial: denialView(denial) }) : denial;
      },
    },
  },
  {
    method: 'PATCH',
    pattern: `${API}/denials/{denialId}`,
    handler: {
      writes: true,
      reads: 'json',
      run(call) {
        const denial = visibleDenial(call, call.params.denialId);
        if (!isDenial(denial)) return denial;
        const root = readRoot(call.body, 'denial');
        if (root.kind === 'malformed')
          return errorAnswer(call.requestId, 'bad_request', 'Expected a denial root.');
        const details = fieldDetails(root.fields, {
          status: { rule: rules.oneOf(DENIAL_STATUSES), required: true },
          lock_version: { rule: rules.wholeNumber, required: true },
        });
        if (details.length > 0) return invalid(call, details);
        if (
          root.fields.lock_version !== denial.lock_version &&
          !call.bug('denialbase.stale-update-overwrites')
        ) {
          return errorAnswer(call.requestId, 'conflict', 'The denial changed since you read it; refetch it.');
        }
        denial.status = root.fields.status as Denial['status'];
        denial.lock_version += 1;
        return okAnswer(call.requestId, 200, { denial: denialView(denial) });
      },
    },
  },
  {
    method: 'POST',
    pattern: `${API}/documents`,
    handler: {
      writes: true,
      reads: 'upload',
      run(call) {
        const details = [];
        if (!UPLOAD_TYPES.includes(call.contentType))
          details.push({ field: 'file', message: 'has an unsupported type' });
        if (call.upload.length === 0) details.push({ field: 'file', message: "can't be blank" });
        if (!call.query.has('denial_id')) details.push({ field: 'denial_id', message: "can't be blank" });
        if (details.length > 0) return invalid(call, details);
        const denial = visibleDenial(call, call.query.get('denial_id') ?? undefined);
        if (!isDenial(denial)) return denial;
        if (call.upload.includes(TEST_VIRUS_SIGNATURE) && !call.bug('denialbase.virus-accepted')) {
          return errorAnswer(
            call.requestId,
            'virus_detected',
            'The file failed the virus scan and will not be processed.',
          );
        }
        const document = {
          id: call.state.nextId(),
          denialId: denial.id,
          filename: call.query.get('filename') ?? 'upload.bin',
          bytes: call.upload.length,
        };
        call.state.documents.set(document.id, document);
        return okAnswer(call.requestId, 201, {
          document: {
            id: document.id,
            denial_id: denial.id,
            filename: document.filename,
            byte_size: document.bytes,
          },
        });
      },
    },
  },
];
