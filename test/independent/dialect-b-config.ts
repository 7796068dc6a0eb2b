/**
 * The sandbox config a user writes for dialect B (test/independent/dialect-b/), from its API
 * references alone, after `error-contracts init`: for each vendor, the suite's operations given
 * this dialect's methods, paths, example bodies and id pointers; its seeded records and the body
 * fields its references name as facts; its credentials by role. Written once per vendor, as data,
 * the way a person fills in the file `init` wrote. The few steps a person takes by hand before a
 * run (signing in to get session cookies, reading a record's current version) are done by
 * `prepare` against the started sandbox, exactly as such a person would with curl.
 *
 * The failing requests of each reference become per-check overrides (`checks.<id>.request`), the
 * one kind of per-check entry the docs expect: no sandbox fails on demand.
 */
import type { DialectCredential, DialectDirectory, VendorId } from './dialect-b/types.js';

type Fact = string | number;

/** One vendor's section of the config file, as JSON. */
export interface DialectBVendorConfig {
  baseUrl: string;
  credentials: Record<string, Record<string, string>>;
  operations: Record<string, Record<string, unknown>>;
  facts: Record<string, Fact>;
  preflight?: { operation: string; params?: Record<string, string> };
  checks?: Record<string, { request: Record<string, unknown> } | { skip: string }>;
}

const fact = (name: string) => `{{facts.${name}}}`;

/** An OAuth client or a header credential, as the config file holds it. */
function credentialOf(credential: DialectCredential | undefined): Record<string, string> {
  if (!credential) throw new Error('the directory lacks a credential the config names');
  if (credential.kind === 'header') return { value: credential.value };
  if (credential.kind === 'oauthClient') {
    const { clientId, clientSecret, scope, tokenUrl } = credential;
    return { clientId, clientSecret, scope, tokenUrl };
  }
  throw new Error('a sign-in credential is turned into a cookie by prepare()');
}

/** `Bearer xyz` -> `xyz`: a token or key as a fact (a key of another environment). */
const bare = (credential: DialectCredential | undefined): string =>
  credentialOf(credential).value?.replace(/^Bearer /, '') ?? '';

/** What a person does by hand against the started sandbox before writing the file. */
interface Prepared {
  /** Session cookies by the reference's credential name (`Cookie` header values). */
  cookies: Record<string, string>;
  /** A record's current version, read with the valid credential. */
  versions: Record<string, Fact>;
}

function claimrev(d: DialectDirectory): DialectBVendorConfig {
  const account = '/api/v1/accounts/{{facts.accountNumber}}';
  const broken = String(d.facts.brokenClaimId);
  return {
    baseUrl: d.baseUrl,
    credentials: {
      valid: credentialOf(d.credentials.mainClient),
      readOnly: credentialOf(d.credentials.limitedClient),
      expired: credentialOf(d.credentials.expiredToken),
    },
    operations: {
      eligibility: {
        method: 'POST',
        path: `${account}/eligibility`,
        body: { memberId: 'W123456789', payerId: '62308', dateOfService: '2026-04-02' },
      },
      claim: { method: 'GET', path: `${account}/claims/{id}` },
      deleteClaim: { method: 'DELETE', path: `${account}/claims/{id}` },
    },
    facts: {
      accountNumber: d.facts.accountNumber as Fact,
      otherAccountNumber: d.facts.otherAccountNumber as Fact,
      claimId: d.facts.claimId as Fact,
      staleId: d.facts.deletedClaimId as Fact,
      requiredField: 'memberId',
      otherEnvironmentScope: encodeURIComponent(credentialOf(d.credentials.productionClient).scope ?? ''),
      productionToken: bare(d.credentials.productionToken),
    },
    checks: {
      'status.500.1': {
        request: {
          method: 'GET',
          path: `/api/v1/accounts/${String(d.facts.accountNumber)}/claims/${broken}`,
        },
      },
    },
  };
}

function casexchange(d: DialectDirectory): DialectBVendorConfig {
  const api = '/public-api/v1';
  return {
    baseUrl: d.baseUrl,
    credentials: {
      valid: credentialOf(d.credentials.fullKey),
      readOnly: credentialOf(d.credentials.readOnlyKey),
      revoked: credentialOf(d.credentials.revokedKey),
      otherOrganisation: credentialOf(d.credentials.otherFirmKey),
      // Every key has its own quota; the admin key is used for nothing else.
      rateLimited: credentialOf(d.credentials.adminKey),
    },
    operations: {
      firm: { method: 'GET', path: `${api}/firms/me` },
      cases: {
        method: 'POST',
        path: `${api}/cases`,
        body: {
          title: 'Rear-end collision, I-90',
          practiceArea: 'personal_injury',
          incidentDate: '2026-01-19',
        },
        idPointer: '/data/id',
      },
      case: { method: 'GET', path: `${api}/cases/{id}` },
      referrals: {
        method: 'POST',
        path: `${api}/referrals`,
        body: { caseId: fact('caseId'), targetFirmId: fact('referredFirmId') },
        idPointer: '/data/id',
      },
      reRefer: {
        method: 'POST',
        path: `${api}/referrals/{id}/re-refer`,
        body: { targetFirmId: d.facts.thirdFirmId },
        idPointer: '/data/id',
      },
    },
    facts: {
      // The case with an active referral to otherFirmId: a second referral there conflicts.
      caseId: d.facts.referredCaseId as Fact,
      activeReferralId: d.facts.pendingReferralId as Fact,
      referredFirmId: d.facts.otherFirmId as Fact,
      otherOrganisationCaseId: d.facts.otherFirmCaseId as Fact,
      staleId: d.facts.deletedCaseId as Fact,
      requiredField: 'title',
      uuidField: 'targetFirmId',
      dateField: 'incidentDate',
    },
    checks: {
      'code.internal_error': {
        request: { method: 'GET', path: `${api}/cases/${String(d.facts.brokenCaseId)}` },
      },
    },
  };
}

function foresight(d: DialectDirectory): DialectBVendorConfig {
  const claim = {
    patientId: d.facts.patientId,
    claimType: 'institutional',
    totalChargeCents: 48_200,
    admissionDate: '2026-05-10',
    dischargeDate: '2026-05-13',
    externalId: 'ENC-{{UNIQUE}}',
  };
  const createClaim = { method: 'POST', path: '/v1/claims', body: claim, idPointer: '/claim/id' };
  const eligibility = (payer: string) => ({
    method: 'POST',
    path: '/v1/eligibility-checks',
    json: { patientId: d.facts.patientId, payerId: String(d.facts[payer]), serviceDate: '2026-06-15' },
  });
  return {
    baseUrl: d.baseUrl,
    credentials: {
      valid: credentialOf(d.credentials.fullKey),
      readOnly: credentialOf(d.credentials.readOnlyKey),
      expired: credentialOf(d.credentials.expiredKey),
      revoked: credentialOf(d.credentials.revokedKey),
      otherOrganisation: credentialOf(d.credentials.otherOrgKey),
      // Every key has its own quota; the read-only key may read, and only scope checks use it.
      rateLimited: credentialOf(d.credentials.readOnlyKey),
    },
    operations: {
      claims: createClaim,
      // The create whose body holds a unique field is the claim create (externalId).
      patients: createClaim,
      record: { method: 'GET', path: '/v1/claims/{id}' },
      submitClaim: {
        method: 'POST',
        path: '/v1/eligibility-checks',
        body: {
          patientId: d.facts.patientId,
          payerId: fact('payerRejectedClaimId'),
          serviceDate: '2026-06-15',
        },
      },
    },
    facts: {
      recordId: d.facts.claimId as Fact,
      otherOrganisationRecordId: d.facts.otherOrgClaimId as Fact,
      deletedRecordId: d.facts.deletedClaimId as Fact,
      staleId: d.facts.unknownClaimId as Fact,
      existingUniqueValue: d.facts.existingExternalId as Fact,
      payerRejectedClaimId: String(d.facts.rejectingPayerId),
      centsField: 'totalChargeCents',
      enumField: 'claimType',
      longTextField: 'externalId',
      longTextMaxLength: 64,
      mutableField: 'totalChargeCents',
      dateField: 'admissionDate',
      uniqueField: 'externalId',
      uuidField: 'patientId',
    },
    checks: {
      'code.payer_unavailable': { request: eligibility('unavailablePayerId') },
      'code.payer_invalid_response': { request: eligibility('garbledPayerId') },
      'code.service_unavailable': { request: eligibility('degradedPayerId') },
      'code.internal_error': {
        request: { method: 'GET', path: `/v1/claims/${String(d.facts.brokenClaimId)}` },
      },
    },
  };
}

function denialbase(d: DialectDirectory, prepared: Prepared): DialectBVendorConfig {
  const api = '/api/v1';
  const cookie = (name: string) => {
    const value = prepared.cookies[name];
    if (value) return { value };
    return credentialOf(d.credentials[name]);
  };
  const analyst = d.credentials.analyst;
  const login =
    analyst?.kind === 'signIn'
      ? (analyst.body as { user: { login: string; secret: string } }).user
      : undefined;
  return {
    baseUrl: d.baseUrl,
    credentials: {
      valid: cookie('analyst'),
      readOnly: cookie('viewer'),
      otherOrganisation: cookie('otherOrgAnalyst'),
      expired: cookie('lapsedSession'),
      revoked: cookie('signedOutSession'),
      secondFactorPending: cookie('awaitingSecondFactorSession'),
      // The quota is per user; the viewer may read and is otherwise only refused writes.
      rateLimited: cookie('viewer'),
    },
    operations: {
      denials: {
        method: 'POST',
        path: `${api}/denials`,
        body: {
          denial: {
            claim_number: 'CLM-{{UNIQUE}}',
            denial_type: 'prior_authorization',
            amount_cents: 125_000,
            denied_on: '2026-04-20',
          },
        },
        idPointer: '/denial/id',
      },
      denial: { method: 'GET', path: `${api}/denials/{id}` },
      updateDenial: {
        method: 'PATCH',
        path: `${api}/denials/{id}`,
        // The stale lock_version: this example is the update a concurrent writer already overtook.
        body: { denial: { status: 'appealed', lock_version: d.facts.staleLockVersion } },
      },
      documents: {
        method: 'POST',
        path: `${api}/documents?denial_id={{facts.denialId}}&filename=denial-letter.pdf`,
        contentType: 'application/pdf',
        body: '%PDF-1.7\n% denial letter\n',
      },
      signIn: {
        method: 'POST',
        path: `${api}/sessions`,
        body: { user: { login: fact('email'), secret: fact('password') } },
      },
    },
    facts: {
      denialId: d.facts.denialId as Fact,
      staleId: d.facts.unknownDenialId as Fact,
      otherOrganisationDenialId: d.facts.otherOrgDenialId as Fact,
      enumField: 'denial.denial_type',
      mutableField: 'denial.amount_cents',
      fileContentField: '$',
      email: login?.login ?? '',
      password: login?.secret ?? '',
    },
    checks: {
      'code.internal_error': {
        request: { method: 'GET', path: `${api}/denials/${String(d.facts.brokenDenialId)}` },
      },
    },
  };
}

function collate(d: DialectDirectory, prepared: Prepared): DialectBVendorConfig {
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
      needsAnswersVersion: prepared.versions.unresolvedAuthorizationId ?? '',
      questionLinkId: 'prior_conservative_therapy',
      // This sandbox reads the doc the other way round: processing is "not actionable", and
      // waiting on the payer is "no customer action" (next_action_required).
      waitingAuthorizationId: f.processingAuthorizationId as Fact,
      processingAuthorizationId: f.waitingOnPayerAuthorizationId as Fact,
      processingVersion: prepared.versions.waitingOnPayerAuthorizationId ?? '',
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

const WRITERS: Record<VendorId, (d: DialectDirectory, prepared: Prepared) => DialectBVendorConfig> = {
  claimrev,
  collate,
  casexchange,
  foresight,
  denialbase,
};

/** Signs in each sign-in credential and keeps its cookie: what a person does once with curl. */
async function signInAll(d: DialectDirectory): Promise<Record<string, string>> {
  const cookies: Record<string, string> = {};
  for (const [name, credential] of Object.entries(d.credentials)) {
    if (credential.kind !== 'signIn') continue;
    const operation = d.operations[credential.operation];
    if (!operation) continue;
    const answer = await fetch(`${d.baseUrl}${operation.path}`, {
      method: operation.method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credential.body),
    });
    await answer.arrayBuffer();
    const cookie = answer.headers.get('set-cookie')?.split(';')[0];
    if (cookie && answer.status < 300) cookies[name] = cookie;
  }
  return cookies;
}

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

/** One vendor's config, after the by-hand steps its reference asks for. */
export async function dialectBConfigFor(
  vendorId: VendorId,
  d: DialectDirectory,
): Promise<DialectBVendorConfig> {
  const prepared: Prepared = {
    cookies: vendorId === 'denialbase' ? await signInAll(d) : {},
    versions:
      vendorId === 'collate'
        ? await versionsOf(d, ['unresolvedAuthorizationId', 'waitingOnPayerAuthorizationId'])
        : {},
  };
  return WRITERS[vendorId](d, prepared);
}
