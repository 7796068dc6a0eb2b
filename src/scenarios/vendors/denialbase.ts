import { exhaust, fact, natural, viaFault } from '../data.js';
import { EICAR_TEST_STRING } from '../eicar.js';
import type { BodyDerivation, NamedScenario, Scenario, ScenarioRequest, VendorScenarios } from '../types.js';

/** 50 MB, the upload limit the docs give; one byte over is refused before it is read. */
const DOCUMENTED_UPLOAD_LIMIT = 50 * 1024 * 1024;

/** The documented single-record read: a denial of the valid session's organisation. */
const readDenial = { operation: 'denial', params: { id: fact('denialId') } } as const;
const createDenial = (body: BodyDerivation = {}, more: Partial<ScenarioRequest> = {}): ScenarioRequest => ({
  operation: 'denials',
  body,
  ...more,
});
const upload = (body: BodyDerivation, streamedBytes?: number): ScenarioRequest => ({
  operation: 'documents',
  body,
  ...(streamedBytes ? { streamedBytes } : {}),
});

const documentedScenarios: Scenario[] = [
  natural('bad_request', 'a body that is not JSON', {
    operation: 'denials',
    raw: { contentType: 'application/json', text: '{"' },
  }),
  natural('not_authenticated', 'an expired session', { ...readDenial, role: 'expired' }),
  natural('two_factor_required', 'a session waiting for its one-time code', {
    ...readDenial,
    role: 'secondFactorPending',
  }),
  natural('not_authorized', 'a viewer cannot record a denial', createDenial({}, { role: 'readOnly' })),
  natural('not_found', 'a stale denial id', { operation: 'denial', params: { id: fact('staleId') } }),
  natural('conflict', 'an update against a stale version', {
    operation: 'updateDenial',
    params: { id: fact('denialId') },
    body: {},
  }),
  natural('file_too_large', 'an upload declared larger than 50 MB', upload({}, DOCUMENTED_UPLOAD_LIMIT + 1)),
  {
    ...natural(
      'validation_failed',
      'a denial with a value outside an enum (the doc’s own example field)',
      createDenial({ set: { [fact('enumField')]: 'not_a_listed_type' } }),
    ),
    promises: [{ kind: 'fieldDetails', quote: 'One or more fields invalid. details populated.' }],
  },
  natural(
    'virus_detected',
    'an upload carrying the EICAR test string',
    upload({ set: { [fact('fileContentField')]: EICAR_TEST_STRING } }),
  ),
  natural(
    'rate_limited',
    'a session over its per-minute quota',
    { ...readDenial, role: 'rateLimited' },
    exhaust({ ...readDenial, role: 'rateLimited' }, 2),
  ),
  viaFault('internal_error', 'an unexpected server failure', readDenial),
];

/** Further documented ways a code comes back, each with the doc line that names it. */
const moreScenarios: NamedScenario[] = [
  {
    ...natural('not_authenticated', 'a signed-out session', { ...readDenial, role: 'revoked' }),
    name: 'signed_out',
    quote: 'No valid session.',
  },
];

export const scenarios: VendorScenarios = {
  vendorId: 'denialbase',
  operations: {
    denials: {
      about: 'record a denial, with a body that succeeds',
      method: 'POST',
      path: '/api/v1/denials',
      body: { claim_number: 'CLM-5521', denial_type: 'medical_necessity', amount_cents: 12_000 },
      idPointer: '/id',
    },
    denial: { about: 'read denial {id}', method: 'GET', path: '{{operations.denials}}/{id}' },
    updateDenial: {
      about: 'update denial {id} with a body whose version is stale (an older lock_version)',
      method: 'PATCH',
      path: '{{operations.denial}}',
      body: { lock_version: 0, amount_cents: 100 },
    },
    documents: {
      about: 'upload a document (documented as a multipart POST to /api/v1/documents, field "file")',
      method: 'POST',
      path: '/api/v1/documents',
      contentType: 'multipart/form-data',
      body: { file: { filename: 'denial.txt', contentType: 'text/plain', content: 'Denial letter (test)' } },
    },
    signIn: {
      about: 'sign in; its answer sets the session cookie',
      method: 'POST',
      path: '/api/v1/sessions',
      body: { email: fact('email'), password: fact('password') },
    },
  },
  facts: {
    denialId: { about: 'a denial of the valid session’s organisation whose lock_version is above 0' },
    staleId: { about: 'a denial id that does not exist', default: 'dn_missing_{{unique}}' },
    otherOrganisationDenialId: { about: 'a denial of another organisation' },
    enumField: {
      about:
        'a field of the denials body whose value must come from a list; the doc’s example names denial_type',
      default: 'denial_type',
    },
    fileContentField: {
      about: 'where the documents body holds the file’s content; the doc’s example uploads "file"',
      default: 'file.content',
    },
    mutableField: {
      about: 'a field of the denials body a second denial may hold another value in (the docs name none)',
    },
    email: { about: 'the sign-in e-mail of the valid user (session refresh)' },
    password: { about: 'that user’s password (session refresh)' },
  },
  scenarios: documentedScenarios,
  moreScenarios,
  rowScenarios: [
    {
      ...natural('not_found', "another organization's denial", {
        operation: 'denial',
        params: { id: fact('otherOrganisationDenialId') },
      }),
      path: 'forbidden_ownership',
    },
  ],
  behaviour: {
    read: readDenial,
    create: { request: createDenial(), other: createDenial({ change: fact('mutableField') }) },
    refresh: {
      kind: 'sign_in',
      expiredRole: 'expired',
      signIn: { operation: 'signIn', role: 'none', body: {} },
      credentialHeader: 'set-cookie',
    },
  },
  preflight: readDenial,
};
