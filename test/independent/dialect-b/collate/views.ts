import { openRequirements, QUESTIONS, REQUIRED_DOCUMENT_TYPE } from './requirements.js';
import type { AccessGrant, Authorization, ManualHandoff, NextActionType, StoredFile } from './state.js';

/** The JSON shapes of records in success answers. */

const RESOLUTION_KIND: Record<NextActionType, string> = {
  resolve_requirements: 'provide_information',
  review_submission: 'confirm',
  complete_payer_interaction: 'manual_handoff',
};

export function authorizationView(
  record: Authorization,
  handoff: ManualHandoff | undefined,
): Record<string, unknown> {
  return {
    id: record.id,
    version: record.version,
    status: record.status,
    outcome: record.status === 'approved' || record.status === 'denied' ? record.status : null,
    nextAction: record.nextAction
      ? { type: record.nextAction, resolution: { kind: RESOLUTION_KIND[record.nextAction] } }
      : null,
    request: record.request,
    policy: { finalSubmission: record.finalSubmission },
    requirements: {
      questions: QUESTIONS,
      documents: [{ documentType: REQUIRED_DOCUMENT_TYPE, required: true }],
      issues: record.nextAction === 'resolve_requirements' ? openRequirements(record) : [],
    },
    answers: [...record.answers].map(([linkId, value]) => ({ linkId, value })),
    attachments: record.attachments,
    submission: {
      reviewSnapshot: record.reviewSnapshot,
      payerReceipt: record.payerReferenceNumber ? { referenceNumber: record.payerReferenceNumber } : null,
    },
    activeManualHandoff: handoff ? { id: handoff.id, status: handoff.status } : null,
  };
}

export function fileView(file: StoredFile): Record<string, unknown> {
  return {
    id: file.id,
    purpose: file.purpose,
    status: file.status,
    contentType: file.contentType,
    size: file.size,
    filename: file.filename,
  };
}

export function handoffView(handoff: ManualHandoff): Record<string, unknown> {
  return {
    id: handoff.id,
    authorizationId: handoff.authorizationId,
    status: handoff.status,
    resolution: handoff.resolution,
  };
}

export function grantView(grant: AccessGrant): Record<string, unknown> {
  return {
    id: grant.id,
    authorizationId: grant.authorizationId,
    mode: grant.mode,
    expiresAt: new Date(grant.expiresAt).toISOString(),
  };
}
