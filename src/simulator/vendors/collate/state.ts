import type { ModelContext } from '../../types.js';

/** The records Collate's model keeps, and the rules that hold for every one of them. */

export type Status =
  | 'requires_action'
  | 'processing'
  | 'waiting_on_payer'
  | 'approved'
  | 'denied'
  | 'cancelled';
export type NextActionType = 'resolve_requirements' | 'approve_submission' | 'complete_payer_interaction';

export interface ApiKey {
  orgId: string;
  environment: 'test' | 'production';
  canWrite: boolean;
  revoked: boolean;
}
export interface Question {
  linkId: string;
  type: 'boolean' | 'string';
  answer: unknown;
}
export interface PriorAuthorization {
  id: string;
  orgId: string;
  status: Status;
  version: number;
  nextAction: { type: NextActionType; resolution: { kind: 'write' | 'confirm' | 'handoff' } } | null;
  requirements: { questions: Question[]; documents: { documentType: string; satisfied: boolean }[] };
  submission: { reviewSnapshot: { id: string } | null };
  attachments: { fileId: string; documentTypes: string[] }[];
  providerNpi: string;
  payerId: string;
}
export interface FileRecord {
  id: string;
  orgId: string;
  purpose: 'authorization_attachment' | 'export';
  contentType: string;
  status: 'pending' | 'ready';
}
export interface Handoff {
  id: string;
  authorizationId: string;
  status: 'requested' | 'active' | 'closed';
  reviewSnapshotId: string;
}
export interface Grant {
  id: string;
  authorizationId: string;
  expiresAt: number;
  revoked: boolean;
}
export interface State {
  authorizations: Map<string, PriorAuthorization>;
  files: Map<string, FileRecord>;
  handoffs: Map<string, Handoff>;
  grants: Map<string, Grant>;
}

export const TERMINAL: readonly Status[] = ['approved', 'denied', 'cancelled'];
export const GRANT_LIFETIME_MS = 5 * 60 * 1000;
/** Our documented limit for any Collate request body, file content included. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export type Ctx = ModelContext<State>;
