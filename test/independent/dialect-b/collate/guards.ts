import { type Call, hasBehaviourBug, headerValue } from './call.js';
import { CollateError } from './errors.js';
import { type Authorization, TERMINAL_STATUSES } from './state.js';

/**
 * The checks every write on an authorization goes through, in this order: If-Match (optional, but
 * when sent it must be a quoted version, `"7"`, and must be current), then the state rules.
 */

export function checkIfMatch(call: Call, record: Authorization): void {
  const raw = headerValue(call, 'if-match');
  if (raw === undefined) return;
  const match = /^"(\d{1,9})"$/.exec(raw.trim());
  if (!match?.[1]) {
    if (hasBehaviourBug(call.sandbox, 'malformedIfMatchIgnored')) return;
    throw new CollateError('bad_request', 'If-Match must be the quoted version from the ETag, like "3".', {
      details: { header: 'If-Match' },
    });
  }
  const expectedVersion = Number(match[1]);
  if (expectedVersion !== record.version) {
    throw new CollateError('version_conflict', 'Authorization version does not match If-Match.', {
      details: { expectedVersion, actualVersion: record.version },
    });
  }
}

export function rejectTerminal(record: Authorization): void {
  if (TERMINAL_STATUSES.has(record.status)) {
    throw new CollateError('prior_authorization_terminal', 'The authorization has reached a final status.', {
      details: { status: record.status },
    });
  }
}

/** Answers and attachments can change only while the customer is resolving requirements. */
export function requireEditable(record: Authorization): void {
  rejectTerminal(record);
  if (record.nextAction !== 'resolve_requirements') {
    throw new CollateError('prior_authorization_not_mutable', 'The authorization cannot be edited now.', {
      details: { status: record.status, nextActionType: record.nextAction },
    });
  }
}

/**
 * Actions need a customer-owned move: processing belongs to Collate (not actionable), waiting on
 * the payer has no customer action at all (next action required).
 */
export function requireActionable(record: Authorization): void {
  rejectTerminal(record);
  if (record.status === 'processing') {
    throw new CollateError('prior_authorization_not_actionable', 'Collate owns the next move right now.', {
      details: { status: record.status },
    });
  }
  if (record.status === 'waiting_on_payer' || record.nextAction === null) {
    throw new CollateError('next_action_required', 'There is no customer action to take right now.', {
      details: { status: record.status },
    });
  }
}

/** Every successful write moves the record to a new version. */
export function bump(record: Authorization): void {
  record.version += 1;
}
