import type { VendorId } from '../../src/vendors/registry.js';
import type { IndependentCredential, VendorDirectory } from './types.js';

/**
 * Writes a sandbox config for the independent vendors from their directories, in the suite's own
 * vocabulary: the operation and fact names the scenario data (`src/scenarios/`) is written against,
 * mapped once here onto this implementation's routes and records. This is the whole of what a
 * sandbox run against them needs: base URL, credentials, operations and facts; no per-check override.
 *
 * The map is data, one table per vendor: suite operation → this implementation's operation and how
 * the suite's path parameters (`{id}`, `{handoffId}`) name this one's; suite fact → this one's fact.
 */
interface OperationMapping {
  operation: string;
  /** A query this implementation's route takes, as its API reference says. */
  query?: string;
  /** This implementation's parameter name → the suite's. */
  params?: Record<string, string>;
}

interface VendorMapping {
  operations: Record<string, OperationMapping>;
  facts: Record<string, string>;
  /**
   * Facts a user of this implementation knows from its own API reference rather than from a
   * record: which body field is required, which holds cents, an enum or a date.
   */
  known?: Record<string, string>;
  /** Checks its API gives nothing to provoke with, and why (a user says so with checks.<id>.skip). */
  skips?: Record<string, string>;
}

const byId = (operation: string, param: string): OperationMapping => ({
  operation,
  params: { [param]: 'id' },
});

export const SUITE_VOCABULARY: Record<VendorId, VendorMapping> = {
  claimrev: {
    operations: {
      token: { operation: 'requestToken' },
      eligibility: { operation: 'checkEligibility' },
      claim: { ...byId('getClaim', 'claimId'), query: 'accountNumber={{facts.accountNumber}}' },
      deleteClaim: { ...byId('deleteClaim', 'claimId'), query: 'accountNumber={{facts.accountNumber}}' },
      claimSearch: { operation: 'searchClaims' },
    },
    facts: {
      accountNumber: 'accountNumber',
      otherAccountNumber: 'otherAccountNumber',
      otherEnvironmentScope: 'otherEnvironmentScope',
      payerId: 'payerId',
      memberId: 'memberId',
      claimId: 'claimId',
      staleId: 'unknownClaimId',
      productionToken: 'productionToken',
    },
    known: { requiredField: 'memberId' },
  },
  collate: {
    operations: {
      authorizations: { operation: 'createAuthorization' },
      authorization: byId('getAuthorization', 'authorizationId'),
      updateAuthorization: byId('updateAuthorization', 'authorizationId'),
      confirm: byId('confirmAuthorization', 'authorizationId'),
      submit: byId('confirmAuthorization', 'authorizationId'),
      attachments: byId('attachFile', 'authorizationId'),
      handoffs: byId('createManualHandoff', 'authorizationId'),
      acceptHandoff: {
        operation: 'acceptManualHandoff',
        params: { authorizationId: 'id', handoffId: 'handoffId' },
      },
      liveSession: byId('getLiveSession', 'authorizationId'),
      liveSessionGrants: byId('createLiveSessionGrant', 'authorizationId'),
      readOnlyGrant: byId('createLiveSessionGrant', 'authorizationId'),
      accessGrant: byId('getAccessGrant', 'grantId'),
      file: byId('getFile', 'fileId'),
      fileContent: byId('uploadFileContent', 'fileId'),
    },
    facts: {
      providerNpi: 'providerNpi',
      payerId: 'payerId',
      serviceCpt: 'serviceCode',
      unregisteredProviderNpi: 'unregisteredProviderNpi',
      unconfiguredProviderNpi: 'providerWithoutAccessNpi',
      unroutedServiceCpt: 'unsupportedServiceCode',
      staleId: 'unknownAuthorizationId',
      needsAnswersAuthorizationId: 'authorizationId',
      needsAnswersVersion: 'authorizationVersion',
      questionLinkId: 'booleanQuestionLinkId',
      processingAuthorizationId: 'processingAuthorizationId',
      noLiveSessionAuthorizationId: 'authorizationId',
      processingVersion: 'processingVersion',
      waitingAuthorizationId: 'waitingOnPayerAuthorizationId',
      terminalAuthorizationId: 'terminalAuthorizationId',
      confirmableAuthorizationId: 'reviewReadyAuthorizationId',
      unsatisfiedAuthorizationId: 'unsatisfiedAuthorizationId',
      reviewSnapshotId: 'currentReviewSnapshotId',
      otherOrganisationAuthorizationId: 'otherOrganizationAuthorizationId',
      productionKey: 'productionKey',
      handoffAuthorizationId: 'payerInteractionAuthorizationId',
      requestedHandoffId: 'requestedHandoffId',
      activeHandoffId: 'activeHandoffId',
      closedHandoffId: 'closedHandoffId',
      pendingFileId: 'pendingFileId',
      exportFileId: 'exportFileId',
      readyFileId: 'readyFileId',
      liveGrantId: 'liveGrantId',
      expiredGrantId: 'expiredGrantId',
      revokedGrantId: 'revokedGrantId',
      maxBodyBytes: 'maxUploadBytes',
    },
    known: {
      mutableField: 'patient.firstName',
      dateField: 'patient.birthDate',
      answerValueField: 'answers.0.value',
      reviewSnapshotField: 'reviewSnapshotId',
    },
  },
  casexchange: {
    operations: {
      firm: { operation: 'getFirm' },
      cases: { operation: 'createCase' },
      case: byId('getCase', 'caseId'),
      referrals: { operation: 'createReferral' },
      reRefer: byId('reReferReferral', 'referralId'),
    },
    facts: {
      caseId: 'caseId',
      activeReferralId: 'activeReferralId',
      referredFirmId: 'referralTargetFirmId',
      otherOrganisationCaseId: 'otherFirmCaseId',
      staleId: 'unknownCaseId',
    },
    known: { requiredField: 'clientName', uuidField: 'targetFirmId' },
    skips: { 'code.validation_error.malformed_date': 'this implementation’s cases take no date field' },
  },
  foresight: {
    operations: {
      patients: { operation: 'createPatient' },
      record: byId('getPatient', 'patientId'),
      claims: { operation: 'createClaim' },
      submitClaim: byId('submitClaim', 'claimId'),
    },
    facts: {
      patientId: 'patientId',
      payerId: 'payerId',
      recordId: 'patientId',
      otherOrganisationRecordId: 'otherOrganizationPatientId',
      deletedRecordId: 'deletedPatientId',
      existingUniqueValue: 'patientExternalId',
      payerRejectedClaimId: 'payerRejectsClaimId',
      draftClaimId: 'claimId',
      staleId: 'unknownPatientId',
      longTextMaxLength: 'maxNotesLength',
    },
    known: {
      centsField: 'totalChargeCents',
      enumField: 'claimType',
      longTextField: 'notes',
      mutableField: 'totalChargeCents',
      dateField: 'dateOfBirth',
      uniqueField: 'externalId',
      uuidField: 'patientId',
    },
  },
  denialbase: {
    operations: {
      denials: { operation: 'createDenial' },
      denial: byId('getDenial', 'denialId'),
      updateDenial: byId('updateDenial', 'denialId'),
      documents: { operation: 'uploadDocument' },
      signIn: { operation: 'signIn' },
    },
    facts: {
      denialId: 'denialId',
      staleId: 'unknownDenialId',
      otherOrganisationDenialId: 'otherOrganizationDenialId',
      email: 'email',
      password: 'password',
    },
    known: { mutableField: 'amount_cents' },
  },
};

/** A credential as the sandbox config file holds it: a whole header value, or OAuth client fields. */
type CredentialEntry =
  | { value: string }
  | { clientId: string; clientSecret: string; scope: string; tokenUrl: string };

export interface SandboxVendorConfig {
  baseUrl: string;
  credentials: Record<string, CredentialEntry>;
  operations: Record<string, { method: string; path: string }>;
  facts: Record<string, string>;
  checks?: Record<string, { request: { method: string; path: string } } | { skip: string }>;
}

function credentialEntry(credential: IndependentCredential): CredentialEntry {
  if (credential.kind === 'header') return { value: credential.value };
  const { clientId, clientSecret, scope, tokenUrl } = credential;
  return { clientId, clientSecret, scope, tokenUrl };
}

/** One vendor's config: every suite operation and fact, from this implementation's directory. */
export function sandboxConfigFor(vendorId: VendorId, directory: VendorDirectory): SandboxVendorConfig {
  const mapping = SUITE_VOCABULARY[vendorId];
  const operations: Record<string, { method: string; path: string }> = {};
  for (const [name, { operation, params = {}, query }] of Object.entries(mapping.operations)) {
    const entry = directory.operations[operation];
    if (!entry) throw new Error(`${vendorId}: the directory has no operation ${operation} (for ${name}).`);
    const path = entry.path.replace(/\{(\w+)\}/g, (whole, param: string) =>
      params[param] === undefined ? whole : `{${params[param]}}`,
    );
    operations[name] = { method: entry.method, path: query ? `${path}?${query}` : path };
  }
  const facts: Record<string, string> = { ...mapping.known };
  for (const [name, own] of Object.entries(mapping.facts)) {
    const value = directory.facts[own];
    if (value === undefined) throw new Error(`${vendorId}: the directory has no fact ${own} (for ${name}).`);
    facts[name] = value;
  }
  const credentials: Record<string, CredentialEntry> = {};
  for (const [role, credential] of Object.entries(directory.credentials))
    if (credential) credentials[role] = credentialEntry(credential);
  // ClaimRev's "token of another environment" is the one this implementation issues to production.
  const revoked = directory.credentials.revoked;
  if (vendorId === 'claimrev' && revoked?.kind === 'header')
    facts.productionToken = revoked.value.replace(/^Bearer /, '');
  const skips = Object.entries(mapping.skips ?? {}).map(([id, skip]) => [id, { skip }] as const);
  return {
    baseUrl: directory.baseUrl,
    credentials,
    operations,
    facts,
    ...(skips.length > 0 ? { checks: Object.fromEntries(skips) } : {}),
  };
}

/** The config file for every started vendor: `{ vendors: { <id>: { baseUrl, credentials, operations, facts } } }`. */
export function sandboxConfig(directories: Partial<Record<VendorId, VendorDirectory>>): {
  vendors: Partial<Record<VendorId, SandboxVendorConfig>>;
} {
  const vendors: Partial<Record<VendorId, SandboxVendorConfig>> = {};
  for (const [vendorId, directory] of Object.entries(directories) as [VendorId, VendorDirectory][])
    vendors[vendorId] = sandboxConfigFor(vendorId, directory);
  return { vendors };
}

/**
 * The per-check overrides a user of a real sandbox would write for its documented server errors:
 * each magic value whose operation takes it as its one path parameter points the check of the code
 * it provokes (`code.<code>`) at that record. These are the rare exception the config allows: no
 * sandbox can be made to fail on demand, so the user names a record that always does.
 */
export function magicOverrides(directory: VendorDirectory): NonNullable<SandboxVendorConfig['checks']> {
  const checks: NonNullable<SandboxVendorConfig['checks']> = {};
  for (const magic of directory.magic) {
    const entry = directory.operations[magic.operation];
    const value = directory.facts[magic.fact];
    const params = entry ? [...entry.path.matchAll(/\{(\w+)\}/g)] : [];
    if (!entry || value === undefined || params.length !== 1) continue;
    checks[`code.${magic.provokes}`] = {
      request: { method: entry.method, path: entry.path.replace(/\{\w+\}/, value) },
    };
  }
  return checks;
}
