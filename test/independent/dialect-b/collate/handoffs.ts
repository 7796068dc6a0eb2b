import type { Success } from './answers.js';
import { type Call, idParam } from './call.js';
import { CollateError } from './errors.js';
import { bump, checkIfMatch, requireActionable } from './guards.js';
import { findAuthorization, findHandoff } from './records.js';
import type { ManualHandoff } from './state.js';
import { IssueList, requireObjectBody } from './validate.js';
import { handoffView } from './views.js';

/** Manual handoffs: created for a payer interaction, then accepted (with the review snapshot) or closed. */

function handoffAnswer(handoff: ManualHandoff, status = 200): Success {
  return { status, body: { data: handoffView(handoff) } };
}

export function createManualHandoff(call: Call): Success {
  const record = findAuthorization(call, idParam(call, 'authorizationId'));
  checkIfMatch(call, record);
  requireActionable(record);
  if (record.nextAction !== 'complete_payer_interaction') {
    throw new CollateError(
      'manual_handoff_not_allowed',
      'Handoffs exist only for complete_payer_interaction.',
      {
        details: { nextActionType: record.nextAction },
      },
    );
  }
  if (record.activeManualHandoffId !== null) {
    throw new CollateError('manual_handoff_not_allowed', 'This authorization already has an open handoff.', {
      details: { activeManualHandoffId: record.activeManualHandoffId },
    });
  }
  const body = requireObjectBody(call.json);
  const issues = new IssueList();
  issues.text(body, 'contact.name');
  issues.text(body, 'contact.email', /^[^@\s]+@[^@\s]+$/, 'an email address');
  issues.throwIfAny();
  const handoff: ManualHandoff = {
    id: call.sandbox.store.handoffIds.take(),
    organizationId: record.organizationId,
    authorizationId: record.id,
    status: 'active',
    resolution: null,
  };
  call.sandbox.store.handoffs.set(handoff.id, handoff);
  record.activeManualHandoffId = handoff.id;
  bump(record);
  return { ...handoffAnswer(handoff, 201), headers: { Location: `/v2/manual-handoffs/${handoff.id}` } };
}

export function getManualHandoff(call: Call): Success {
  return handoffAnswer(findHandoff(call, idParam(call, 'handoffId')));
}

function activeHandoff(call: Call): ManualHandoff {
  const handoff = findHandoff(call, idParam(call, 'handoffId'));
  if (handoff.status === 'closed') {
    throw new CollateError('manual_handoff_already_closed', 'This handoff is already closed.', {
      details: { manualHandoffId: handoff.id, resolution: handoff.resolution },
    });
  }
  if (handoff.status !== 'active') {
    throw new CollateError('manual_handoff_not_active', 'This handoff is not active yet.', {
      details: { manualHandoffId: handoff.id, status: handoff.status },
    });
  }
  return handoff;
}

function finish(call: Call, handoff: ManualHandoff, resolution: 'accepted' | 'released'): Success {
  const record = findAuthorization(call, handoff.authorizationId);
  handoff.status = 'closed';
  handoff.resolution = resolution;
  record.activeManualHandoffId = null;
  record.status = 'processing';
  record.nextAction = null;
  bump(record);
  return handoffAnswer(handoff);
}

export function acceptManualHandoff(call: Call): Success {
  const handoff = activeHandoff(call);
  const record = findAuthorization(call, handoff.authorizationId);
  const body = requireObjectBody(call.json);
  const accepted = record.reviewSnapshot?.state === 'accepted' ? record.reviewSnapshot.id : undefined;
  if (accepted === undefined || body.reviewSnapshotId !== accepted) {
    throw new CollateError(
      'manual_handoff_review_approval_required',
      'Accepting a handoff needs the current accepted review snapshot id.',
      { details: { manualHandoffId: handoff.id, field: 'reviewSnapshotId' } },
    );
  }
  return finish(call, handoff, 'accepted');
}

export function closeManualHandoff(call: Call): Success {
  return finish(call, activeHandoff(call), 'released');
}
