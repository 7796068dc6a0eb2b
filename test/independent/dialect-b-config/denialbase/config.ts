import type { DialectDirectory } from '../../dialect-b/types.js';
import { credentialOf, type DialectBVendorConfig, type Fact, fact, signInAll } from '../write.js';

/**
 * The config a user of dialect B's Denialbase writes from its reference (`dialect-b/denialbase/README.md`)
 * alone: the suite's operations with this dialect's methods, paths, example bodies and id pointers;
 * its records and field names as facts; its credentials by role; its failing requests as overrides.
 */
export async function writeConfig(d: DialectDirectory): Promise<DialectBVendorConfig> {
  // Signing in first, as its reference says, gives the session cookies the roles use.
  const cookies = await signInAll(d);
  const api = '/api/v1';
  const cookie = (name: string) => {
    const value = cookies[name];
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
