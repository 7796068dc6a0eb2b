import { describe, expect, it } from 'vitest';
import { judge } from '../../src/conformance/assertions.js';
import { checklistFor, type ScenarioCheck } from '../../src/conformance/index.js';
import { getVendor, type VendorId, vendorIds } from '../../src/index.js';
import { apiReader, envelopeWithCode } from '../helpers/vendor-bodies.js';

/**
 * An honest vendor may read its own docs differently where they leave room: these answers are the
 * other legitimate readings, made up here, and none may fail a check. Broken documented promises,
 * beside them, still must.
 */

function checkFor(vendorId: VendorId, code: string): ScenarioCheck {
  const found = checklistFor(vendorId).find(
    (check): check is ScenarioCheck => check.kind === 'scenario' && check.code === code,
  );
  if (!found) throw new Error(`${vendorId} has no check for ${code}`);
  return found;
}

function setAt(body: Record<string, unknown>, pointer: string, value: unknown): void {
  const tokens = pointer.slice(1).split('/');
  const last = tokens.pop() as string;
  let node = body;
  for (const token of tokens) {
    node[token] ??= {};
    node = node[token] as Record<string, unknown>;
  }
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/**
 * The field details the code's check cites a promise for (Foresight's param, Denialbase's details),
 * put where the vendor's envelope keeps them: an honest answer carries them.
 */
function withPromisedDetails(vendorId: VendorId, code: string, body: Record<string, unknown>): void {
  for (const promise of checkFor(vendorId, code).scenario.promises ?? []) {
    if (promise.kind !== 'fieldDetails') continue;
    const field = promise.field ?? 'amount';
    const source = apiReader(vendorId).fieldErrors[0];
    if (source?.kind === 'param') setAt(body, source.pointer, field);
    else if (source?.kind === 'list')
      setAt(body, source.pointer, [
        {
          [source.fieldMembers[0] ?? 'field']: field,
          // The member the policy reads a detail's text from: not every envelope calls it message.
          [source.messageMembers[0] ?? 'message']: 'is not valid',
        },
      ]);
  }
}

/** The vendor's documented envelope carrying `code`, answered with `status`, edited as asked. */
function answer(
  vendorId: VendorId,
  code: string,
  status: number,
  edit?: (body: Record<string, unknown>) => void,
) {
  const body = envelopeWithCode(
    vendorId,
    code,
    getVendor(vendorId).catalog.find((e) => e.code === code)?.retryable,
  );
  withPromisedDetails(vendorId, code, body);
  edit?.(body);
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

const verdict = (
  vendorId: VendorId,
  code: string,
  status: number,
  edit?: (body: Record<string, unknown>) => void,
) => judge(vendorId, checkFor(vendorId, code), answer(vendorId, code, status, edit));

/** Every status the catalog accepts beside its own reading, per code. */
const alternatives = vendorIds.flatMap((vendorId) =>
  getVendor(vendorId)
    .catalog.filter((entry) => entry.surface === 'api')
    .flatMap((entry) =>
      (entry.acceptedStatuses ?? []).map((status) => ({ vendorId, code: entry.code, status })),
    ),
);

describe('an honest vendor that reads its docs otherwise is never failed', () => {
  it('has alternative statuses for Foresight’s validation, deleted-resource and organization codes', () => {
    const foresight = alternatives.filter((entry) => entry.vendorId === 'foresight');
    expect(foresight).toEqual(
      expect.arrayContaining([
        { vendorId: 'foresight', code: 'missing_required_field', status: 422 },
        { vendorId: 'foresight', code: 'resource_deleted', status: 410 },
        { vendorId: 'foresight', code: 'organization_mismatch', status: 404 },
      ]),
    );
  });

  it.each(alternatives)(
    '$vendorId $code answered $status passes, naming the reading',
    ({ vendorId, code, status }) => {
      const result = verdict(vendorId, code, status);
      expect(result).toMatchObject({ failures: [], drift: [] });
      expect(result.readings).toEqual([expect.stringContaining(`answered ${status} for ${code}`)]);
    },
  );

  /** Every other answer a catalog entry accepts for its situation, with the check it applies to. */
  const codeAlternatives = vendorIds.flatMap((vendorId) =>
    getVendor(vendorId).catalog.flatMap((entry) =>
      (entry.acceptedCodes ?? []).map((alternative) => ({
        vendorId,
        code: entry.code,
        alternative: alternative.code,
        status: alternative.status,
        path: alternative.path,
      })),
    ),
  );

  it('accepts the answers the docs allow beside the reading: shared rows, listed causes, RFC 6749', () => {
    const pairs = codeAlternatives.map((entry) => `${entry.vendorId} ${entry.code} <- ${entry.alternative}`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        'claimrev invalid_grant <- unsupported_grant_type',
        'collate forbidden <- insufficient_permissions',
        'collate forbidden <- unauthorized',
        'collate insufficient_permissions <- forbidden',
        'collate prior_authorization_not_actionable <- next_action_required',
        'casexchange permission_denied <- resource_not_found',
        'denialbase not_found <- not_authorized',
      ]),
    );
  });

  it.each(codeAlternatives)(
    '$vendorId: the $code check answered $status $alternative passes, naming the reading',
    ({ vendorId, code, alternative, status, path }) => {
      const check = checklistFor(vendorId).find(
        (candidate): candidate is ScenarioCheck =>
          candidate.kind === 'scenario' &&
          candidate.code === code &&
          (path === undefined || candidate.path === path),
      );
      if (!check) throw new Error(`${vendorId} has no check for ${code}`);
      const surface = getVendor(vendorId).catalog.find((entry) => entry.code === code)?.surface;
      const body =
        surface === 'token_endpoint'
          ? { error: alternative, error_description: 'The grant type is not supported.' }
          : envelopeWithCode(vendorId, alternative, false);
      const result = judge(vendorId, check, {
        status,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(result).toMatchObject({ failures: [], drift: [] });
      expect(result.readings).toEqual([expect.stringContaining(`answered ${status} ${alternative}`)]);
    },
  );

  it('Denialbase: 403 not_authorized answers only the other-account check, not a stale id', () => {
    const stale = checkFor('denialbase', 'not_found');
    const result = judge('denialbase', stale, answer('denialbase', 'not_authorized', 403));
    expect(result.failures.map((failure) => failure.message)).toContain('The status is not the catalog’s.');
  });

  it('ClaimRev invalid_client answered 400 (RFC 6749 section 5.2) passes', () => {
    const check = checkFor('claimrev', 'invalid_client');
    const body = JSON.stringify({
      error: 'invalid_client',
      error_description: 'Client authentication failed.',
    });
    const result = judge('claimrev', check, {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(result.failures).toEqual([]);
  });

  it('a Foresight status outside every reading is drift with the reading expected, not a failure', () => {
    const result = verdict('foresight', 'resource_deleted', 400);
    expect(result.failures).toEqual([]);
    expect(result.readings).toEqual([]);
    expect(result.drift).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('The status is not the catalog’s.'),
        expected: [404, 410],
        actual: 400,
      }),
    ]);
  });

  const promised = vendorIds.filter((vendorId) => getVendor(vendorId).policy.requestId.promised);
  const firstApiCode = (vendorId: VendorId) =>
    getVendor(vendorId).catalog.find((entry) => entry.surface === 'api' && entry.status < 500) ?? null;
  const idPointer = (vendorId: VendorId) =>
    apiReader(vendorId).requestId ?? getVendor(vendorId).policy.requestId.pointer ?? '';

  it.each(promised)(
    '%s: a UUID request id is drift from the documented example, not a failure',
    (vendorId) => {
      const entry = firstApiCode(vendorId);
      if (!entry) throw new Error(`${vendorId} has no 4xx code`);
      const result = verdict(vendorId, entry.code, entry.status, (body) =>
        setAt(body, idPointer(vendorId), '0f7c9e42-1a23-4b5c-9d0e-1234567890ab'),
      );
      expect(result.failures).toEqual([]);
      expect(result.drift.map((note) => note.message)).toEqual([
        'The request id has another form than the documented example.',
      ]);
    },
  );

  it.each(promised)(
    '%s: an empty or missing request id is still a failure where one is promised',
    (vendorId) => {
      const entry = firstApiCode(vendorId);
      if (!entry) throw new Error(`${vendorId} has no 4xx code`);
      for (const value of ['', undefined]) {
        const result = verdict(vendorId, entry.code, entry.status, (body) =>
          setAt(body, idPointer(vendorId), value),
        );
        expect(result.failures.map((failure) => failure.message)).toContain(
          `No request id at ${idPointer(vendorId)}.`,
        );
      }
    },
  );

  it('CaseXchange: a 500 without meta.requestId passes ("if present"), and so does a body without timestamp', () => {
    expect(
      verdict('casexchange', 'internal_error', 500, (body) => setAt(body, '/meta/requestId', undefined)),
    ).toMatchObject({
      failures: [],
      drift: [],
    });
    expect(
      verdict('casexchange', 'internal_error', 500, (body) => setAt(body, '/meta', undefined)).failures,
    ).toEqual([]);
    expect(
      verdict('casexchange', 'conflict', 409, (body) => setAt(body, '/meta/timestamp', undefined)),
    ).toMatchObject({
      failures: [],
      drift: [],
    });
  });

  it('Denialbase: a 400 with a code of its own is drift, since the docs name no code for it', () => {
    const result = verdict('denialbase', 'bad_request', 400, (body) =>
      setAt(body, '/error/code', 'malformed_json'),
    );
    expect(result.failures).toEqual([]);
    expect(result.drift.map((note) => note.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('The body names another code.')]),
    );
  });

  it('a documented status answered otherwise is still a failure (Collate prior_authorization_not_found as 403)', () => {
    const result = verdict('collate', 'prior_authorization_not_found', 403);
    expect(result.failures.map((failure) => failure.message)).toContain('The status is not the catalog’s.');
  });
});
