import type { DialectDirectory } from '../../dialect-b/types.js';
import { bare, credentialOf, type DialectBVendorConfig, type Fact, fact } from '../write.js';

/** Reads the current version of Collate records whose writes the checks send If-Match with. */
async function versionsOf(d: DialectDirectory, names: readonly string[]): Promise<Record<string, Fact>> {
  const key = credentialOf(d.credentials.adminKey).value ?? '';
  const versions: Record<string, Fact> = {};
  for (const name of names) {
    const answer = await fetch(`${d.baseUrl}/v2/prior-authorizations/${String(d.facts[name])}`, {
      headers: { authorization: key },
    });
    const body = (await answer.json()) as { data?: { version?: number } };
    if (body.data?.version !== undefined) versions[name] = String(body.data.version);
  }
  return versions;
}

/**
 * The config a user of dialect B's Collate writes from its reference (`dialect-b/collate/README.md`)
 * alone: the suite's operations with this dialect's methods, paths, example bodies and id pointers;
 * its records and field names as facts; its credentials by role; its failing requests as overrides.
 */
export async function writeConfig(d: DialectDirectory): Promise<DialectBVendorConfig> {
  // The records whose writes the checks send If-Match with: their versions, read first.
  const versions = await versionsOf(d, ['unresolvedAuthorizationId', 'waitingOnPayerAuthorizationId']);
  const api = '/v2';
  const f = d.facts;
  return {
    baseUrl: d.baseUrl,
    credentials: {
      valid: credentialOf(d.credentials.adminKey),
      readOnly: credentialOf(d.credentials.readOnlyKey),
      otherOrganisation: credentialOf(d.credentials.otherOrganizationKey),
      revoked: credentialOf(d.credentials.revokedKey),
    },
    operations: {
      authorizations: {
        method: 'POST',
        path: `${api}/prior-authorizations`,
        body: {
          providerNpi: fact('providerNpi'),
          payerId: fact('payerId'),
          patient: { memberId: 'SBX-000777', lastName: 'Okafor', birthDate: '1984-09-02' },
          service: { state: 'CA', type: 'advanced_imaging', code: fact('serviceCpt'), units: 1 },
          policy: { finalSubmission: 'customer_review' },
        },
        idPointer: '/data/id',
      },
      authorization: { method: 'GET', path: `${api}/prior-authorizations/{id}` },
      updateAuthorization: {
        method: 'PATCH',
        path: '{{operations.authorization}}/answers',
        body: { answers: [{ linkId: 'prior_conservative_therapy', value: true }] },
      },
      submit: { method: 'POST', path: '{{operations.authorization}}/actions/submit', body: {} },
      confirm: {
        method: 'POST',
        path: '{{operations.authorization}}/actions/confirm',
        body: { reviewSnapshotId: fact('reviewSnapshotId') },
      },
      attachments: {
        method: 'POST',
        path: '{{operations.authorization}}/attachments',
        body: { fileId: fact('readyFileId'), documentTypes: ['clinical_notes'] },
      },
      handoffs: {
        method: 'POST',
        path: '{{operations.authorization}}/manual-handoffs',
        body: { contact: { name: 'Dana Whitfield', email: 'dana@clinic.example' } },
      },
      acceptHandoff: {
        method: 'POST',
        path: `${api}/manual-handoffs/{handoffId}/actions/accept`,
        body: { reviewSnapshotId: f.acceptedReviewSnapshotId },
      },
      liveSession: { method: 'GET', path: '{{operations.authorization}}/live-session' },
      // Asking for a read-only grant is how this sandbox says no live session is available.
      readOnlyGrant: {
        method: 'POST',
        path: '{{operations.authorization}}/live-session/grants',
        body: { mode: 'read_only' },
      },
      liveSessionGrants: {
        method: 'POST',
        path: '{{operations.authorization}}/live-session/grants',
        body: { mode: 'interactive' },
      },
      accessGrant: { method: 'POST', path: `${api}/access-grants/{id}/actions/open`, body: {} },
      file: { method: 'GET', path: `${api}/files/{id}` },
      fileContent: {
        method: 'POST',
        path: `${api}/files?purpose=authorization_attachment&filename=clinical-notes.pdf`,
        contentType: 'application/pdf',
        body: '%PDF-1.7\n% clinical notes\n',
      },
    },
    facts: {
      providerNpi: f.providerNpi as Fact,
      payerId: f.payerId as Fact,
      serviceCpt: f.serviceCode as Fact,
      unregisteredProviderNpi: f.unknownProviderNpi as Fact,
      unconfiguredProviderNpi: f.providerWithoutAccessNpi as Fact,
      unroutedServiceCpt: f.unsupportedServiceCode as Fact,
      staleId: f.unknownAuthorizationId as Fact,
      needsAnswersAuthorizationId: f.unresolvedAuthorizationId as Fact,
      needsAnswersVersion: versions.unresolvedAuthorizationId ?? '',
      questionLinkId: 'prior_conservative_therapy',
      // This sandbox reads the doc the other way round: processing is "not actionable", and
      // waiting on the payer is "no customer action" (next_action_required).
      waitingAuthorizationId: f.processingAuthorizationId as Fact,
      processingAuthorizationId: f.waitingOnPayerAuthorizationId as Fact,
      processingVersion: versions.waitingOnPayerAuthorizationId ?? '',
      noLiveSessionAuthorizationId: f.waitingOnPayerAuthorizationId as Fact,
      terminalAuthorizationId: f.terminalAuthorizationId as Fact,
      confirmableAuthorizationId: f.staleReviewAuthorizationId as Fact,
      unsatisfiedAuthorizationId: f.unresolvedAuthorizationId as Fact,
      reviewSnapshotId: f.currentReviewSnapshotId as Fact,
      otherOrganisationAuthorizationId: f.otherOrganizationAuthorizationId as Fact,
      productionKey: bare(d.credentials.productionKey),
      handoffAuthorizationId: f.handoffAuthorizationId as Fact,
      requestedHandoffId: f.pendingManualHandoffId as Fact,
      activeHandoffId: f.approvalCheckManualHandoffId as Fact,
      closedHandoffId: f.closedManualHandoffId as Fact,
      pendingFileId: f.pendingFileId as Fact,
      exportFileId: f.correspondenceFileId as Fact,
      readyFileId: f.readyFileId as Fact,
      liveGrantId: f.openableAccessGrantId as Fact,
      expiredGrantId: f.expiredAccessGrantId as Fact,
      revokedGrantId: f.revokedAccessGrantId as Fact,
      staleVersion: f.staleVersion as Fact,
      maxBodyBytes: d.limits.maxUploadBytes as number,
      mutableField: 'patient.lastName',
      dateField: 'patient.birthDate',
      answerValueField: 'answers.0.value',
      reviewSnapshotField: 'reviewSnapshotId',
    },
    checks: {
      'code.channel_session_lost': {
        request: {
          method: 'POST',
          path: `${api}/access-grants/${String(f.channelLostAccessGrantId)}/actions/open`,
        },
      },
      'code.workflow_backend_unavailable': {
        request: { method: 'GET', path: `${api}/prior-authorizations/${String(f.failingAuthorizationId)}` },
      },
    },
  };
}
