import type { Success } from './answers.js';
import { type Call, idParam } from './call.js';
import { CollateError } from './errors.js';
import { bump, checkIfMatch, requireActionable, requireEditable } from './guards.js';
import { findAuthorization, findFile } from './records.js';
import { answerIssues, DOCUMENT_TYPES, openRequirements } from './requirements.js';
import { type Authorization, randomToken } from './state.js';
import { IssueList, isObject, requireObjectBody } from './validate.js';
import { authorizationView } from './views.js';

/** Reading an authorization and the customer's moves on it: answers, attachments, submit, confirm. */

function current(call: Call, record: Authorization, status = 200): Success {
  const handoff =
    record.activeManualHandoffId === null
      ? undefined
      : call.sandbox.store.handoffs.get(record.activeManualHandoffId);
  return {
    status,
    body: { data: authorizationView(record, handoff) },
    headers: { ETag: `"${record.version}"` },
  };
}

function authorizationParam(call: Call): Authorization {
  return findAuthorization(call, idParam(call, 'authorizationId'));
}

export function getAuthorization(call: Call): Success {
  return current(call, authorizationParam(call));
}

export function patchAnswers(call: Call): Success {
  const record = authorizationParam(call);
  checkIfMatch(call, record);
  requireEditable(record);
  const body = requireObjectBody(call.json);
  const answers = body.answers;
  const shape = new IssueList();
  if (!Array.isArray(answers) || answers.length === 0) {
    shape.add('answers', 'required', 'answers must be a non-empty array.');
  } else {
    answers.forEach((answer, index) => {
      if (!isObject(answer) || typeof answer.linkId !== 'string') {
        shape.add(`answers[${index}].linkId`, 'required', 'Each answer needs a linkId string.');
      } else if (!('value' in answer)) {
        shape.add(`answers[${index}].value`, 'required', 'Each answer needs a value.');
      }
    });
  }
  shape.throwIfAny();
  const typed = answers as Array<{ linkId: string; value: unknown }>;
  const issues = answerIssues(typed);
  if (issues.length > 0) {
    throw new CollateError('invalid_answers', 'Some answers do not fit their questions.', { issues });
  }
  for (const answer of typed) record.answers.set(answer.linkId, answer.value as boolean | number | string);
  bump(record);
  return current(call, record);
}

export function attachFile(call: Call): Success {
  const record = authorizationParam(call);
  checkIfMatch(call, record);
  requireEditable(record);
  const body = requireObjectBody(call.json);
  const issues = new IssueList();
  const fileId = body.fileId;
  if (typeof fileId !== 'number' || !Number.isInteger(fileId)) {
    issues.add('fileId', 'expected_integer', 'fileId must be the integer id of an uploaded file.');
  }
  const documentTypes = body.documentTypes;
  if (!Array.isArray(documentTypes) || documentTypes.length === 0) {
    issues.add('documentTypes', 'required', 'documentTypes must list at least one document type.');
  } else {
    documentTypes.forEach((type, index) => {
      if (!(DOCUMENT_TYPES as readonly unknown[]).includes(type)) {
        issues.add(`documentTypes[${index}]`, 'not_allowed', `Allowed: ${DOCUMENT_TYPES.join(', ')}.`);
      }
    });
  }
  issues.throwIfAny();
  const file = findFile(call, fileId as number, 'fileId');
  if (file.status !== 'ready') {
    throw new CollateError('file_not_ready', 'The file upload has not been completed.', {
      details: { fileId: file.id, fileStatus: file.status },
    });
  }
  if (file.purpose !== 'authorization_attachment') {
    throw new CollateError('file_not_usable', 'Only authorization_attachment files can be attached.', {
      details: { fileId: file.id, purpose: file.purpose },
    });
  }
  const attachment = {
    id: call.sandbox.store.attachmentIds.take(),
    fileId: file.id,
    documentTypes: documentTypes as string[],
  };
  record.attachments.push(attachment);
  bump(record);
  return {
    status: 201,
    body: { data: { ...attachment, authorizationId: record.id, version: record.version } },
    headers: { ETag: `"${record.version}"` },
  };
}

/** Hands resolved requirements back to Collate: to a review snapshot, or straight to processing. */
export function submitRequirements(call: Call): Success {
  const record = authorizationParam(call);
  checkIfMatch(call, record);
  requireActionable(record);
  if (record.nextAction !== 'resolve_requirements') {
    throw new CollateError('prior_authorization_not_mutable', 'There are no requirements to submit now.', {
      details: { nextActionType: record.nextAction },
    });
  }
  const open = openRequirements(record);
  if (open.length > 0) {
    throw new CollateError('requirements_not_satisfied', 'Some requirements are still open.', {
      details: { open },
    });
  }
  if (record.finalSubmission === 'customer_review') {
    record.nextAction = 'review_submission';
    record.reviewSnapshot = { id: `rs_${randomToken(8)}`, state: 'pending_approval' };
  } else {
    record.status = 'processing';
    record.nextAction = null;
  }
  bump(record);
  return current(call, record);
}

export function confirmAuthorization(call: Call): Success {
  const record = authorizationParam(call);
  checkIfMatch(call, record);
  requireActionable(record);
  if (record.nextAction !== 'review_submission' || !record.reviewSnapshot) {
    throw new CollateError('next_action_not_confirmable', 'The current next action cannot be confirmed.', {
      details: { nextActionType: record.nextAction },
    });
  }
  const body = requireObjectBody(call.json);
  const snapshotId = body.reviewSnapshotId;
  if (typeof snapshotId !== 'string' || snapshotId === '') {
    const issues = new IssueList();
    issues.add('reviewSnapshotId', 'required', 'reviewSnapshotId names the snapshot being approved.');
    issues.throwIfAny();
  }
  if (snapshotId !== record.reviewSnapshot.id) {
    throw new CollateError('review_stale', 'That review snapshot is not the current one.', {
      details: { reviewSnapshotId: snapshotId, currentReviewSnapshotId: record.reviewSnapshot.id },
    });
  }
  record.reviewSnapshot = { ...record.reviewSnapshot, state: 'accepted' };
  record.status = 'processing';
  record.nextAction = null;
  bump(record);
  return current(call, record);
}
