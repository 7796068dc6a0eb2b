import type { HttpMethod } from '../types.js';
import type { Success } from './answers.js';
import {
  attachFile,
  confirmAuthorization,
  getAuthorization,
  patchAnswers,
  submitRequirements,
} from './authorizations.js';
import type { Call } from './call.js';
import { getPayer, getProvider } from './catalog-reads.js';
import { createAuthorization } from './create.js';
import { completeFile, getFile, uploadFile } from './files.js';
import { createAccessGrant, getLiveSession, openAccessGrant } from './grants.js';
import {
  acceptManualHandoff,
  closeManualHandoff,
  createManualHandoff,
  getManualHandoff,
} from './handoffs.js';
import { EXAMPLE_ANSWERS, REQUIRED_DOCUMENT_TYPE } from './requirements.js';

/**
 * Every operation in one table: the router matches it, the directory describes it from it. The
 * example body of each operation succeeds on the record its summary names (facts fill the ids).
 */

export type Facts = Record<string, string | number>;

export interface CollateOperation {
  name: string;
  method: HttpMethod;
  /** Path template with `{name}` placeholders (without the query). */
  path: string;
  /** A query string the example request carries, if any. */
  exampleQuery?: string;
  body: 'json' | 'upload' | 'none';
  summary: string;
  example?: (facts: Facts) => unknown;
  /** Which fact fills each path placeholder for the example to succeed (those records are for successes). */
  exampleParams?: Record<string, string>;
  idPointer?: string;
  handle: (call: Call) => Success;
}

export function exampleCreateBody(facts: Facts): Record<string, unknown> {
  return {
    providerNpi: facts.providerNpi,
    payerId: facts.payerId,
    patient: { memberId: 'SBX-000777', lastName: 'Okafor', birthDate: '1984-09-02' },
    service: {
      state: facts.serviceState,
      type: facts.serviceType,
      code: facts.serviceCode,
      units: 1,
    },
    policy: { finalSubmission: 'customer_review' },
  };
}

const AUTH = '/v2/prior-authorizations/{authorizationId}';

export const OPERATIONS: readonly CollateOperation[] = [
  {
    name: 'createAuthorization',
    method: 'POST',
    path: '/v2/prior-authorizations',
    body: 'json',
    summary: 'Start a prior authorization (optional Idempotency-Key header).',
    example: exampleCreateBody,
    idPointer: '/data/id',
    handle: createAuthorization,
  },
  {
    name: 'getAuthorization',
    exampleParams: { authorizationId: 'openAuthorizationId' },
    method: 'GET',
    path: AUTH,
    body: 'none',
    summary: 'Read one authorization; the ETag header carries its version.',
    handle: getAuthorization,
  },
  {
    name: 'patchAnswers',
    exampleParams: { authorizationId: 'openAuthorizationId' },
    method: 'PATCH',
    path: `${AUTH}/answers`,
    body: 'json',
    summary: 'Write answers to requirement questions by linkId.',
    example: () => ({ answers: EXAMPLE_ANSWERS }),
    handle: patchAnswers,
  },
  {
    name: 'attachFile',
    exampleParams: { authorizationId: 'openAuthorizationId' },
    method: 'POST',
    path: `${AUTH}/attachments`,
    body: 'json',
    summary: 'Attach a completed authorization_attachment file with its document types.',
    example: (facts) => ({ fileId: facts.readyFileId, documentTypes: [REQUIRED_DOCUMENT_TYPE] }),
    idPointer: '/data/id',
    handle: attachFile,
  },
  {
    name: 'submitRequirements',
    exampleParams: { authorizationId: 'openAuthorizationId' },
    method: 'POST',
    path: `${AUTH}/actions/submit`,
    body: 'json',
    summary: 'Hand resolved requirements back to Collate (all questions answered, clinical_notes attached).',
    example: () => ({}),
    handle: submitRequirements,
  },
  {
    name: 'confirmAuthorization',
    exampleParams: { authorizationId: 'reviewAuthorizationId' },
    method: 'POST',
    path: `${AUTH}/actions/confirm`,
    body: 'json',
    summary: 'Approve the current review snapshot.',
    example: (facts) => ({ reviewSnapshotId: facts.currentReviewSnapshotId }),
    handle: confirmAuthorization,
  },
  {
    name: 'createManualHandoff',
    exampleParams: { authorizationId: 'payerInteractionAuthorizationId' },
    method: 'POST',
    path: `${AUTH}/manual-handoffs`,
    body: 'json',
    summary: 'Take over a payer interaction (nextAction complete_payer_interaction).',
    example: () => ({ contact: { name: 'Dana Whitfield', email: 'dana@clinic.example' } }),
    idPointer: '/data/id',
    handle: createManualHandoff,
  },
  {
    name: 'getManualHandoff',
    exampleParams: { handoffId: 'activeManualHandoffId' },
    method: 'GET',
    path: '/v2/manual-handoffs/{handoffId}',
    body: 'none',
    summary: 'Read one manual handoff.',
    handle: getManualHandoff,
  },
  {
    name: 'acceptManualHandoff',
    exampleParams: { handoffId: 'activeManualHandoffId' },
    method: 'POST',
    path: '/v2/manual-handoffs/{handoffId}/actions/accept',
    body: 'json',
    summary: 'Finish an active handoff, naming the accepted review snapshot.',
    example: (facts) => ({ reviewSnapshotId: facts.acceptedReviewSnapshotId }),
    handle: acceptManualHandoff,
  },
  {
    name: 'closeManualHandoff',
    exampleParams: { handoffId: 'closableManualHandoffId' },
    method: 'POST',
    path: '/v2/manual-handoffs/{handoffId}/actions/close',
    body: 'json',
    summary: 'Give an active handoff back to Collate without completing it.',
    example: () => ({}),
    handle: closeManualHandoff,
  },
  {
    name: 'getLiveSession',
    exampleParams: { authorizationId: 'processingAuthorizationId' },
    method: 'GET',
    path: `${AUTH}/live-session`,
    body: 'none',
    summary: 'Read whether a live session can be watched right now.',
    handle: getLiveSession,
  },
  {
    name: 'createAccessGrant',
    exampleParams: { authorizationId: 'processingAuthorizationId' },
    method: 'POST',
    path: `${AUTH}/live-session/grants`,
    body: 'json',
    summary:
      'Get a grant to watch (read_only) or drive (interactive, needs an active handoff) the live session.',
    example: () => ({ mode: 'read_only' }),
    idPointer: '/data/id',
    handle: createAccessGrant,
  },
  {
    name: 'openAccessGrant',
    exampleParams: { grantId: 'openableAccessGrantId' },
    method: 'POST',
    path: '/v2/access-grants/{grantId}/actions/open',
    body: 'json',
    summary: 'Redeem an access grant for a viewer path.',
    example: () => ({}),
    handle: openAccessGrant,
  },
  {
    name: 'uploadFile',
    method: 'POST',
    path: '/v2/files',
    exampleQuery: 'purpose=authorization_attachment&filename=clinical-notes.pdf',
    body: 'upload',
    summary: 'Upload raw file bytes (PDF, PNG or JPEG); the file starts pending.',
    idPointer: '/data/id',
    handle: uploadFile,
  },
  {
    name: 'completeFile',
    exampleParams: { fileId: 'completableFileId' },
    method: 'POST',
    path: '/v2/files/{fileId}/actions/complete',
    body: 'json',
    summary: 'Mark an uploaded file complete so it can be attached.',
    example: () => ({}),
    handle: completeFile,
  },
  {
    name: 'getFile',
    exampleParams: { fileId: 'readyFileId' },
    method: 'GET',
    path: '/v2/files/{fileId}',
    body: 'none',
    summary: 'Read one file.',
    handle: getFile,
  },
  {
    name: 'getProvider',
    exampleParams: { providerNpi: 'providerNpi' },
    method: 'GET',
    path: '/v2/providers/{providerNpi}',
    body: 'none',
    summary: "Read one of your organization's providers by NPI.",
    handle: getProvider,
  },
  {
    name: 'getPayer',
    exampleParams: { payerId: 'payerId' },
    method: 'GET',
    path: '/v2/payers/{payerId}',
    body: 'none',
    summary: 'Read one payer from the catalog.',
    handle: getPayer,
  },
];

interface CompiledOperation {
  operation: CollateOperation;
  pattern: RegExp;
  names: string[];
}

const COMPILED: readonly CompiledOperation[] = OPERATIONS.map((operation) => {
  const names: string[] = [];
  const source = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { operation, pattern: new RegExp(`^${source}$`), names };
});

export interface Match {
  operation: CollateOperation;
  params: Record<string, string>;
}

/** The operation for a method and path; `pathKnown` tells a wrong method from an unknown path. */
export function matchOperation(method: string, pathname: string): { match?: Match; pathKnown: boolean } {
  let pathKnown = false;
  for (const { operation, pattern, names } of COMPILED) {
    const found = pattern.exec(pathname);
    if (!found) continue;
    pathKnown = true;
    if (operation.method !== method) continue;
    const params: Record<string, string> = {};
    names.forEach((name, index) => {
      params[name] = decodeURIComponent(found[index + 1] ?? '');
    });
    return { match: { operation, params }, pathKnown };
  }
  return { pathKnown };
}
