import { randomBytes, randomInt } from 'node:crypto';

/** The sandbox's records and the store that hands out their integer ids. */

export type AuthorizationStatus = 'requires_action' | 'processing' | 'waiting_on_payer' | TerminalStatus;
export type TerminalStatus = 'approved' | 'denied' | 'withdrawn';
export const TERMINAL_STATUSES: ReadonlySet<AuthorizationStatus> = new Set([
  'approved',
  'denied',
  'withdrawn',
]);

export type NextActionType = 'resolve_requirements' | 'review_submission' | 'complete_payer_interaction';
export type FinalSubmission = 'automatic' | 'customer_review';
export type AnswerValue = boolean | number | string;

export interface ReviewSnapshot {
  id: string;
  state: 'pending_approval' | 'accepted';
}

export interface Authorization {
  id: number;
  organizationId: string;
  version: number;
  status: AuthorizationStatus;
  nextAction: NextActionType | null;
  request: Record<string, unknown>;
  finalSubmission: FinalSubmission;
  answers: Map<string, AnswerValue>;
  attachments: Array<{ id: number; fileId: number; documentTypes: string[] }>;
  reviewSnapshot: ReviewSnapshot | null;
  payerReferenceNumber: string | null;
  activeManualHandoffId: number | null;
  liveSessionAvailable: boolean;
  /** A record whose workflow backend is down: every request touching it answers 503. */
  backendDown: boolean;
}

/** A record as a new create leaves it: requirements to resolve, nothing answered or attached. */
export function newAuthorization(
  fields: Pick<Authorization, 'id' | 'organizationId' | 'version' | 'request' | 'finalSubmission'> &
    Partial<Authorization>,
): Authorization {
  return {
    status: 'requires_action',
    nextAction: 'resolve_requirements',
    answers: new Map(),
    attachments: [],
    reviewSnapshot: null,
    payerReferenceNumber: null,
    activeManualHandoffId: null,
    liveSessionAvailable: false,
    backendDown: false,
    ...fields,
  };
}

export interface StoredFile {
  id: number;
  organizationId: string;
  purpose: 'authorization_attachment' | 'correspondence';
  status: 'pending' | 'ready';
  contentType: string;
  size: number;
  filename: string;
}

export interface ManualHandoff {
  id: number;
  organizationId: string;
  authorizationId: number;
  status: 'pending' | 'active' | 'closed';
  resolution: 'accepted' | 'released' | null;
}

export interface AccessGrant {
  id: number;
  organizationId: string;
  authorizationId: number;
  mode: 'read_only' | 'interactive';
  state: 'issued' | 'revoked' | 'channel_lost';
  expiresAt: number;
}

export interface StoredCreate {
  fingerprint: string;
  authorizationId: number;
  status: number;
  body: unknown;
  headers: Record<string, string>;
  storedAt: number;
}

/** Hands out integer ids from a random starting point, so no id is known before a start. */
export class IdSequence {
  private next: number;
  constructor(min: number, max: number) {
    this.next = randomInt(min, max);
  }
  take(): number {
    const id = this.next;
    this.next += 1 + randomInt(0, 3);
    return id;
  }
}

export function randomToken(bytes = 12): string {
  return randomBytes(bytes).toString('hex');
}

export class CollateStore {
  readonly authorizations = new Map<number, Authorization>();
  readonly files = new Map<number, StoredFile>();
  readonly handoffs = new Map<number, ManualHandoff>();
  readonly grants = new Map<number, AccessGrant>();
  /** Keyed creates, by organization and key. */
  readonly creates = new Map<string, StoredCreate>();
  /** Ids below these ranges are never issued (the seed's unknown ids come from there). */
  readonly authorizationIds = new IdSequence(40_000, 90_000);
  readonly fileIds = new IdSequence(700_000, 900_000);
  readonly handoffIds = new IdSequence(3_000, 9_000);
  readonly grantIds = new IdSequence(100_000, 500_000);
  readonly attachmentIds = new IdSequence(10_000, 30_000);
}
