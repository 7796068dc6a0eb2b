import { randomInt } from 'node:crypto';
import { EXAMPLE_ANSWERS, REQUIRED_DOCUMENT_TYPE } from './requirements.js';
import {
  type AccessGrant,
  type Authorization,
  CollateStore,
  type ManualHandoff,
  newAuthorization,
  randomToken,
  type StoredFile,
} from './state.js';

/**
 * Everything a fresh start holds: API keys, the provider/payer/route catalog, and one record in
 * each state a documented error needs. All ids and secrets are random per start.
 */

export interface ApiKey {
  organizationId: string;
  environment: 'sandbox' | 'production';
  access: 'read_write' | 'read_only';
  revoked: boolean;
}

export interface Route {
  payerId: string;
  state: string;
  serviceType: string;
  serviceCode: string;
  /** Provider NPIs Collate has configured access for on this route. */
  providerAccess: ReadonlySet<string>;
}

export interface Catalog {
  /** Provider NPIs by organization. */
  providers: Map<string, Set<string>>;
  payers: Map<string, string>;
  routes: Route[];
}

export interface Seeded {
  store: CollateStore;
  keys: Map<string, ApiKey>;
  /** Key values by credential name (the directory's credentials). */
  keyValues: Record<string, string>;
  catalog: Catalog;
  facts: Record<string, string | number>;
}

export const SERVICE_TYPES = ['advanced_imaging', 'durable_medical_equipment', 'outpatient_surgery'] as const;
export const GRANT_LIFETIME_MS = 10 * 60 * 1000;

function npi(): string {
  return String(randomInt(1_000_000_000, 2_000_000_000));
}

function distinctNpis(count: number): string[] {
  const values = new Set<string>();
  while (values.size < count) values.add(npi());
  return [...values];
}

export function seedCollate(now: number): Seeded {
  const store = new CollateStore();
  const organizationId = `org_${randomToken(6)}`;
  const otherOrganizationId = `org_${randomToken(6)}`;

  const keyValues = {
    adminKey: `clt_test_${randomToken(16)}`,
    readOnlyKey: `clt_test_${randomToken(16)}`,
    otherOrganizationKey: `clt_test_${randomToken(16)}`,
    productionKey: `clt_live_${randomToken(16)}`,
    revokedKey: `clt_test_${randomToken(16)}`,
  };
  const keys = new Map<string, ApiKey>([
    [keyValues.adminKey, { organizationId, environment: 'sandbox', access: 'read_write', revoked: false }],
    [keyValues.readOnlyKey, { organizationId, environment: 'sandbox', access: 'read_only', revoked: false }],
    [
      keyValues.otherOrganizationKey,
      { organizationId: otherOrganizationId, environment: 'sandbox', access: 'read_write', revoked: false },
    ],
    [
      keyValues.productionKey,
      { organizationId, environment: 'production', access: 'read_write', revoked: false },
    ],
    [keyValues.revokedKey, { organizationId, environment: 'sandbox', access: 'read_write', revoked: true }],
  ]);

  const [providerNpi, providerWithoutAccessNpi, otherOrganizationProviderNpi, unknownProviderNpi] =
    distinctNpis(4) as [string, string, string, string];
  const payerId = `pyr_${randomToken(5)}`;
  const otherPayerId = `pyr_${randomToken(5)}`;
  const catalog: Catalog = {
    providers: new Map([
      [organizationId, new Set([providerNpi, providerWithoutAccessNpi])],
      [otherOrganizationId, new Set([otherOrganizationProviderNpi])],
    ]),
    payers: new Map([
      [payerId, 'Sandbox Mutual'],
      [otherPayerId, 'Sandbox Health Plan'],
    ]),
    routes: [
      {
        payerId,
        state: 'CA',
        serviceType: 'advanced_imaging',
        serviceCode: '70553',
        providerAccess: new Set([providerNpi]),
      },
      {
        payerId,
        state: 'CA',
        serviceType: 'durable_medical_equipment',
        serviceCode: 'E0601',
        providerAccess: new Set([providerNpi]),
      },
      {
        payerId: otherPayerId,
        state: 'TX',
        serviceType: 'advanced_imaging',
        serviceCode: '70553',
        providerAccess: new Set([providerNpi, otherOrganizationProviderNpi]),
      },
    ],
  };

  const request = {
    providerNpi,
    payerId,
    patient: { memberId: 'SBX-000123', lastName: 'Rivera', birthDate: '1979-03-14' },
    service: { state: 'CA', type: 'advanced_imaging', code: '70553', units: 1 },
  };
  const authorization = (overrides: Partial<Authorization>): Authorization => {
    const record = newAuthorization({
      id: store.authorizationIds.take(),
      organizationId,
      version: 2 + randomInt(0, 4),
      request,
      finalSubmission: 'customer_review',
      ...overrides,
    });
    store.authorizations.set(record.id, record);
    return record;
  };
  const answered = () => new Map(EXAMPLE_ANSWERS.map((answer) => [answer.linkId, answer.value]));
  const attached = () => [
    { id: store.attachmentIds.take(), fileId: store.fileIds.take(), documentTypes: [REQUIRED_DOCUMENT_TYPE] },
  ];
  const snapshot = (state: 'pending_approval' | 'accepted') => ({ id: `rs_${randomToken(8)}`, state });

  const open = authorization({});
  const unresolved = authorization({});
  const review = authorization({
    nextAction: 'review_submission',
    answers: answered(),
    attachments: attached(),
    reviewSnapshot: snapshot('pending_approval'),
  });
  const staleReview = authorization({
    nextAction: 'review_submission',
    answers: answered(),
    attachments: attached(),
    reviewSnapshot: snapshot('pending_approval'),
  });
  const staleReviewSnapshotId = `rs_${randomToken(8)}`;
  const processing = authorization({
    status: 'processing',
    nextAction: null,
    answers: answered(),
    attachments: attached(),
    liveSessionAvailable: true,
  });
  const waitingOnPayer = authorization({
    status: 'waiting_on_payer',
    nextAction: null,
    answers: answered(),
    attachments: attached(),
    reviewSnapshot: snapshot('accepted'),
    payerReferenceNumber: `PR-${randomInt(100_000, 999_999)}`,
  });
  const terminal = authorization({
    status: 'approved',
    nextAction: null,
    answers: answered(),
    attachments: attached(),
    reviewSnapshot: snapshot('accepted'),
    payerReferenceNumber: `PR-${randomInt(100_000, 999_999)}`,
  });
  const atPayerInteraction = () =>
    authorization({
      nextAction: 'complete_payer_interaction',
      answers: answered(),
      attachments: attached(),
      reviewSnapshot: snapshot('accepted'),
      liveSessionAvailable: true,
    });
  const payerInteraction = atPayerInteraction();
  const noHandoff = atPayerInteraction();
  const withHandoff = atPayerInteraction();
  const withPendingHandoff = atPayerInteraction();
  const failing = authorization({ backendDown: true });
  const otherOrganization = authorization({ organizationId: otherOrganizationId });

  const handoff = (record: Authorization, status: ManualHandoff['status']): ManualHandoff => {
    const value: ManualHandoff = {
      id: store.handoffIds.take(),
      organizationId,
      authorizationId: record.id,
      status,
      resolution: status === 'closed' ? 'released' : null,
    };
    store.handoffs.set(value.id, value);
    if (status !== 'closed') record.activeManualHandoffId = value.id;
    return value;
  };
  const activeHandoff = handoff(withHandoff, 'active');
  const approvalCheckHandoff = handoff(atPayerInteraction(), 'active');
  const closableHandoff = handoff(atPayerInteraction(), 'active');
  const pendingHandoff = handoff(withPendingHandoff, 'pending');
  const closedHandoff = handoff(payerInteraction, 'closed');

  const file = (overrides: Partial<StoredFile>): StoredFile => {
    const value: StoredFile = {
      id: store.fileIds.take(),
      organizationId,
      purpose: 'authorization_attachment',
      status: 'ready',
      contentType: 'application/pdf',
      size: 2048,
      filename: 'clinical-notes.pdf',
      ...overrides,
    };
    store.files.set(value.id, value);
    return value;
  };
  const readyFile = file({});
  const pendingFile = file({ status: 'pending' });
  const completableFile = file({ status: 'pending' });
  const correspondenceFile = file({ purpose: 'correspondence', filename: 'payer-letter.pdf' });
  const otherOrganizationFile = file({ organizationId: otherOrganizationId });

  const grant = (state: AccessGrant['state'], expiresAt: number): AccessGrant => {
    const value: AccessGrant = {
      id: store.grantIds.take(),
      organizationId,
      authorizationId: processing.id,
      mode: 'read_only',
      state,
      expiresAt,
    };
    store.grants.set(value.id, value);
    return value;
  };
  const openableGrant = grant('issued', now + 24 * 60 * 60 * 1000);
  const expiredGrant = grant('issued', now - 60_000);
  const revokedGrant = grant('revoked', now + GRANT_LIFETIME_MS);
  const channelLostGrant = grant('channel_lost', now + GRANT_LIFETIME_MS);

  const facts: Record<string, string | number> = {
    organizationId,
    otherOrganizationId,
    providerNpi,
    providerWithoutAccessNpi,
    otherOrganizationProviderNpi,
    unknownProviderNpi,
    payerId,
    unknownPayerId: `pyr_${randomToken(5)}`,
    serviceState: 'CA',
    serviceType: 'advanced_imaging',
    serviceCode: '70553',
    unsupportedServiceCode: '99999',
    openAuthorizationId: open.id,
    unresolvedAuthorizationId: unresolved.id,
    reviewAuthorizationId: review.id,
    currentReviewSnapshotId: review.reviewSnapshot?.id ?? '',
    staleReviewAuthorizationId: staleReview.id,
    staleReviewSnapshotId,
    processingAuthorizationId: processing.id,
    waitingOnPayerAuthorizationId: waitingOnPayer.id,
    terminalAuthorizationId: terminal.id,
    payerInteractionAuthorizationId: payerInteraction.id,
    noHandoffAuthorizationId: noHandoff.id,
    handoffAuthorizationId: withHandoff.id,
    activeManualHandoffId: activeHandoff.id,
    acceptedReviewSnapshotId: withHandoff.reviewSnapshot?.id ?? '',
    approvalCheckManualHandoffId: approvalCheckHandoff.id,
    closableManualHandoffId: closableHandoff.id,
    pendingManualHandoffId: pendingHandoff.id,
    closedManualHandoffId: closedHandoff.id,
    failingAuthorizationId: failing.id,
    otherOrganizationAuthorizationId: otherOrganization.id,
    unknownAuthorizationId: randomInt(1, 40_000),
    readyFileId: readyFile.id,
    pendingFileId: pendingFile.id,
    completableFileId: completableFile.id,
    correspondenceFileId: correspondenceFile.id,
    otherOrganizationFileId: otherOrganizationFile.id,
    unknownFileId: randomInt(1, 700_000),
    openableAccessGrantId: openableGrant.id,
    expiredAccessGrantId: expiredGrant.id,
    revokedAccessGrantId: revokedGrant.id,
    channelLostAccessGrantId: channelLostGrant.id,
    staleVersion: 1,
    malformedIfMatch: 'version-1',
  };
  return { store, keys, keyValues, catalog, facts };
}
