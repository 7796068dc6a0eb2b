import { exhaust, fact, natural, viaFault } from '../data.js';
import { EICAR_TEST_STRING } from '../eicar.js';
import type { Scenario, VendorScenarios } from '../types.js';

const multipart = (content: string) => ({
  contentType: 'multipart/form-data; boundary=simboundary',
  text: `--simboundary\r\nContent-Disposition: form-data; name="file"; filename="denial.txt"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n--simboundary--\r\n`,
});
const newDenial = { claim_number: 'CLM-5521', denial_type: 'coding', amount_cents: 12_000 };
/** 50 MB, the upload limit the docs give; one byte over is refused before it is read. */
const DOCUMENTED_UPLOAD_LIMIT = 50 * 1024 * 1024;

const listDenials = { method: 'GET', operation: 'denials' } as const;
const upload = (text: string, streamedBytes?: number) =>
  ({
    method: 'POST',
    operation: 'documents',
    raw: multipart(text),
    ...(streamedBytes ? { streamedBytes } : {}),
  }) as const;

const scenarios: Scenario[] = [
  natural('bad_request', 'a body that is not JSON', {
    method: 'POST',
    operation: 'denials',
    raw: { contentType: 'application/json', text: '{"claim_number": ' },
  }),
  natural('not_authenticated', 'an expired session', { ...listDenials, role: 'expired' }),
  natural('two_factor_required', 'a session waiting for its one-time code', {
    ...listDenials,
    role: 'secondFactorPending',
  }),
  natural('not_authorized', 'a viewer cannot record a denial', {
    method: 'POST',
    operation: 'denials',
    role: 'readOnly',
    json: newDenial,
  }),
  natural('not_found', 'a stale denial id', {
    method: 'GET',
    operation: 'denial',
    params: { id: fact('staleId') },
  }),
  natural('conflict', 'an update against an old lock_version', {
    method: 'PATCH',
    operation: 'denial',
    params: { id: fact('denialId') },
    json: { lock_version: 0, amount_cents: 100 },
  }),
  natural(
    'file_too_large',
    'an upload declared larger than 50 MB',
    upload('big', DOCUMENTED_UPLOAD_LIMIT + 1),
  ),
  {
    ...natural('validation_failed', 'a denial with an unknown type and no claim number', {
      method: 'POST',
      operation: 'denials',
      json: { denial_type: 'weather', amount_cents: 5 },
    }),
    promises: [{ kind: 'fieldDetails', quote: 'One or more fields invalid. details populated.' }],
  },
  natural('virus_detected', 'an upload carrying the EICAR test string', upload(EICAR_TEST_STRING)),
  natural(
    'rate_limited',
    'a session over its per-minute quota',
    { ...listDenials, role: 'rateLimited' },
    exhaust({ ...listDenials, role: 'rateLimited' }, 2),
  ),
  viaFault('internal_error', 'an unexpected server failure', listDenials),
];

export const denialbase: VendorScenarios = {
  vendorId: 'denialbase',
  operations: {
    denials: { about: 'list (GET) and record (POST) denials', path: '/api/v1/denials' },
    denial: {
      about: 'read (GET) and update with lock_version (PATCH) denial {id}',
      path: '{{operations.denials}}/{id}',
    },
    documents: {
      about: 'upload a document (multipart POST; documented as /api/v1/documents)',
      path: '/api/v1/documents',
    },
    signIn: { about: 'sign in with e-mail and password (POST)', path: '/api/v1/sessions' },
  },
  facts: {
    denialId: { about: 'a denial of the valid session’s organisation whose lock_version is above 0' },
    staleId: { about: 'a denial id that does not exist', default: 'dn_missing_{{unique}}' },
    otherOrganisationDenialId: { about: 'a denial of another organisation' },
    email: { about: 'the sign-in e-mail of the valid user (session refresh)' },
    password: { about: 'that user’s password (session refresh)' },
  },
  scenarios,
  rowScenarios: [
    {
      ...natural('not_found', "another organization's denial", {
        method: 'GET',
        operation: 'denial',
        params: { id: fact('otherOrganisationDenialId') },
      }),
      path: 'forbidden_ownership',
    },
  ],
  behaviour: {
    read: listDenials,
    create: {
      request: { method: 'POST', operation: 'denials', json: newDenial },
      otherJson: { ...newDenial, amount_cents: 13_000 },
      idPointer: '/id',
    },
    refresh: {
      kind: 'sign_in',
      expiredRole: 'expired',
      signIn: {
        method: 'POST',
        operation: 'signIn',
        jsonFromFacts: { email: 'email', password: 'password' },
      },
      credentialHeader: 'set-cookie',
    },
  },
};
